import type { ActivityEntry } from '../shared/autoReply/activity.ts';
import { laterDuplicateReplies } from '../shared/autoReply/duplicateReplies.ts';
import { isMentioned } from '../shared/autoReply/mentions.ts';
import type { CandidatePost } from '../shared/autoReply/pendingReplies.ts';
import { autoReplyProp, decideReply, isAutoReply, type PostFacts, type SkipReason } from '../shared/autoReply/replyPolicy.ts';
import type { ConversationState } from '../shared/autoReply/conversationState.ts';
import type { AutoReplySettings } from '../shared/autoReply/settings.ts';
import { createReply, deletePost, fetchPost, fetchPostsFrom, type Me } from './autoReplyRest.ts';
import type { DisplayNameBook } from './displayNameBook.ts';
import { MattermostApiError, type MattermostApi } from './mattermostApi.ts';
import { describeFailure, isUnreachable } from './requestFailure.ts';
import { readUnreadState, restoreUnread, type UnreadState } from './unreadRestore.ts';

export interface ResponderContext {
  readonly api: MattermostApi;
  readonly me: Me;
  readonly settings: AutoReplySettings;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly names: DisplayNameBook;
  /** What the tab heard of its conversations: a message it can decide from this costs no read of the history. */
  readonly conversations: ConversationState;
  /** Whether the user's replies count as collapsed-threads replies; undefined when that could not be read. */
  readonly collapsedThreads: () => Promise<boolean | undefined>;
  /** Team id for the thread calls of a DM or group message, which belong to no team. */
  readonly anyTeamId: () => Promise<string>;
  readonly record: (entry: ActivityEntry) => Promise<void>;
  /** Called with each reply this tab created, before anything else happens to it. */
  readonly onReplyCreated: (answeredPostId: string, reply: { id: string; createAt: number }) => void;
}

/**
 * What became of one message. Every kind except `unreachable` is final and,
 * where the user should know, already in the activity list; `unreachable`
 * goes to the retry queue.
 */
export type ResponseOutcome =
  | { readonly kind: 'skipped'; readonly reason: SkipReason | 'not-on-server' }
  | { readonly kind: 'replied' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'unreachable'; readonly reason: string };

const second = 1_000;
const minute = 60 * second;
/** A reply sent this long after its message is listed as late. */
const lateAfterMs = minute;
/**
 * The server folds replies with the same pending_post_id for 30 s, per node.
 * A history read older than this before posting is read again, and a reply
 * sent this long after the first look is checked for a twin afterwards.
 */
const freshHistoryMs = 20 * second;
/** Another tab or device is creating the same reply right now (same pending_post_id). */
const duplicateInFlight = 'api.post.deduplicate_create_post.pending';
/** The server refused the reply's thread: the message it answers is not there. */
const missingRoot = new Set(['api.post.create_post.root_id.app_error', 'api.post.create_post.channel_root_id.app_error']);

/** Far enough back for every rule, and for the message itself. */
function historyWindowStart(settings: AutoReplySettings, post: PostFacts, now: number): number {
  const longest = Math.max(settings.minutesBetweenReplies, settings.minutesAfterPause) * minute;
  return Math.min(post.createAt, now - longest);
}

function formatTimeFor(settings: AutoReplySettings): (at: number) => string {
  const timeZone = settings.schedule.kind === 'outside-working-hours' ? settings.schedule.timeZone : undefined;
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return (at) => format.format(at);
}

/**
 * The conversation's posts from `from` on: from what the tab heard when it
 * heard all of them and the message itself, otherwise read from the server
 * (and learnt). `heard` says which.
 */
async function conversationFrom(context: ResponderContext, candidate: CandidatePost, from: number): Promise<{ posts: readonly PostFacts[]; heard: boolean }> {
  const heard = context.conversations.postsFrom(candidate.channelId, candidate.channelType, from);
  if (heard?.some((entry) => entry.id === candidate.post.id)) return { posts: heard, heard: true };
  const token = context.conversations.readStarting();
  const posts = await fetchPostsFrom(context.api, candidate.channelId, from);
  context.conversations.learnHistory(token, candidate.channelId, from, posts);
  return { posts, heard: false };
}

/**
 * Decides on one message and, when it deserves one, sends the reply in its
 * thread, keeps the user's unread state and removes a twin another device
 * sent. A server that cannot be reached gives `unreachable` (to try again);
 * a refusal is recorded and given as `refused`. Nothing else is thrown away.
 */
export async function respondTo(context: ResponderContext, candidate: CandidatePost): Promise<ResponseOutcome> {
  try {
    return await decideAndReply(context, candidate);
  } catch (error) {
    if (isUnreachable(error)) return { kind: 'unreachable', reason: describeFailure(error) };
    const reason = describeFailure(error);
    await context.record({
      kind: 'failed',
      at: context.now(),
      postId: candidate.post.id,
      channelId: candidate.channelId,
      senderName: await context.names.nameOf(candidate.post.userId).catch(() => candidate.senderHint ?? candidate.post.userId),
      reason,
    });
    return { kind: 'refused', reason };
  }
}

async function decideAndReply(context: ResponderContext, candidate: CandidatePost): Promise<ResponseOutcome> {
  const { api, me, settings } = context;
  const { post } = candidate;
  const baseQuestion = {
    post,
    channelType: candidate.channelType,
    mentionsMe: isMentioned(post.message, me.mentionProfile, settings.replyTo.channelWideMentions),
    myUserId: me.id,
    nativeResponderActive: me.nativeResponderActive,
    settings,
    formatTime: formatTimeFor(settings),
    // Its age counts up to when the tab first saw it: waiting for the server does not make it too old.
    seenAt: candidate.seenAt,
  };

  // Most messages are settled without asking the server anything.
  const firstLook = decideReply({ ...baseQuestion, senderName: '', history: [], now: context.now() });
  if (!firstLook.reply) {
    if (firstLook.reason === 'too-old' && candidate.late) await recordIfMissed(context, candidate);
    return { kind: 'skipped', reason: firstLook.reason };
  }

  const firstLookAt = context.now();
  for (let attempt = 1; ; attempt += 1) {
    const now = context.now();
    const from = historyWindowStart(settings, post, now);
    // What the tab heard settles most messages that get no reply without a single request.
    const heard = context.conversations.postsFrom(candidate.channelId, candidate.channelType, from);
    if (heard?.some((entry) => entry.id === post.id)) {
      const early = decideReply({ ...baseQuestion, senderName: '', history: heard, now });
      if (!early.reply) return { kind: 'skipped', reason: early.reason };
    }
    // Independent reads, asked together: each round trip adds to the reply's delay.
    const [name, conversation, { threads, unreadBefore }] = await Promise.all([
      context.names.nameOf(post.userId),
      conversationFrom(context, candidate, from),
      context.collapsedThreads().then(async (threads) => ({
        threads,
        // Best effort: not knowing the unread state must not cost the reply; the entry then says it was not kept.
        unreadBefore: await readUnreadState(api, me.id, candidate, context.anyTeamId, threads).catch((error: unknown) => describeFailure(error)),
      })),
    ]);
    const history = conversation.posts;
    // The event came through the page; the server's own history must confirm the message exists.
    if (!conversation.heard && !history.some((entry) => entry.id === post.id)) {
      // A read replica a moment behind: asked directly, an existing message goes to the retry queue.
      if (await existsOnServer(api, post.id)) return { kind: 'unreachable', reason: 'the message is not in the conversation’s history yet' };
      return { kind: 'skipped', reason: 'not-on-server' };
    }
    const decision = decideReply({ ...baseQuestion, senderName: name, history, now: context.now() });
    if (!decision.reply) return { kind: 'skipped', reason: decision.reason };
    // A long wait for the server (a rate limit): what the history said may be stale; look again.
    if (context.now() - now > freshHistoryMs && attempt < 3) continue;

    let reply: { id: string; createAt: number };
    try {
      reply = await createReply(api, {
        channelId: candidate.channelId,
        rootId: decision.rootId,
        message: decision.message,
        props: { [autoReplyProp]: post.id },
        pendingPostId: `${me.id}:companion-auto-reply:${post.id}`,
      });
    } catch (error) {
      if (error instanceof MattermostApiError && error.serverErrorId === duplicateInFlight && attempt < 3) {
        await context.sleep(2_000);
        continue;
      }
      // Decided from what the tab heard, the message's thread is checked by the server itself.
      if (error instanceof MattermostApiError && missingRoot.has(error.serverErrorId ?? '') && !(await existsOnServer(api, post.id))) {
        context.conversations.forgetPost(candidate.channelId, post.id);
        return { kind: 'skipped', reason: 'not-on-server' };
      }
      throw error;
    }
    // Known at once: the next message of the conversation may be decided before the socket brings the reply back.
    context.conversations.observe(candidate.channelId, {
      id: reply.id,
      userId: me.id,
      rootId: decision.rootId,
      type: '',
      message: decision.message,
      createAt: reply.createAt,
      props: { [autoReplyProp]: post.id },
    });
    context.onReplyCreated(post.id, reply);

    // Past the server's duplicate window another device may have answered too: keep the first reply only.
    if (context.now() - firstLookAt > freshHistoryMs || candidate.late) await removeIfTwin(context, candidate, reply.id);
    // Even a removed twin marked the conversation read when it was posted.
    const unreadProblem =
      typeof unreadBefore === 'string' ? unreadBefore : await keepUnread(context, candidate, unreadBefore, { from, posts: history }, threads);
    await context.record({
      kind: 'replied',
      at: context.now(),
      postId: post.id,
      channelId: candidate.channelId,
      senderName: name,
      ...(candidate.late || context.now() - post.createAt > lateAfterMs ? { late: true } : {}),
      ...(unreadProblem ? { unreadNotKept: unreadProblem } : {}),
    });
    return { kind: 'replied' };
  }
}

/**
 * Reads the replies to the message; if an earlier one exists, ours goes. The
 * reply is sent either way: a failure here is no failure of the reply, and the
 * socket watch of every device still compares the two.
 */
async function removeIfTwin(context: ResponderContext, candidate: CandidatePost, replyId: string): Promise<void> {
  try {
    const answers = await fetchPostsFrom(context.api, candidate.channelId, candidate.post.createAt);
    const later = laterDuplicateReplies(answers, candidate.post.id, context.me.id);
    if (later.some((entry) => entry.id === replyId)) await deletePost(context.api, replyId);
  } catch {
    // Left to the socket watch (accountAutoReply.ts) on this and the other device.
  }
}

async function existsOnServer(api: MattermostApi, postId: string): Promise<boolean> {
  try {
    await fetchPost(api, postId);
    return true;
  } catch (error) {
    if (error instanceof MattermostApiError && [400, 403, 404].includes(error.status)) return false;
    throw error;
  }
}

/** Restores the unread state; a failure is reported with the reply, never in place of it. */
async function keepUnread(
  context: ResponderContext,
  candidate: CandidatePost,
  before: UnreadState,
  history: { readonly from: number; readonly posts: readonly PostFacts[] },
  threads: boolean | undefined,
): Promise<string | undefined> {
  try {
    await restoreUnread(context.api, context.me.id, candidate, before, history, threads);
    return undefined;
  } catch (error) {
    return describeFailure(error);
  }
}

/** A message too old to answer after a disconnect is listed unless someone already dealt with it. */
async function recordIfMissed(context: ResponderContext, candidate: CandidatePost): Promise<void> {
  const later = await fetchPostsFrom(context.api, candidate.channelId, candidate.post.createAt);
  const dealtWith = later.some((entry) => entry.userId === context.me.id && (entry.props[autoReplyProp] === candidate.post.id || !isAutoReply(entry)));
  if (dealtWith) return;
  await context.record({
    kind: 'missed',
    at: candidate.post.createAt,
    postId: candidate.post.id,
    channelId: candidate.channelId,
    senderName: await context.names.nameOf(candidate.post.userId),
  });
}
