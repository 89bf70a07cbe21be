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

/**
 * Folds a channel's posts from `from` on into `threads`, newest first, each
 * page asked for as the one before the oldest post read (`before=`): on a big
 * channel the server answers that some 20 times faster than a page number,
 * which it counts through from the newest post every time. Threads are not
 * fetched with a page (`skipFetchThreads`): every post of the span is read
 * anyway. The server's `before` is strict on the creation time, so the next
 * page is asked for before the oldest post of a later millisecond than the
 * page's oldest: posts of that last millisecond are read again rather than
 * skipped, and counted once.
 */
export async function readSupportChannel(api: MattermostApi, threads: QuestionThreads, reading: HistoryReading): Promise<QuestionThreads> {
  const route = `${api.client.getChannelRoute(reading.channelId)}/posts`;
  const read = new Set<string>();
  let before: string | undefined;
  for (;;) {
    const cursor = before === undefined ? 'page=0' : `before=${before}`;
    const list = await api.request<PostList>('GET', `${route}?${cursor}&per_page=${pageSize}&skipFetchThreads=true`, undefined, { signal: reading.signal });
    const rows = (list.order ?? []).flatMap((id) => list.posts?.[id] ?? []);
    const kept = rows.filter((post) => !post.delete_at && post.create_at >= reading.from);
    foldDeskPosts(threads, kept.map(deskPostOf), reading.team);
    for (const post of kept) read.add(post.id);
    const oldest = rows.at(-1);
    reading.onProgress({ postsRead: read.size });
    if (rows.length < pageSize || !oldest || oldest.create_at < reading.from) return threads;
    // A page all of one millisecond has nothing later to step back from: its oldest post it is.
    before = [...rows].reverse().find((post) => post.create_at > oldest.create_at)?.id ?? oldest.id;
    await breather(reading.signal);
  }
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
  const route = `${api.client.getChannelRoute(channelId)}/posts`;
  const found = new Map<string, DeskPost>();
  const deletedIds: string[] = [];
  let before: string | undefined;
  for (;;) {
    const cursor = before === undefined ? 'page=0' : `before=${before}`;
    const list = await api.request<PostList>('GET', `${route}?${cursor}&per_page=${pageSize}&skipFetchThreads=true`, undefined, { signal });
    const rows = (list.order ?? []).flatMap((id) => list.posts?.[id] ?? []);
    for (const post of rows) {
      if (post.create_at <= since) continue;
      if (post.delete_at) deletedIds.push(post.id);
      else found.set(post.id, deskPostOf(post));
    }
    const oldest = rows.at(-1);
    if (rows.length < pageSize || !oldest || oldest.create_at <= since) return { changed: [...found.values()], deletedIds };
    before = [...rows].reverse().find((post) => post.create_at > oldest.create_at)?.id ?? oldest.id;
  }
}
