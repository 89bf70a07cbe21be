// New team members for the benchmarks: every measured conversation needs a
// sender with no history with its recipient, and the recipients themselves are
// new each run, so earlier runs and the tests' seeded accounts play no part.
import { directChannelId, newTeamMember, type TeamMember } from '../../tests/e2e/actors.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export type { TeamMember };

/** Account creation and sign-in hash passwords on the server: a few at a time keeps the 2 cores for it. */
const creationsAtOnce = 4;

export function newTeamMembers(count: number, firstName: string): Promise<TeamMember[]> {
  return mapConcurrently(Array.from({ length: count }), creationsAtOnce, () => newTeamMember(firstName));
}

/** The direct-message channel of each sender with `recipientId`, created now. */
export function directChannels(senders: readonly TeamMember[], recipientId: string): Promise<string[]> {
  return mapConcurrently(senders, creationsAtOnce, (sender) => directChannelId(sender.client, recipientId));
}
