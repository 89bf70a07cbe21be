import { deskPostOf, type DeskPost } from '../../shared/desk/deskPosts.ts';
import { foldDeskPosts, type DeskTeam, type QuestionThreads } from '../../shared/desk/questionThreads.ts';
import type { MattermostApi } from '../mattermostApi.ts';

/** The server's largest page of posts. */
const pageSize = 200;
/** `posts?since=` lists at most this many changed posts, in no order. */
const changesListedAtOnce = 1_000;

type ServerPost = Parameters<typeof deskPostOf>[0] & { readonly delete_at?: number };
interface PostList {
  readonly order?: string[];
  readonly posts?: Record<string, ServerPost>;
}

export interface HistoryProgress {
  readonly postsRead: number;
}

export interface HistoryReading {
  readonly channelId: string;
  /** Posts created at or after this instant are read. */
  readonly from: number;
  readonly team: DeskTeam;
  readonly signal: AbortSignal;
  /** Called after each page, the tab given a break first. */
  readonly onProgress: (progress: HistoryProgress) => void;
}

/** A channel holding fewer posts is read in one walk: a few pages at most, not worth finding where to cut. */
const readInPartsFrom = 2_000;
/** How many parts of a bigger channel are read at once. */
const partsReadAtOnce = 3;

/**
 * Folds a channel's posts from `from` on into `threads`. Its newest page is
 * read first; when the span holds some 2,000 posts or more (the channel's
 * count of posts, or fewer as the newest page's pace suggests), it is then
 * cut in parts of about as many posts, at posts found by asking for one post
 * at a given offset from the newest, and the parts are read at once, each
 * newest first with `before=` (see `walkBack`) from its cut down to the next
 * one. Every post is read by the part it falls in (a cut's millisecond by the
 * part above it), wherever the cuts fall: they decide only how fast. Folding
 * a post twice does no harm, and each is counted once. Threads are not
 * fetched with a page (`skipFetchThreads`): every post of the span is read
 * anyway. One part failing stops the others and fails the reading.
 */
export async function readSupportChannel(api: MattermostApi, threads: QuestionThreads, reading: HistoryReading): Promise<QuestionThreads> {
  const read = new Set<string>();
  const walking = new AbortController();
  const stopWalking = () => walking.abort(reading.signal.reason);
  if (reading.signal.aborted) stopWalking();
  reading.signal.addEventListener('abort', stopWalking);
  const fold = async (rows: readonly ServerPost[]) => {
    walking.signal.throwIfAborted();
    const kept = rows.filter((post) => !post.delete_at && post.create_at >= reading.from);
    foldDeskPosts(threads, kept.map(deskPostOf), reading.team);
    for (const post of kept) read.add(post.id);
    reading.onProgress({ postsRead: read.size });
    await breather(walking.signal);
  };
  try {
    // The count only decides how to cut: without it, the channel is read in one part.
    const counted = api
      .request<{ total_msg_count?: number }>('GET', api.client.getChannelRoute(reading.channelId), undefined, { signal: walking.signal })
      .then((channel) => channel.total_msg_count ?? 0)
      .catch(() => 0);
    const newest = await readPage(api, reading.channelId, undefined, walking.signal);
    await fold(newest);
    const next = pageAfter(newest, reading.from, true);
    if (next === undefined) return threads;
    const cuts = await cutsBelow(api, reading, newest, await counted, walking.signal);
    const walks = [next, ...cuts.map((cut) => cut.id)].map((startBefore, index) => {
      const cutBelow = cuts[index];
      return walkBack(api, reading.channelId, { startBefore, until: cutBelow?.create_at ?? reading.from, endsWithShortPage: !cutBelow }, walking.signal, fold);
    });
    await Promise.all(walks.map((walk) => walk.catch((error: unknown) => (walking.abort(error), Promise.reject(error)))));
    return threads;
  } finally {
    reading.signal.removeEventListener('abort', stopWalking);
  }
}

/**
 * Where to cut the span below the newest page: posts at even offsets from
 * the newest, over the channel's count of posts or, when the newest page's
 * pace says the span holds fewer, over those; newest first, each of a
 * strictly earlier millisecond than the one before, none before `from`.
 * None for a span of fewer than some 2,000 posts.
 */
async function cutsBelow(api: MattermostApi, reading: HistoryReading, newest: readonly ServerPost[], total: number, signal: AbortSignal): Promise<ServerPost[]> {
  const newestAt = newest[0]?.create_at ?? 0;
  const oldestAt = newest.at(-1)?.create_at ?? 0;
  const pace = newest.length / Math.max(1, newestAt - oldestAt);
  const inSpan = Math.min(total, Math.round(pace * (newestAt - reading.from)));
  if (inSpan < readInPartsFrom) return [];
  const offsets = Array.from({ length: partsReadAtOnce - 1 }, (_, index) => Math.round(((index + 1) * inSpan) / partsReadAtOnce));
  const route = `${api.client.getChannelRoute(reading.channelId)}/posts`;
  const found = await Promise.all(
    offsets.map(async (offset) => {
      const list = await api.request<PostList>('GET', `${route}?page=${offset}&per_page=1&skipFetchThreads=true`, undefined, { signal });
      return list.order?.[0] === undefined ? undefined : list.posts?.[list.order[0]];
    }),
  );
  const cuts: ServerPost[] = [];
  let above = oldestAt;
  for (const post of found) {
    if (!post || post.create_at >= above || post.create_at < reading.from) continue;
    cuts.push(post);
    above = post.create_at;
  }
  return cuts;
}

interface Walk {
  /** The walk's first page is the one before this post; without it, the channel's newest page. */
  readonly startBefore?: string;
  /** Posts created at or after this instant are wanted: the walk ends with the first page that reaches before it. */
  readonly until: number;
  /**
   * Whether a page of fewer posts than asked for is the channel's first; not
   * above a cut, where posts are known to follow (the server can leave a few
   * out of a page, such as read-once posts that have expired).
   */
  readonly endsWithShortPage: boolean;
}

/**
 * Reads a channel newest first, each page asked for as the one before the
 * oldest post read (`before=`): on a big channel the server answers that some
 * 20 times faster than a page number, which it counts through from the newest
 * post every time. The server's `before` is strict on the creation time, so
 * the next page is asked for before the oldest post of a later millisecond
 * than the page's oldest: posts of that last millisecond are read again rather
 * than skipped. `onPage` gets each page whole; posts before `until` in the
 * last page are the caller's to drop.
 */
async function walkBack(
  api: MattermostApi,
  channelId: string,
  walk: Walk,
  signal: AbortSignal,
  onPage: (rows: readonly ServerPost[]) => Promise<void> | void,
): Promise<void> {
  let before = walk.startBefore;
  for (;;) {
    const rows = await readPage(api, channelId, before, signal);
    await onPage(rows);
    before = pageAfter(rows, walk.until, walk.endsWithShortPage);
    if (before === undefined) return;
  }
}

async function readPage(api: MattermostApi, channelId: string, before: string | undefined, signal: AbortSignal): Promise<ServerPost[]> {
  const cursor = before === undefined ? 'page=0' : `before=${before}`;
  const list = await api.request<PostList>('GET', `${api.client.getChannelRoute(channelId)}/posts?${cursor}&per_page=${pageSize}&skipFetchThreads=true`, undefined, {
    signal,
  });
  return (list.order ?? []).flatMap((id) => list.posts?.[id] ?? []);
}

/** The post to ask for the page before (always of an earlier millisecond than the last one asked for), or undefined when this page is the last one wanted. */
function pageAfter(rows: readonly ServerPost[], until: number, endsWithShortPage: boolean): string | undefined {
  const oldest = rows.at(-1);
  if (!oldest || oldest.create_at < until || (endsWithShortPage && rows.length < pageSize)) return undefined;
  // A page all of one millisecond has nothing later to step back from: its oldest post it is.
  return [...rows].reverse().find((post) => post.create_at > oldest.create_at)?.id ?? oldest.id;
}

/** Lets the webapp run between pages. */
function breather(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => (signal.aborted ? reject(signal.reason) : resolve()), 0);
  });
}

/** What changed in a channel since a reading: posts created or changed, and posts deleted. */
export interface ChannelChanges {
  readonly changed: DeskPost[];
  readonly deletedIds: string[];
}

/**
 * The channel's posts created, changed (edited, reacted to) or deleted after
 * `since`, server time; undefined when the server lists as many as it ever
 * does at once, since the list may then be incomplete.
 */
export async function readChangesSince(api: MattermostApi, channelId: string, since: number, signal: AbortSignal): Promise<ChannelChanges | undefined> {
  const list = await api.request<PostList>('GET', `${api.client.getChannelRoute(channelId)}/posts?since=${since}&skipFetchThreads=true`, undefined, { signal });
  const rows = Object.values(list.posts ?? {});
  if (rows.length >= changesListedAtOnce) return undefined;
  return {
    changed: rows.filter((post) => !post.delete_at).map(deskPostOf),
    deletedIds: rows.filter((post) => post.delete_at).map((post) => post.id),
  };
}

/** The channel's newest page of posts (replies included), newest first. */
export async function readNewestPosts(api: MattermostApi, channelId: string, signal: AbortSignal): Promise<DeskPost[]> {
  const list = await api.request<PostList>('GET', `${api.client.getChannelRoute(channelId)}/posts?page=0&per_page=${pageSize}&skipFetchThreads=true`, undefined, { signal });
  return (list.order ?? []).flatMap((id) => {
    const post = list.posts?.[id];
    return post && !post.delete_at ? [deskPostOf(post)] : [];
  });
}

/**
 * Posts created or changed after `since`, and posts deleted: the server's
 * list of changes, or, when it has more than it lists at once, the channel
 * read back page by page to `since` by creation time (then changes to older
 * posts, such as reactions, are not seen).
 */
export async function readPostsSince(api: MattermostApi, channelId: string, since: number, signal: AbortSignal): Promise<ChannelChanges> {
  const changes = await readChangesSince(api, channelId, since, signal);
  if (changes) return changes;
  const found = new Map<string, DeskPost>();
  const deletedIds: string[] = [];
  await walkBack(api, channelId, { until: since + 1, endsWithShortPage: true }, signal, (rows) => {
    for (const post of rows) {
      if (post.create_at <= since) continue;
      if (post.delete_at) deletedIds.push(post.id);
      else found.set(post.id, deskPostOf(post));
    }
  });
  return { changed: [...found.values()], deletedIds };
}
