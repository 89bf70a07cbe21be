import type { ActivityEntry } from '../shared/autoReply/activity.ts';
import { isAutoReply } from '../shared/autoReply/replyPolicy.ts';
import type { UnansweredConversation } from '../shared/messages.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';
import { fetchMe, fetchPostsFrom } from './autoReplyRest.ts';
import type { MattermostApi } from './mattermostApi.ts';

/**
 * The away digest: for each conversation that got an auto-reply, whether the
 * user has written there since. Asked of the server, so answers given on
 * another device count.
 */
export async function listUnansweredConversations(
  api: MattermostApi,
  workspace: Workspace,
  activity: readonly ActivityEntry[],
): Promise<UnansweredConversation[]> {
  const me = await fetchMe(api);
  const latestReplyPerChannel = new Map<string, ActivityEntry>();
  for (const entry of activity) {
    if (entry.kind !== 'replied') continue;
    const known = latestReplyPerChannel.get(entry.channelId);
    if (!known || known.at < entry.at) latestReplyPerChannel.set(entry.channelId, entry);
  }
  const unanswered: UnansweredConversation[] = [];
  for (const entry of latestReplyPerChannel.values()) {
    const since = await fetchPostsFrom(api, entry.channelId, entry.at - 60_000);
    const answered = since.some((post) => post.userId === me.id && !isAutoReply(post) && post.createAt >= entry.at - 60_000);
    if (!answered) {
      unanswered.push({
        channelId: entry.channelId,
        senderName: entry.senderName,
        repliedAt: entry.at,
        link: `${workspaceUrl(workspace)}/_redirect/pl/${entry.postId}`,
      });
    }
  }
  return unanswered.sort((a, b) => b.repliedAt - a.repliedAt);
}
