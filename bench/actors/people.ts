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

/**
 * A group channel of the recipient with each pair of senders, created now: n
 * senders give n·(n−1)/2 conversations, so many conversations need few accounts.
 */
export function groupChannelsOfPairs(senders: readonly TeamMember[], recipientId: string, count: number): Promise<Array<{ sender: TeamMember; channelId: string }>> {
  const pairs: Array<[TeamMember, TeamMember]> = [];
  for (let first = 0; first < senders.length && pairs.length < count; first += 1) {
    for (let second = first + 1; second < senders.length && pairs.length < count; second += 1) {
      pairs.push([senders[first] as TeamMember, senders[second] as TeamMember]);
    }
  }
  return mapConcurrently(pairs, creationsAtOnce, async ([sender, other]) => ({
    sender,
    channelId: (await sender.client.createGroupChannel([sender.user.id, other.user.id, recipientId])).id,
  }));
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
