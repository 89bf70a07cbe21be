// Mattermost's own auto-responder (TeamSettings.ExperimentalEnableAutomaticReplies,
// on in the test server's configuration), switched on for one user through
// the notify_props a user sets in the webapp's "Automatic replies" settings.
import type { Post } from '@mattermost/types/posts';
import type { TeamMember } from './people.ts';

/** The server answers once per direct channel per UTC day with a post of this type (missing from the client's PostType). */
export const isNativeAutoResponse = (post: Post) => (post.type as string) === 'system_auto_responder';

/** Switches the responder on; the returned function puts the user's previous notify_props back. */
export async function switchNativeResponderOn(member: TeamMember, message: string): Promise<() => Promise<void>> {
  const { notify_props: previous } = await member.client.getMe();
  await member.client.patchMe({ notify_props: { ...previous, auto_responder_active: 'true', auto_responder_message: message } });
  return async () => {
    await member.client.patchMe({ notify_props: previous });
  };
}
