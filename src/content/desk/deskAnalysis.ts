import { deskAnalytics } from '../../shared/desk/deskAnalytics.ts';
import { localCalendar } from '../../shared/desk/localCalendar.ts';
import { foldDeskPosts, type QuestionThreads } from '../../shared/desk/questionThreads.ts';
import type { DeskAnalysisRequest, DeskAnalysisResult } from '../../shared/messages.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { inPlainWords, readGroupMemberIds } from './deskGroup.ts';
import { readChangesSince, readSupportChannel, type HistoryProgress } from './supportChannelHistory.ts';

/**
 * The desk's figures for its support channels, read from their history over
 * REST and counted together. What was read stays in the tab: asking again for
 * the same channel and team reads only the posts created or changed since (a
 * reaction changes a post's update time), unless the server has more changes
 * than it lists at once.
 * A question deleted since is forgotten with its thread; a reply deleted
 * since still counts until the channel is read again whole.
 */

interface ReadChannel {
  /** The channel, team and solved emoji the threads were folded for. */
  readonly key: string;
  readonly from: number;
  readonly threads: QuestionThreads;
  /** Server time at which the last reading began: changes after it are read next time. */
  readonly readAt: number;
}

/** How far before a reading the next one asks for changes: reading a post twice does no harm, missing one would. */
export const changesOverlapMs = 60_000;

function* threadsOf(reads: readonly ReadChannel[]) {
  for (const read of reads) yield* read.threads.values();
}

export interface DeskAnalysisService {
  analyse(request: DeskAnalysisRequest, onProgress: (progress: HistoryProgress) => void): Promise<DeskAnalysisResult>;
}

export function createDeskAnalysisService(api: MattermostApi, serverNow: () => number): DeskAnalysisService {
  const known = new Map<string, ReadChannel>();
  /** The reading of each channel under way: a second page asking meanwhile waits for it, then reads only what changed. */
  const underWay = new Map<string, Promise<unknown>>();

  function inTurn<T>(channelId: string, work: () => Promise<T>): Promise<T> {
    const mine = (underWay.get(channelId) ?? Promise.resolve()).catch(() => undefined).then(work);
    underWay.set(channelId, mine);
    const done = () => {
      if (underWay.get(channelId) === mine) underWay.delete(channelId);
    };
    mine.then(done, done);
    return mine;
  }

  async function readOrUpdate(channelId: string, request: DeskAnalysisRequest, memberIds: ReadonlySet<string>, onProgress: (postsRead: number) => void) {
    const team = { memberIds, solvedEmoji: request.solvedEmoji };
    const key = JSON.stringify([channelId, [...memberIds].sort(), request.solvedEmoji]);
    // Changes that land while reading, or within the server clock's error, are read again next time rather than missed.
    const readAt = serverNow() - changesOverlapMs;
    const signal = new AbortController().signal;
    const earlier = known.get(channelId);
    if (earlier && earlier.key === key && earlier.from <= request.from) {
      const changes = await readChangesSince(api, channelId, earlier.readAt, signal);
      if (changes) {
        foldDeskPosts(earlier.threads, changes.changed, team);
        for (const id of changes.deletedIds) earlier.threads.delete(id);
        onProgress(changes.changed.length);
        return { read: { ...earlier, readAt }, postsRead: changes.changed.length, incremental: true };
      }
    }
    let postsRead = 0;
    const threads = await readSupportChannel(api, new Map(), {
      channelId,
      from: request.from,
      team,
      signal,
      onProgress: (progress) => {
        postsRead = progress.postsRead;
        onProgress(progress.postsRead);
      },
    });
    return { read: { key, from: request.from, threads, readAt }, postsRead, incremental: false };
  }

  return {
    async analyse(request, onProgress) {
      const started = performance.now();
      const channelIds = [...new Set(request.channelIds)];
      // The group's members as they are now: someone who joined it since the last reading counts from now on.
      const groupMemberIds = request.groupId ? await readGroupMemberIds(api, request.groupId).catch((error: unknown) => Promise.reject(inPlainWords(error))) : [];
      const memberIds = new Set([...request.memberIds, ...groupMemberIds]);
      let postsReadBefore = 0;
      let incremental = true;
      const reads: ReadChannel[] = [];
      // One channel after the other: each reading already asks the server for three parts at once.
      for (const channelId of channelIds) {
        const channel = await inTurn(channelId, async () => {
          const read = await readOrUpdate(channelId, request, memberIds, (postsRead) => onProgress({ postsRead: postsReadBefore + postsRead }));
          known.set(channelId, read.read);
          return read;
        });
        reads.push(channel.read);
        postsReadBefore += channel.postsRead;
        incremental &&= channel.incremental;
      }
      const analytics = deskAnalytics({
        threads: threadsOf(reads),
        calendar: localCalendar(request.timeZone),
        onDuty: request.onDuty,
        now: serverNow(),
        from: request.from,
        to: request.to,
      });
      return { analytics, postsRead: postsReadBefore, incremental: incremental && channelIds.length > 0, tookMs: performance.now() - started };
    },
  };
}
