// New team members for the benchmarks: every measured conversation needs a
// sender with no history with its recipient, and the recipients themselves are
// new each run, so earlier runs and the tests' seeded accounts play no part.
//
// An unlicensed server refuses new accounts once 250 are active
// (ERROR_SAFETY_LIMITS_EXCEEDED), and deactivated ones do not count, so the
// benchmarks deactivate ("retire") every account once done with it, and
// first retire those earlier runs left active (retireEarlierTestMembers).
import { directChannelId, newTeamMember, requestJson, signedInClient, type TeamMember } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export type { TeamMember };

/** First names of the accounts the benchmarks create. */
export const benchFirstNames = { sender: 'Sender', companionUser: 'Riley', nativeUser: 'Noor' } as const;

/** Account creation and sign-in hash passwords on the server: a few at a time keeps the 2 cores for it. */
const creationsAtOnce = 4;
/** Accounts left free for whatever else uses the server meanwhile. */
const spareAccounts = 5;

export function newTeamMembers(count: number, firstName: string): Promise<TeamMember[]> {
  return mapConcurrently(Array.from({ length: count }), creationsAtOnce, () => newTeamMember(firstName));
}

/** The direct-message channel of each sender with `recipientId`, created now. */
export function directChannels(senders: readonly TeamMember[], recipientId: string): Promise<string[]> {
  return mapConcurrently(senders, creationsAtOnce, (sender) => directChannelId(sender.client, recipientId));
}

/** Deactivates the accounts; their posts and channels stay. */
export async function retire(members: readonly TeamMember[]): Promise<void> {
  const admin = await signedInClient(server.admin);
  await mapConcurrently(members, creationsAtOnce, (member) => admin.updateUserActive(member.user.id, false));
}

/** How many more accounts may be created now, keeping a few spare. */
export async function roomForNewMembers(): Promise<number> {
  const admin = await signedInClient(server.admin);
  const limits = await requestJson<{ maxUsersHardLimit: number; activeUserCount: number }>(admin, 'GET', '/limits/server');
  return limits.maxUsersHardLimit > 0 ? Math.max(0, limits.maxUsersHardLimit - limits.activeUserCount - spareAccounts) : Number.POSITIVE_INFINITY;
}
