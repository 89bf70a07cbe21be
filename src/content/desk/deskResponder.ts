import type { DeskActivityEntry } from '../../shared/desk/deskActivity.ts';
import { decideFeedback, deskAnswerProps, deskTeamIds, laterAnswersOf, threadVerdict, type AnswerDecision } from '../../shared/desk/deskAnswers.ts';
import { deskPostOf, type DeskPost } from '../../shared/desk/deskPosts.ts';
import { decideReminder, lastTeamActivity, laterRemindersOf, reminderProps, type ReminderDecision } from '../../shared/desk/deskReminders.ts';
import type { DeskSettings } from '../../shared/desk/deskSettings.ts';
import { alreadyWelcomed, welcomeKey, welcomeProps } from '../../shared/desk/deskWelcome.ts';
import { localCalendar } from '../../shared/desk/localCalendar.ts';
import { onDutyPeriodAt } from '../../shared/desk/onDutyRotation.ts';
import { createReply, deletePost, fetchLastViewedAt, markThreadUnreadFrom, markUnreadFrom } from '../autoReplyRest.ts';
import { MattermostApiError, type MattermostApi } from '../mattermostApi.ts';
import { describeFailure } from '../requestFailure.ts';
import type { ReactionEvent } from '../socketMessage.ts';
import { lookUpUserIds } from './deskDirectory.ts';

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

/** Who was welcomed to which channel in this browser. */
export interface WelcomeMemory {
  readonly has: (key: string) => Promise<boolean>;
  readonly remember: (key: string) => Promise<void>;
}

type ServerPost = Parameters<typeof deskPostOf>[0] & { readonly channel_id?: string; readonly delete_at?: number };

async function readThread(api: MattermostApi, rootId: string): Promise<DeskPost[]> {
  const list = await api.request<{ posts?: Record<string, ServerPost> }>('GET', `${api.client.getPostRoute(rootId)}/thread?skipFetchThreads=true`);
  return Object.values(list.posts ?? {})
    .filter((post) => !post.delete_at)
    .map(deskPostOf);
}

/** A thread, or undefined when its root was deleted meanwhile. */
async function readThreadUnlessGone(api: MattermostApi, rootId: string): Promise<DeskPost[] | undefined> {
  try {
    return await readThread(api, rootId);
  } catch (error) {
    if (error instanceof MattermostApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Another tab or device is creating the same post right now (same pending_post_id): the server answers this one with an error. */
const duplicateInFlight = 'api.post.deduplicate_create_post.pending';

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
  let posted: PostedOnce;
  try {
    const thread = await readThreadUnlessGone(api, question.id);
    if (!thread) return 'question-gone';
    const verdict = threadVerdict(thread, question.id, deskTeamIds(context.settings(), runnerId));
    if (verdict !== 'answer') return verdict;
    posted = await postOnce(context, {
      channelId,
      rootId: question.id,
      message: decision.message,
      props: deskAnswerProps(),
      pendingPostId: `${runnerId}:companion-desk-answer:${question.id}`,
      laterTwins: (thread) => laterAnswersOf(thread, question.id, runnerId),
    });
  } catch (error) {
    await context.record({ kind: 'failed', at: context.now(), action: 'answer', reason: describeFailure(error), ...entry });
    return 'failed';
  }
  if (posted.kind === 'twin-deleted') return 'another-answer-kept';
  await context.record({ kind: 'answered', at: context.now(), ruleNumber: decision.ruleNumber, ...entry, ...(posted.afterwards ? { reason: posted.afterwards } : {}) });
  return 'answered';
}

/** Posted; or not, because a twin from another tab or device is (or is being) posted. */
type PostedOnce = { readonly kind: 'posted'; /** What failed after posting: the check for a twin, the unread marker. */ readonly afterwards?: string } | { readonly kind: 'twin-deleted' };

/**
 * Posts in a thread as the desk: with a `pending_post_id` every device
 * derives alike (the server folds twins within 30 s, per node), not setting
 * the runner online; then reads the thread again and deletes this post if
 * `laterTwins` names it (an earlier twin stays). A support channel the runner
 * had not read yet is left unread. Throws only when nothing was posted.
 */
async function postOnce(
  context: DeskResponderContext,
  post: {
    channelId: string;
    rootId: string;
    message: string;
    props: Record<string, string>;
    pendingPostId: string;
    laterTwins: (thread: DeskPost[]) => string[];
    /** Meant for the runner: left unread for them. */
    forTheRunner?: boolean;
  },
): Promise<PostedOnce> {
  const { api, runnerId } = context;
  const viewedBefore = await fetchLastViewedAt(api, post.channelId);
  let created: { id: string };
  try {
    created = await createReply(api, post);
  } catch (error) {
    if (error instanceof MattermostApiError && error.serverErrorId === duplicateInFlight) return { kind: 'twin-deleted' };
    throw error;
  }
  try {
    if (post.laterTwins(await readThread(api, post.rootId)).includes(created.id)) {
      await deletePost(api, created.id);
      return { kind: 'twin-deleted' };
    }
    await keepChannelUnread(api, runnerId, post.channelId, viewedBefore, created.id, { forTheRunner: post.forTheRunner === true, rootId: post.rootId });
    return { kind: 'posted' };
  } catch (error) {
    return { kind: 'posted', afterwards: describeFailure(error) };
  }
}

/**
 * With collapsed threads off, the server marks the channel viewed when the
 * runner posts. If the runner had not read the channel up to then, its
 * unread marker goes back on the first post they had not seen. A post meant
 * for the runner (a reminder mentioning them: Mattermost never notifies you
 * of your own post) counts as not seen either; with collapsed threads on,
 * where posting a reply marks only its thread read, that thread's marker goes
 * back on it.
 */
export async function keepChannelUnread(
  api: MattermostApi,
  runnerId: string,
  channelId: string,
  viewedBefore: number,
  postedId: string,
  { forTheRunner = false, rootId = '' } = {},
): Promise<void> {
  const viewedAfter = await fetchLastViewedAt(api, channelId);
  if (viewedAfter <= viewedBefore) {
    if (forTheRunner && rootId !== '') {
      // A thread's marker is kept per team; a conversation outside teams has no thread list to show it in.
      const channel = await api.request<{ team_id?: string }>('GET', api.client.getChannelRoute(channelId));
      if (channel.team_id) await markThreadUnreadFrom(api, runnerId, channel.team_id, rootId, postedId);
    }
    return;
  }
  const since = await api.request<{ posts?: Record<string, ServerPost> }>('GET', `${api.client.getChannelRoute(channelId)}/posts?since=${viewedBefore}&skipFetchThreads=true`);
  const unseen = Object.values(since.posts ?? {})
    .filter((post) => (post.id === postedId ? forTheRunner : post.user_id !== runnerId) && !post.delete_at && post.create_at > viewedBefore)
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

export type ReminderOutcome =
  | { readonly kind: 'reminded' }
  | { readonly kind: 'wait'; readonly until: number }
  | { readonly kind: 'outside-hours' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed' };

/**
 * Reminds the person on duty in a question's thread when the thread, read
 * now, says a reminder is due; otherwise says when to look again.
 */
export async function remindIfDue(
  context: DeskResponderContext,
  questionId: string,
  channelId: string,
  reminderText: (mention: string, minutes: number) => string,
): Promise<ReminderOutcome> {
  const { api, runnerId } = context;
  const settings = context.settings();
  const now = context.now();
  let decision: ReminderDecision;
  let thread: DeskPost[];
  try {
    thread = await readThread(api, questionId);
    decision = decideReminder(thread, questionId, settings, runnerId, now);
  } catch {
    // Unreadable now (a blip, a deleted question): looked at again later.
    return { kind: 'wait', until: now + reminderRecheckMs };
  }
  if (decision.kind === 'leave') return { kind: 'done' };
  if (decision.kind !== 'remind') return decision;
  const question = thread.find((post) => post.id === questionId);
  const askerId = question?.userId ?? '';
  // Since the question or the team's last reply: earlier reminders are no answer.
  const withoutReminders = thread.filter((post) => post.deskKind !== 'reminder');
  const waitedMinutes = question ? Math.round((now - lastTeamActivity(withoutReminders, question, deskTeamIds(settings, runnerId))) / 60_000) : settings.reminders.afterMinutes;
  const onDutyId = onDutyPeriodAt(settings.onDuty, now, localCalendar(settings.timeZone)).userId ?? runnerId;
  const entry = { questionId, channelId, askerId, reminderNumber: decision.number, onDutyId };
  try {
    const [person] = await lookUpUserIds(api, [onDutyId]);
    if (!person) throw new Error(`nobody has the id ${onDutyId}`);
    const posted = await postOnce(context, {
      channelId,
      rootId: questionId,
      message: reminderText(`@${person.username}`, waitedMinutes),
      props: reminderProps(decision.number),
      pendingPostId: `${runnerId}:companion-desk-reminder:${questionId}:${decision.number}`,
      laterTwins: (after) => laterRemindersOf(after, questionId, decision.number, runnerId),
      forTheRunner: onDutyId === runnerId,
    });
    if (posted.kind === 'twin-deleted') return { kind: 'done' };
    await context.record({ kind: 'reminded', at: context.now(), ...entry, ...(posted.afterwards ? { reason: posted.afterwards } : {}) });
    return { kind: 'reminded' };
  } catch (error) {
    await context.record({ kind: 'failed', at: context.now(), action: 'remind', reason: describeFailure(error), ...entry });
    return { kind: 'failed' };
  }
}

/** How soon a thread that could not be read, or lies outside the desk's hours, is looked at again. */
export const reminderRecheckMs = 5 * 60_000;

export type WelcomeOutcome = 'welcomed' | 'already-welcomed' | 'failed';

/**
 * Welcomes someone who joined a support channel, once: as a message only
 * they see in the channel (`POST /posts/ephemeral`, which needs that
 * permission: refused, a direct message goes instead and the refusal is
 * listed), or as a direct message from the runner, first looked for in their
 * conversation, so another device's welcome is not repeated. A message only
 * they see leaves no trace on the server: only this browser remembers it.
 */
export async function welcome(context: DeskResponderContext, memory: WelcomeMemory, join: DeskPost, userId: string, channelId: string, late: boolean): Promise<WelcomeOutcome> {
  const { api, runnerId } = context;
  const settings = context.settings();
  const key = welcomeKey(channelId, userId);
  const entry = { questionId: join.id, channelId, askerId: userId, ...(late ? { late } : {}) };
  try {
    if (await memory.has(key)) return 'already-welcomed';
    const props = welcomeProps(channelId);
    let fellBack: string | undefined;
    if (settings.welcome.delivery === 'ephemeral') {
      try {
        await api.request('POST', `${api.client.getPostsRoute()}/ephemeral`, { user_id: userId, post: { channel_id: channelId, message: settings.welcome.message, props } });
      } catch (error) {
        // Only those allowed to (system admins, by default) may create a message only one person sees: a direct message then.
        if (!(error instanceof MattermostApiError && error.status === 403)) throw error;
        fellBack = describeFailure(error);
      }
    }
    if (settings.welcome.delivery === 'direct-message' || fellBack !== undefined) {
      const direct = await api.request<{ id: string }>('POST', `${api.client.getBaseRoute()}/channels/direct`, [runnerId, userId]);
      const history = await api.request<{ posts?: Record<string, { props?: Record<string, unknown> | null }> }>('GET', `${api.client.getChannelRoute(direct.id)}/posts?per_page=200`);
      if (alreadyWelcomed(Object.values(history.posts ?? {}), channelId)) {
        await memory.remember(key);
        return 'already-welcomed';
      }
      const viewedBefore = await fetchLastViewedAt(api, direct.id);
      let created: { id: string };
      try {
        created = await createReply(api, { channelId: direct.id, rootId: '', message: settings.welcome.message, props, pendingPostId: `${runnerId}:companion-desk-welcome:${key}` });
      } catch (error) {
        // Another tab or device is sending this very welcome.
        if (error instanceof MattermostApiError && error.serverErrorId === duplicateInFlight) return 'already-welcomed';
        throw error;
      }
      // The runner may have an unread message from them: it stays unread.
      await keepChannelUnread(api, runnerId, direct.id, viewedBefore, created.id).catch(() => undefined);
    }
    await memory.remember(key);
    await context.record({ kind: 'welcomed', at: context.now(), ...entry, ...(fellBack ? { reason: fellBack, deliveredAs: 'direct-message' } : {}) });
    return 'welcomed';
  } catch (error) {
    await context.record({ kind: 'failed', at: context.now(), action: 'welcome', reason: describeFailure(error), ...entry });
    return 'failed';
  }
}
