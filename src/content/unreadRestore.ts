import type { CandidatePost } from '../shared/autoReply/pendingReplies.ts';
import type { PostFacts } from '../shared/autoReply/replyPolicy.ts';
import { fetchLastViewedAt, fetchPostsFrom, fetchThread, fetchThreadLastViewedAt, markThreadUnreadFrom, markUnreadFrom } from './autoReplyRest.ts';
import type { MattermostApi } from './mattermostApi.ts';

/**
 * Replying is posting as the user, and the server takes that as the user
 * having read the conversation. With collapsed threads off it marks the whole
 * channel viewed; with them on, a reply (every auto-reply is one) leaves the
 * channel alone but marks the thread read with no unread mentions. Read
 * before the reply, and put back after it.
 */
const restorePagesAtMost = 10;

export interface UnreadState {
  /** Absent when the reply cannot touch the channel's state: with collapsed threads on, a reply leaves it alone. */
  readonly channelLastViewedAt?: number;
  /** The user's view of the message's thread, when the message is a reply in a thread the user follows. */
  readonly thread?: { readonly teamId: string; readonly lastViewedAt: number };
}

export async function readUnreadState(
  api: MattermostApi,
  myUserId: string,
  candidate: CandidatePost,
  anyTeamId: () => Promise<string>,
  collapsedThreads: boolean | undefined,
): Promise<UnreadState> {
  const { post } = candidate;
  const [channelLastViewedAt, thread] = await Promise.all([
    collapsedThreads === true ? undefined : fetchLastViewedAt(api, candidate.channelId),
    // With collapsed threads off, the channel's marker is the one the user sees; only a reply in a thread has a thread to keep.
    post.rootId === '' || collapsedThreads === false
      ? undefined
      : (async () => {
          // Thread calls want a team; direct and group messages have none, and any of the user's teams is accepted.
          const teamId = candidate.teamId || (await anyTeamId());
          const lastViewedAt = await fetchThreadLastViewedAt(api, myUserId, teamId, post.rootId);
          return lastViewedAt === undefined ? undefined : { teamId, lastViewedAt };
        })(),
  ]);
  return { ...(channelLastViewedAt === undefined ? {} : { channelLastViewedAt }), ...(thread ? { thread } : {}) };
}

/** The first post by someone else after `lastViewedAt` among `posts`, or undefined when the user had seen them all. */
export function firstUnseen(posts: readonly PostFacts[], myUserId: string, lastViewedAt: number): PostFacts | undefined {
  return posts.find((entry) => entry.userId !== myUserId && entry.createAt > lastViewedAt);
}

export async function restoreUnread(
  api: MattermostApi,
  myUserId: string,
  candidate: CandidatePost,
  before: UnreadState,
  /** Every post of the conversation created at or after `history.from`. */
  history: { readonly from: number; readonly posts: readonly PostFacts[] },
  collapsedThreads: boolean | undefined,
): Promise<void> {
  const covers = (lastViewedAt: number) => history.from <= lastViewedAt + 1;

  const since = before.channelLastViewedAt;
  // With collapsed threads off the server marks the channel viewed after every post of the user (the reply makes it unread first), so there is nothing to ask.
  if (since !== undefined && (collapsedThreads === false || (await fetchLastViewedAt(api, candidate.channelId)) > since)) {
    // The channel was marked viewed. Unread again from where the user stopped, even before the history read for the decision.
    // A last view weeks back is not read in full: past 2,000 posts the oldest one read is close enough.
    const posts = covers(since) ? history.posts : await fetchPostsFrom(api, candidate.channelId, since + 1, restorePagesAtMost);
    const first = firstUnseen(posts, myUserId, since);
    if (first) await markUnreadFrom(api, myUserId, first.id);
    return;
  }

  const thread = before.thread;
  if (!thread) return;
  // Collapsed threads on, a reply in a thread the user followed: the thread was marked read.
  const rootId = candidate.post.rootId;
  const inThread = (entry: PostFacts) => entry.id === rootId || entry.rootId === rootId;
  const posts = covers(thread.lastViewedAt) ? history.posts.filter(inThread) : await fetchThread(api, rootId);
  const first = firstUnseen(posts.filter((entry) => entry.id !== rootId), myUserId, thread.lastViewedAt);
  if (first) await markThreadUnreadFrom(api, myUserId, thread.teamId, rootId, first.id);
}
