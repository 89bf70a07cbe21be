// New team members for the benchmarks: every measured conversation needs a
// sender with no history with its recipient, and the recipients themselves are
// new each run, so earlier runs and the tests' seeded accounts play no part.
//
// An unlicensed server refuses new accounts once 250 are active
// (ERROR_SAFETY_LIMITS_EXCEEDED), and deactivated ones do not count, so the
// benchmarks deactivate ("retire") every account once done with it, and
// first retire what a run that was killed left active.
import type { UserProfile } from '@mattermost/types/users';
import { directChannelId, newTeamMember, requestJson, signedInClient, type TeamMember } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export type { TeamMember };

/** First names of the accounts the benchmarks create; usernames start with them in lower case. */
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

/** Deactivates accounts an earlier, interrupted run created and left active; returns how many. */
export async function retireLeftovers(): Promise<number> {
  const admin = await signedInClient(server.admin);
  const ours = new RegExp(`^(${Object.values(benchFirstNames).join('|').toLowerCase()})-[0-9a-z]+-\\d+$`);
  const leftovers: UserProfile[] = [];
  const perPage = 200;
  for (let page = 0; ; page += 1) {
    const users = await requestJson<UserProfile[]>(admin, 'GET', `/users?active=true&page=${page}&per_page=${perPage}`);
    leftovers.push(...users.filter((user) => ours.test(user.username)));
    if (users.length < perPage) break;
  }
  await mapConcurrently(leftovers, creationsAtOnce, (user) => admin.updateUserActive(user.id, false));
  return leftovers.length;
}
