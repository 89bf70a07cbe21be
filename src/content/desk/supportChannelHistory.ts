import { deskPostOf, type DeskPost } from '../../shared/desk/deskPosts.ts';
import { foldDeskPosts, type DeskTeam, type QuestionThreads } from '../../shared/desk/questionThreads.ts';
import type { MattermostApi } from '../mattermostApi.ts';

/** The server's largest page of posts. */
const pageSize = 200;
/** `posts?since=` lists at most this many changed posts, in no order. */
const changesListedAtOnce = 1_000;
/** Pages asked for at once: enough to keep the connection busy, few enough not to crowd the webapp's own requests. */
const pagesAtOnce = 4;

type ServerPost = Parameters<typeof deskPostOf>[0] & { readonly delete_at?: number };
interface PostList {
  readonly order?: string[];
  readonly posts?: Record<string, ServerPost>;
}

export interface HistoryProgress {
  readonly postsRead: number;
  /** The oldest post read so far: how far back the reading has come. */
  readonly reachedBack: number | undefined;
}

export interface HistoryReading {
  readonly channelId: string;
  /** Posts created at or after this instant are read. */
  readonly from: number;
  readonly team: DeskTeam;
  readonly signal: AbortSignal;
  /** Called after each batch of pages, with the tab given a break first. */
  readonly onProgress: (progress: HistoryProgress) => void;
}

/**
 * Folds a channel's posts from `from` on into `threads`, newest page first, a
 * few pages at once. A post arriving meanwhile shifts the pages by one, so a
 * post may be read twice: folding takes it once.
 */
export async function readSupportChannel(api: MattermostApi, threads: QuestionThreads, reading: HistoryReading): Promise<QuestionThreads> {
  const route = `${api.client.getChannelRoute(reading.channelId)}/posts`;
  let postsRead = 0;
  let reachedBack: number | undefined;
  for (let first = 0; ; first += pagesAtOnce) {
    const numbers = Array.from({ length: pagesAtOnce }, (_, index) => first + index);
    const lists = await Promise.all(
      numbers.map((page) => api.request<PostList>('GET', `${route}?page=${page}&per_page=${pageSize}`, undefined, { signal: reading.signal })),
    );
    let finished = false;
    for (const list of lists) {
      if (finished) break;
      const rows = (list.order ?? []).flatMap((id) => list.posts?.[id] ?? []);
      const kept = rows.filter((post) => !post.delete_at && post.create_at >= reading.from);
      foldDeskPosts(threads, kept.map(deskPostOf), reading.team);
      postsRead += kept.length;
      const oldest = rows.at(-1);
      if (oldest) reachedBack = Math.min(reachedBack ?? Infinity, oldest.create_at);
      finished = rows.length < pageSize || !oldest || oldest.create_at < reading.from;
    }
    reading.onProgress({ postsRead, reachedBack });
    await breather(reading.signal);
    if (finished) return threads;
  }
}

/** Lets the webapp run between batches. */
function breather(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    setTimeout(() => (signal.aborted ? reject(signal.reason) : resolve()), 0);
  });
}

/**
 * The channel's posts created or changed (edited, reacted to) after `since`,
 * server time; undefined when the server lists as many as it ever does at
 * once, since the list may then be incomplete.
 */
export async function readChangesSince(api: MattermostApi, channelId: string, since: number, signal: AbortSignal): Promise<DeskPost[] | undefined> {
  const list = await api.request<PostList>('GET', `${api.client.getChannelRoute(channelId)}/posts?since=${since}`, undefined, { signal });
  const rows = Object.values(list.posts ?? {});
  if (rows.length >= changesListedAtOnce) return undefined;
  return rows.filter((post) => !post.delete_at).map(deskPostOf);
}
