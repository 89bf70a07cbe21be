import { containsKeyword, matchesPattern } from '../autoReply/textMatch.ts';
import { deskProp, type DeskPost } from './deskPosts.ts';
import type { DeskSettings } from './deskSettings.ts';
import { thumbsUpEmoji } from './questionThreads.ts';

/**
 * The desk's automatic answers and their feedback, decided from posts alone:
 * which root post is a question the desk answers, with what, and when an
 * asker's 👍 on that answer solves the question. The tab that runs the desk
 * reads and posts; everything it decides is here.
 */

/** The people whose posts are answers, never questions: the team, and whoever runs the desk. */
export function deskTeamIds(settings: DeskSettings, runnerId: string): ReadonlySet<string> {
  return new Set([...settings.team.userIds, runnerId]);
}

/** The settings with a group's members on the team too, as the desk decides with them once it has read the group. */
export function withGroupMembers(settings: DeskSettings, groupMemberIds: readonly string[]): DeskSettings {
  return { ...settings, team: { ...settings.team, userIds: [...new Set([...settings.team.userIds, ...groupMemberIds])] } };
}

export type AnswerDecision =
  | { readonly kind: 'answer'; readonly message: string; /** 1-based, as the options page numbers rules. */ readonly ruleNumber: number }
  | { readonly kind: 'leave'; readonly reason: 'desk-off' | 'not-support-channel' | 'not-a-question' | 'by-the-team' | 'no-rule-matches' };

/**
 * Whether a new post gets an automatic answer in its thread: a root post in a
 * support channel, by a person outside the team (not a bot, an integration,
 * a system message or the desk), whose text the first matching rule answers.
 * The answer asks for a 👍 when feedback is on.
 */
export function decideAnswer(post: DeskPost, channelId: string, settings: DeskSettings, runnerId: string, feedbackRequest: string): AnswerDecision {
  if (!settings.enabled) return { kind: 'leave', reason: 'desk-off' };
  if (!settings.channelIds.includes(channelId)) return { kind: 'leave', reason: 'not-support-channel' };
  if (post.rootId !== '' || post.type !== '' || post.automated || post.deskKind !== undefined) return { kind: 'leave', reason: 'not-a-question' };
  if (deskTeamIds(settings, runnerId).has(post.userId)) return { kind: 'leave', reason: 'by-the-team' };
  const index = settings.answers.rules.findIndex((rule) => (rule.kind === 'keyword' ? containsKeyword(post.message, rule.match) : matchesPattern(post.message, rule.match)));
  const rule = settings.answers.rules[index];
  if (!rule) return { kind: 'leave', reason: 'no-rule-matches' };
  const message = settings.answers.askForFeedback ? `${rule.reply}\n\n${feedbackRequest}` : rule.reply;
  return { kind: 'answer', message, ruleNumber: index + 1 };
}

/** What a thread already holds, read just before answering. */
export type ThreadVerdict = 'answer' | 'already-answered' | 'team-replied' | 'question-gone';

/**
 * A question is answered once: not when an automatic answer is already in
 * its thread (another tab, device or team member's desk), nor once the team
 * has replied by hand (at catch-up, the answer would come after theirs).
 */
export function threadVerdict(thread: readonly DeskPost[], questionId: string, teamIds: ReadonlySet<string>): ThreadVerdict {
  if (!thread.some((post) => post.id === questionId)) return 'question-gone';
  const replies = thread.filter((post) => post.rootId === questionId);
  if (replies.some((post) => post.deskKind === 'answer')) return 'already-answered';
  if (replies.some((post) => post.deskKind === undefined && post.type === '' && teamIds.has(post.userId))) return 'team-replied';
  return 'answer';
}

/**
 * Of several automatic answers in one thread (two devices past the server's
 * 30 s fold), the earliest stays: the ids of the later ones this account
 * posted, for it to delete.
 */
export function laterAnswersOf(thread: readonly DeskPost[], questionId: string, runnerId: string): string[] {
  const answers = thread
    .filter((post) => post.rootId === questionId && post.deskKind === 'answer')
    .sort((a, b) => a.createAt - b.createAt || a.id.localeCompare(b.id));
  return answers.slice(1).filter((post) => post.userId === runnerId).map((post) => post.id);
}

export type FeedbackDecision =
  | { readonly kind: 'solve'; readonly questionId: string }
  | { readonly kind: 'leave'; readonly reason: 'not-feedback' | 'not-the-asker' | 'already-solved' | 'desk-off' };

/**
 * A 👍 on an automatic answer solves its question when it comes from the
 * person who asked: the desk then puts the solved emoji on the question. A
 * question a team member already marked solved is left as it is.
 */
export function decideFeedback(
  reaction: { readonly userId: string; readonly emojiName: string },
  answer: DeskPost,
  question: DeskPost,
  settings: DeskSettings,
  runnerId: string,
): FeedbackDecision {
  if (!settings.enabled) return { kind: 'leave', reason: 'desk-off' };
  if (!thumbsUpEmoji.has(reaction.emojiName) || answer.deskKind !== 'answer' || answer.rootId !== question.id) return { kind: 'leave', reason: 'not-feedback' };
  if (reaction.userId !== question.userId) return { kind: 'leave', reason: 'not-the-asker' };
  const team = deskTeamIds(settings, runnerId);
  if (question.reactions.some((given) => given.emojiName === settings.solvedEmoji && team.has(given.userId))) return { kind: 'leave', reason: 'already-solved' };
  return { kind: 'solve', questionId: question.id };
}

/** The props of everything the desk posts: other Companions and the desk itself never take it for a question or an answer. */
export function deskAnswerProps(): Record<string, string> {
  return { [deskProp]: 'answer' };
}
