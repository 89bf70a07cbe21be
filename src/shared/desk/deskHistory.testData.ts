// A support channel's history for the desk's tests: the figures each test
// expects are worked out by hand from these posts.
import type { DeskPost, DeskPostKind, DeskReaction } from './deskPosts.ts';

export const minute = 60_000;
/** Monday 23 November 2026, 09:00 UTC. */
export const monday9 = Date.UTC(2026, 10, 23, 9, 0);

export const team = { memberIds: new Set(['tina', 'tom']), solvedEmoji: 'white_check_mark' };

function post(id: string, userId: string, createAt: number, message: string, more: Partial<DeskPost> = {}): DeskPost {
  return { id, userId, rootId: '', createAt, message, type: '', automated: false, deskKind: undefined, reactions: [], ...more };
}
const reply = (id: string, rootId: string, userId: string, createAt: number, message: string, deskKind?: DeskPostKind, reactions: DeskReaction[] = []) =>
  post(id, userId, createAt, message, { rootId, deskKind, reactions });
const solvedBy = (userId: string, createAt: number): DeskReaction => ({ userId, emojiName: 'white_check_mark', createAt });

const q2At = monday9 + 60 * minute;
const q3At = Date.UTC(2026, 10, 24, 14, 0);
const q7At = Date.UTC(2026, 10, 25, 8, 15);

/** Oldest first. */
export const supportHistory: readonly DeskPost[] = [
  // q1: answered by the team after 10 minutes, solved after an hour.
  post('q1', 'ann', monday9, 'My VPN is down #vpn', { reactions: [solvedBy('tina', monday9 + 60 * minute)] }),
  reply('r1', 'q1', 'tom', monday9 + 10 * minute, 'Looking into it'),
  reply('r1b', 'q1', 'ann', monday9 + 12 * minute, 'Thanks'),
  reply('r1c', 'q1', 'tina', monday9 + 20 * minute, 'Fixed now'),
  // q2: the desk answered; the asker's 👍 made it solved, no team member replied.
  post('q2', 'bob', q2At, 'Printer jam on floor 3', { reactions: [solvedBy('tina', q2At + 5 * minute + 1_000)] }),
  reply('a2', 'q2', 'tina', q2At + 1_000, 'Try the printer guide', 'answer', [{ userId: 'bob', emojiName: '+1', createAt: q2At + 5 * minute }]),
  // q3: a team member replied after 30 minutes; still open.
  post('q3', 'ann', q3At, 'VPN certificate expired #vpn #access'),
  reply('r3', 'q3', 'tina', q3At + 30 * minute, 'Renewing it'),
  // Not questions: a team member's post, a join message, a bot's post, the desk's weekly report.
  post('t4', 'tom', q3At + minute, 'Maintenance tonight'),
  post('s5', 'dan', q3At + 2 * minute, 'dan joined the channel.', { type: 'system_join_channel' }),
  post('b6', 'ci-bot', q3At + 3 * minute, 'Build failed', { automated: true }),
  post('w8', 'tina', q3At + 4 * minute, 'Weekly report', { deskKind: 'report' }),
  // q7: nobody from the team yet; the asker's own ✅ does not solve it; one reminder went out.
  post('q7', 'bob', q7At, 'Cannot log in to the wiki', { reactions: [solvedBy('bob', q7At + minute)] }),
  reply('m7', 'q7', 'tina', q7At + 60 * minute, '@tom a reminder', 'reminder'),
];

export const questionTimes = { q1: monday9, q2: q2At, q3: q3At, q7: q7At };
