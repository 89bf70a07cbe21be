import type { ActivityEntry } from '../shared/autoReply/activity.ts';
import { autoReplyProp, decideReply, isAutoReply, type ChannelType, type PostFacts, type ReplyDecision } from '../shared/autoReply/replyPolicy.ts';
import type { AutoReplySettings } from '../shared/autoReply/settings.ts';
import { createReply, fetchDisplayName, fetchLastViewedAt, fetchPostsSince, markUnreadFrom, type Me } from './autoReplyRest.ts';
import { MattermostApiError, type MattermostApi } from './mattermostApi.ts';

/** A message that might deserve a reply, from the WebSocket or from catching up. */
export interface CandidatePost {
  readonly post: PostFacts;
  readonly channelId: string;
  readonly channelType: ChannelType;
  readonly mentionsMe: boolean;
}

export interface ResponderContext {
  readonly api: MattermostApi;
  readonly me: Me;
  readonly settings: AutoReplySettings;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly displayNames: Map<string, string>;
  readonly record: (entry: ActivityEntry) => Promise<void>;
}

export type ResponseOutcome = ReplyDecision | { readonly reply: false; readonly reason: 'not-on-server' };

const minute = 60_000;
/** A reply sent this long after its message is listed as late. */
const lateAfterMs = minute;
/** Another tab or device is creating the same reply right now (same pending_post_id). */
const duplicateInFlight = 'api.post.deduplicate_create_post.pending';

function historyWindowStart(settings: AutoReplySettings, post: PostFacts, now: number): number {
  const longest = Math.max(settings.minutesBetweenReplies, settings.minutesAfterPause) * minute;
  // `since` is strict: starting a millisecond earlier keeps the message itself in the answer.
  return Math.min(post.createAt - 1, now - longest);
}

function formatTimeFor(settings: AutoReplySettings): (at: number) => string {
  const timeZone = settings.schedule.kind === 'outside-working-hours' ? settings.schedule.timeZone : undefined;
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return (at) => format.format(at);
}

async function senderName(context: ResponderContext, userId: string): Promise<string> {
  const known = context.displayNames.get(userId);
  if (known !== undefined) return known;
  const name = await fetchDisplayName(context.api, userId);
  context.displayNames.set(userId, name);
  return name;
}

/**
 * Decides on one message and, when it deserves one, sends the reply in its
 * thread and puts the unread marker back if posting cleared it. Returns the
 * decision; failures that remain after retries are recorded, not thrown.
 */
export async function respondTo(context: ResponderContext, candidate: CandidatePost, catchingUp: boolean): Promise<ResponseOutcome> {
  const { api, me, settings } = context;
  const { post } = candidate;
  const baseQuestion = {
    post,
    channelType: candidate.channelType,
    mentionsMe: candidate.mentionsMe,
    myUserId: me.id,
    nativeResponderActive: me.nativeResponderActive,
    settings,
    formatTime: formatTimeFor(settings),
  };

  // Most messages are settled without asking the server anything.
  const firstLook = decideReply({ ...baseQuestion, senderName: '', history: [], now: context.now() });
  if (!firstLook.reply) {
    if (firstLook.reason === 'too-old' && catchingUp) await recordIfMissed(context, candidate);
    return firstLook;
  }

  for (let attempt = 1; ; attempt += 1) {
    const now = context.now();
    // Independent reads, asked together: each round trip adds to the reply's delay.
    const [name, history, lastViewedBefore] = await Promise.all([
      senderName(context, post.userId),
      fetchPostsSince(api, candidate.channelId, historyWindowStart(settings, post, now)),
      fetchLastViewedAt(api, candidate.channelId),
    ]);
    // The event came through the page; the server's own history must confirm the message exists.
    if (!history.some((entry) => entry.id === post.id)) return { reply: false, reason: 'not-on-server' };
    const decision = decideReply({ ...baseQuestion, senderName: name, history, now });
    if (!decision.reply) return decision;

    try {
      await createReply(api, {
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
      await context.record({ kind: 'failed', at: context.now(), postId: post.id, channelId: candidate.channelId, senderName: name, reason: describeFailure(error) });
      return decision;
    }

    await restoreUnread(context, candidate.channelId, lastViewedBefore, history);
    await context.record({
      kind: 'replied',
      at: context.now(),
      postId: post.id,
      channelId: candidate.channelId,
      senderName: name,
      ...(catchingUp || context.now() - post.createAt > lateAfterMs ? { late: true } : {}),
    });
    return decision;
  }
}

/**
 * Posting marks the channel viewed for its author (except thread replies with
 * collapsed threads on). When it did, the oldest message the user had not
 * seen becomes the unread marker again.
 */
async function restoreUnread(context: ResponderContext, channelId: string, lastViewedBefore: number, history: readonly PostFacts[]): Promise<void> {
  const lastViewedAfter = await fetchLastViewedAt(context.api, channelId);
  if (lastViewedAfter <= lastViewedBefore) return;
  const firstUnseen = history.find((entry) => entry.userId !== context.me.id && entry.createAt > lastViewedBefore);
  if (firstUnseen) await markUnreadFrom(context.api, context.me.id, firstUnseen.id);
}

/** A message too old to answer after a disconnect is listed unless someone already dealt with it. */
async function recordIfMissed(context: ResponderContext, candidate: CandidatePost): Promise<void> {
  const later = await fetchPostsSince(context.api, candidate.channelId, candidate.post.createAt);
  const dealtWith = later.some((entry) => entry.userId === context.me.id && (entry.props[autoReplyProp] === candidate.post.id || !isAutoReply(entry)));
  if (dealtWith) return;
  await context.record({
    kind: 'missed',
    at: candidate.post.createAt,
    postId: candidate.post.id,
    channelId: candidate.channelId,
    senderName: await senderName(context, candidate.post.userId),
  });
}

function describeFailure(error: unknown): string {
  if (error instanceof MattermostApiError) {
    return error.status === 0 ? error.message : `HTTP ${error.status}${error.serverErrorId ? ` ${error.serverErrorId}` : ''}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
