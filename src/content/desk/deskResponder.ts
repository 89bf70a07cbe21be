import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { decideFeedback, deskAnswerProps, deskTeamIds, laterAnswersOf, threadVerdict, type AnswerDecision } from '../../shared/desk/deskAnswers.ts';
import { deskPostOf, type DeskPost } from '../../shared/desk/deskPosts.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { createReply, deletePost, fetchLastViewedAt, markUnreadFrom } from '../autoReplyRest.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { describeFailure } from '../requestFailure.ts';
import type { ReactionEvent } from '../socketMessage.ts';

/**
 * The desk's requests: an automatic answer in a question's thread, and the
 * solved emoji after the asker's 👍. Each reads what it needs from the
 * server just before acting, so another tab, device or desk that got there
 * first is seen, and every outcome worth knowing is recorded.
 */

export interface DeskResponderContext {
  readonly api: MattermostApi;
  readonly runnerId: string;
  readonly settings: () => DeskSettings;
  readonly record: (entry: DeskActivityEntry) => Promise<void>;
  readonly now: () => number;
}

type ServerPost = Parameters<typeof deskPostOf>[0] & { readonly channel_id?: string; readonly delete_at?: number };

async function readThread(api: MattermostApi, rootId: string): Promise<DeskPost[]> {
  const list = await api.request<{ posts?: Record<string, ServerPost> }>('GET', `${api.client.getPostRoute(rootId)}/thread?skipFetchThreads=true`);
  return Object.values(list.posts ?? {})
    .filter((post) => !post.delete_at)
    .map(deskPostOf);
}

async function readPost(api: MattermostApi, postId: string): Promise<ServerPost> {
  return api.request<ServerPost>('GET', api.client.getPostRoute(postId));
}

export type AnswerOutcome = 'answered' | 'already-answered' | 'team-replied' | 'question-gone' | 'another-answer-kept' | 'failed';

/**
 * Answers a question in its thread, unless its thread already holds an
 * automatic answer or a reply from the team. Two answers past the server's
 * fold of equal `pending_post_id`s: the earliest stays, this account deletes
 * its later one. Posting does not set the runner online, and a support
 * channel the runner had not read yet is left unread.
 */
export async function answerQuestion(
  context: DeskResponderContext,
  question: DeskPost,
  channelId: string,
  decision: Extract<AnswerDecision, { kind: 'answer' }>,
  late: boolean,
): Promise<AnswerOutcome> {
  const { api, runnerId } = context;
  const entry = { questionId: question.id, channelId, askerId: question.userId, ...(late ? { late } : {}) };
  let created: { id: string };
  let viewedBefore: number;
  try {
    const verdict = threadVerdict(await readThread(api, question.id), question.id, deskTeamIds(context.settings(), runnerId));
    if (verdict !== 'answer') return verdict;
    viewedBefore = await fetchLastViewedAt(api, channelId);
    created = await createReply(api, {
      channelId,
      rootId: question.id,
      message: decision.message,
      props: deskAnswerProps(),
      pendingPostId: `${runnerId}:companion-desk-answer:${question.id}`,
    });
  } catch (error) {
    await context.record({ kind: 'failed', at: context.now(), action: 'answer', reason: describeFailure(error), ...entry });
    return 'failed';
  }
  // The answer is out: what fails from here on is told beside it, never as a failed answer.
  let afterwards: string | undefined;
  try {
    const later = laterAnswersOf(await readThread(api, question.id), question.id, runnerId);
    if (later.includes(created.id)) {
      await deletePost(api, created.id);
      return 'another-answer-kept';
    }
    await keepChannelUnread(api, runnerId, channelId, viewedBefore, created.id);
  } catch (error) {
    afterwards = describeFailure(error);
  }
  await context.record({ kind: 'answered', at: context.now(), ruleNumber: decision.ruleNumber, ...entry, ...(afterwards ? { reason: afterwards } : {}) });
  return 'answered';
}

/**
 * With collapsed threads off, the server marks the channel viewed when the
 * runner posts. If the runner had not read the channel up to then, its
 * unread marker goes back on the first post they had not seen.
 */
async function keepChannelUnread(api: MattermostApi, runnerId: string, channelId: string, viewedBefore: number, answerId: string): Promise<void> {
  const viewedAfter = await fetchLastViewedAt(api, channelId);
  if (viewedAfter <= viewedBefore) return;
  const since = await api.request<{ posts?: Record<string, ServerPost> }>('GET', `${api.client.getChannelRoute(channelId)}/posts?since=${viewedBefore}&skipFetchThreads=true`);
  const unseen = Object.values(since.posts ?? {})
    .filter((post) => post.id !== answerId && !post.delete_at && post.create_at > viewedBefore && post.user_id !== runnerId)
    .sort((a, b) => a.create_at - b.create_at)[0];
  if (unseen) await markUnreadFrom(api, runnerId, unseen.id);
}

export type FeedbackOutcome = 'solved' | 'left' | 'failed';

/**
 * A 👍 on a post of a support channel: when it is the asker's on the desk's
 * answer, the runner puts the solved emoji on the question.
 */
export async function solveFromFeedback(context: DeskResponderContext, reaction: ReactionEvent, late: boolean): Promise<FeedbackOutcome> {
  const { api, runnerId } = context;
  const answer = deskPostOf(await readPost(api, reaction.postId));
  if (answer.deskKind !== 'answer' || answer.rootId === '') return 'left';
  const question = deskPostOf(await readPost(api, answer.rootId));
  const decision = decideFeedback(reaction, answer, question, context.settings(), runnerId);
  if (decision.kind !== 'solve') return 'left';
  const entry = { questionId: question.id, channelId: reaction.channelId, askerId: question.userId, ...(late ? { late } : {}) };
  try {
    await api.request('POST', `${api.client.getBaseRoute()}/reactions`, { user_id: runnerId, post_id: question.id, emoji_name: context.settings().solvedEmoji });
    await context.record({ kind: 'solved-by-feedback', at: context.now(), ...entry });
    return 'solved';
  } catch (error) {
    await context.record({ kind: 'failed', at: context.now(), action: 'mark-solved', reason: describeFailure(error), ...entry });
    return 'failed';
  }
}
