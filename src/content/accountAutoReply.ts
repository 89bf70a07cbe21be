import type { Account } from '../shared/autoReply/accountData.ts';
import {
  claimWorkspaceData,
  onAutoReplySettingsChanged,
  readAutoReplySettings,
  readCaughtUpTo,
  readPendingReplies,
  recordActivity,
  updatePendingReplies,
  writeAutoReplySettings,
  writeCaughtUpTo,
  type StoredSettings,
} from '../shared/autoReply/autoReplyStore.ts';
import { safeCatchUpPoint } from '../shared/autoReply/catchUpPoint.ts';
import { laterDuplicateReplies } from '../shared/autoReply/duplicateReplies.ts';
import { afterFailure, duePendingReplies, withoutPending, type CandidatePost, type PendingReply } from '../shared/autoReply/pendingReplies.ts';
import { autoReplyProp } from '../shared/autoReply/replyPolicy.ts';
import { hasScheduleEnded, isAutoReplyActive } from '../shared/autoReply/schedule.ts';
import type { ServerClock } from '../shared/autoReply/serverClock.ts';
import { deletePost, fetchMyChannels, fetchMyFirstTeamId, fetchPostsFrom, type Me } from './autoReplyRest.ts';
import { respondTo, type ResponderContext, type ResponseOutcome } from './autoReplyResponder.ts';
import { BoundedSet } from './boundedSet.ts';
import type { MattermostApi } from './mattermostApi.ts';
import { describeFailure } from './requestFailure.ts';
import type { PostedEvent } from './socketMessage.ts';
import { handledPostsRemembered, keepNewestDisplayNames } from './tabMemory.ts';

/** Catching up never looks further back than a day. */
const longestCatchUpMs = 24 * 60 * 60_000;
/** A catch-up that could not reach the server is tried again after this long. */
const catchUpRetryMs = 15_000;
/** Replies this tab created, remembered to notice a twin from another device on the socket. */
const createdRepliesRemembered = 500;

export interface AccountAutoReply {
  readonly account: Account;
  /** Undefined until the account's settings have been read. */
  settings(): StoredSettings | undefined;
  /** A live message from the webapp's socket; answered only while this tab leads. */
  onPosted(posted: PostedEvent): void;
  /** Messages that arrived while this tab was not listening: after gaining the lead, a reconnect or a frozen spell. */
  catchUp(): void;
  /** Periodic work of the leader: retries, saving the catch-up point, switching off when an "until" ends. */
  tick(): void;
  stop(): void;
}

interface AccountContext {
  readonly account: Account;
  readonly api: MattermostApi;
  readonly clock: ServerClock;
  readonly me: () => Me | undefined;
  readonly isLeader: () => boolean;
  readonly onSettingsChanged: () => void;
}

/**
 * Auto-reply for one signed-in account in one tab: its settings, its queue of
 * messages (one conversation at a time, so a burst gets one reply), the retry
 * queue, catching up, and the catch-up point. Every message ends replied,
 * skipped, listed in the activity, or in the retry queue, and only then
 * counts as handled. Replaced as a whole when another account signs in.
 */
export function startAccountAutoReply({ account, api, clock, me, isLeader, onSettingsChanged }: AccountContext): AccountAutoReply {
  const stopping = new AbortController();
  const handled = new BoundedSet<string>(handledPostsRemembered);
  /** Messages being worked on, by id, with their creation time. */
  const inProgress = new Map<string, number>();
  const displayNames = new Map<string, string>();
  const channelQueues = new Map<string, Promise<unknown>>();
  const createdReplies = new Map<string, { id: string; createAt: number }>();
  /** Ids in the stored retry queue, so an outcome only touches storage when it must. */
  const pendingIds = new Set<string>();
  let stored: StoredSettings | undefined;
  let catchingUp: Promise<void> | undefined;
  let catchUpAgain = false;
  let catchUpFailedAt: number | undefined;
  let retrying = false;
  let teamId: Promise<string> | undefined;
  /**
   * The newest live message dealt with, saved with the periodic tick rather
   * than on every event: a message in the unsaved span is looked at again by
   * the next catch-up, and the server's history keeps that from a second reply.
   */
  let doneUpTo = 0;
  let savedUpTo = 0;

  /** Messages and catching up wait for this: until then nothing is known about the account's wishes. */
  const settingsRead = claimWorkspaceData(account)
    .then(() => Promise.all([readAutoReplySettings(account), readPendingReplies(account)]))
    .then(([initial, pending]) => {
      stored ??= initial;
      for (const entry of pending) pendingIds.add(entry.candidate.post.id);
      onSettingsChanged();
    });

  const isActive = () => stored !== undefined && isAutoReplyActive(stored.settings, clock.now());

  /** Settings read afresh for each message: a switch-on in the popup counts for the very next message. */
  const contextFor = async (): Promise<ResponderContext | undefined> => {
    const user = me();
    if (!user || user.id !== account.userId) return undefined;
    const current = await readAutoReplySettings(account);
    return {
      api,
      me: user,
      settings: current.settings,
      now: () => clock.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      displayNames: keepNewestDisplayNames(displayNames),
      anyTeamId: () => (teamId ??= fetchMyFirstTeamId(api).catch((error: unknown) => {
        teamId = undefined;
        throw error;
      })),
      record: (entry) => recordActivity(account, entry),
      onReplyCreated: (answeredPostId, reply) => {
        createdReplies.set(answeredPostId, reply);
        while (createdReplies.size > createdRepliesRemembered) createdReplies.delete(createdReplies.keys().next().value as string);
      },
    };
  };

  /** Records what became of a message; a server out of reach sends it to the retry queue, or lists it once it has been away too long. */
  async function settle(candidate: CandidatePost, outcome: ResponseOutcome): Promise<void> {
    const postId = candidate.post.id;
    if (outcome.kind !== 'unreachable') {
      if (pendingIds.delete(postId)) await updatePendingReplies(account, (pending) => ({ pending: withoutPending(pending, postId), result: undefined }));
      handled.add(postId);
      return;
    }
    const givenUp = await updatePendingReplies(account, (pending) => {
      const next = afterFailure(pending, candidate, outcome.reason, clock.now());
      return { pending: next.pending, result: next.givenUp };
    });
    pendingIds.add(postId);
    if (givenUp) {
      pendingIds.delete(givenUp.candidate.post.id);
      await listAsUnanswered(givenUp);
      if (givenUp.candidate.post.id === postId) handled.add(postId);
    }
  }

  async function listAsUnanswered(entry: PendingReply): Promise<void> {
    await recordActivity(account, {
      kind: 'failed',
      at: clock.now(),
      postId: entry.candidate.post.id,
      channelId: entry.candidate.channelId,
      senderName: displayNames.get(entry.candidate.post.userId) ?? entry.candidate.senderHint ?? entry.candidate.post.userId,
      reason: entry.reason,
      unreachableFrom: entry.firstFailedAt,
      unreachableUntil: entry.lastFailedAt,
    });
  }

  function enqueue(candidate: CandidatePost): Promise<unknown> {
    const postId = candidate.post.id;
    if (handled.has(postId) || inProgress.has(postId)) return Promise.resolve();
    inProgress.set(postId, candidate.post.createAt);
    const previous = channelQueues.get(candidate.channelId) ?? Promise.resolve();
    const next = previous
      .then(() => settingsRead)
      .then(async () => {
        const context = await contextFor();
        // Signed out or stopped meanwhile: not handled; the retry queue or the next catch-up finds it again.
        if (!context || stopping.signal.aborted) return;
        const outcome = await respondTo(context, candidate).catch(
          (error: unknown): ResponseOutcome => ({ kind: 'unreachable', reason: describeFailure(error) }),
        );
        await settle(candidate, outcome);
      })
      .catch(() => {
        // Storage refused the outcome: the message stays unhandled, and the catch-up point stays before it.
      })
      .finally(() => inProgress.delete(postId));
    channelQueues.set(candidate.channelId, next);
    void next.then(() => {
      if (channelQueues.get(candidate.channelId) === next) channelQueues.delete(candidate.channelId);
    });
    return next;
  }

  async function runCatchUp(): Promise<void> {
    // The lead can be granted before the account's settings are read: wait for them.
    await settingsRead;
    const user = me();
    if (!user || user.id !== account.userId || !stored || !isActive()) return;
    const startedAt = clock.now();
    const from = Math.max((await readCaughtUpTo(account)) ?? startedAt - stored.settings.catchUpMinutes * 60_000, startedAt - longestCatchUpMs);
    for (const channel of await fetchMyChannels(api)) {
      if (stopping.signal.aborted) return;
      if (channel.lastPostAt < from) continue;
      for (const post of await fetchPostsFrom(api, channel.id, from)) {
        void enqueue({ post, channelId: channel.id, channelType: channel.type, teamId: channel.teamId, seenAt: startedAt, late: true });
      }
    }
    await Promise.all(channelQueues.values());
    if (!stopping.signal.aborted) await writeCaughtUpTo(account, safeCatchUpPoint(startedAt, inProgress.values()));
  }

  /** Messages in the retry queue whose pause is over, tried again by the leader. */
  async function retryDue(): Promise<void> {
    // Read from storage each time: another tab, leader before this one, may have left messages there.
    if (retrying || !isLeader()) return;
    retrying = true;
    try {
      await settingsRead;
      for (const entry of duePendingReplies(await readPendingReplies(account), clock.now())) {
        pendingIds.add(entry.candidate.post.id);
        void enqueue(entry.candidate);
      }
    } finally {
      retrying = false;
    }
  }

  const saveCaughtUpTo = () => {
    const point = safeCatchUpPoint(doneUpTo, inProgress.values());
    if (!isLeader() || point <= savedUpTo) return;
    savedUpTo = point;
    void writeCaughtUpTo(account, point);
  };

  async function switchOffWhenScheduleEnds(): Promise<void> {
    if (!isLeader() || !stored?.ok || !stored.settings.enabled) return;
    if (hasScheduleEnded(stored.settings.schedule, clock.now())) {
      await writeAutoReplySettings(account, { ...stored.settings, enabled: false, schedule: { kind: 'always' } });
    }
  }

  function catchUp(): void {
    // Asked again while running: once more afterwards, for what came in meanwhile.
    if (catchingUp) {
      catchUpAgain = true;
      return;
    }
    catchingUp = runCatchUp()
      .then(
        () => {
          catchUpFailedAt = undefined;
        },
        () => {
          // The server could not be reached: the catch-up point stays, and the tick tries again.
          catchUpFailedAt = clock.now();
        },
      )
      .then(() => switchOffWhenScheduleEnds())
      .finally(() => {
        catchingUp = undefined;
        if (catchUpAgain && !stopping.signal.aborted) {
          catchUpAgain = false;
          catchUp();
        }
      });
  }

  /**
   * Our own auto-reply from another device on the socket, answering a message
   * this tab answered too: the later of the two goes, on every device alike.
   */
  function onOwnAutoReply(posted: PostedEvent): void {
    const answered = posted.post.props[autoReplyProp];
    if (typeof answered !== 'string') return;
    const ours = createdReplies.get(answered);
    if (!ours || ours.id === posted.post.id) return;
    const facts = [posted.post, { ...posted.post, id: ours.id, createAt: ours.createAt }];
    if (laterDuplicateReplies(facts, answered, posted.post.userId).some((entry) => entry.id === ours.id)) {
      createdReplies.delete(answered);
      void deletePost(api, ours.id).catch(() => {
        // Already gone, or the server is away: the other device, seeing ours first, removes its own instead.
      });
    }
  }

  const stopWatchingSettings = onAutoReplySettingsChanged(account, (next) => {
    const wasActive = isActive();
    stored = next;
    // Switched on just now: what came before is not to be answered.
    if (!wasActive && isActive() && isLeader()) void writeCaughtUpTo(account, clock.now());
    onSettingsChanged();
  });
  window.addEventListener('pagehide', saveCaughtUpTo, { signal: stopping.signal });

  return {
    account,
    settings: () => stored,
    onPosted(posted) {
      const user = me();
      if (!user) return;
      if (posted.post.userId === user.id) {
        onOwnAutoReply(posted);
        return;
      }
      if (!isLeader()) return;
      const seenAt = clock.now();
      const postId = posted.post.id;
      void enqueue({ post: posted.post, channelId: posted.channelId, channelType: posted.channelType, teamId: posted.teamId, seenAt, late: false, senderHint: posted.senderName }).then(() => {
        // Only past a message whose outcome is kept: one left unhandled (signed out meanwhile) is for the next catch-up.
        if (handled.has(postId) || pendingIds.has(postId)) doneUpTo = Math.max(doneUpTo, posted.post.createAt);
      });
    },
    catchUp,
    tick() {
      if (catchUpFailedAt !== undefined && clock.now() - catchUpFailedAt >= catchUpRetryMs && isLeader()) catchUp();
      void retryDue();
      saveCaughtUpTo();
      void switchOffWhenScheduleEnds();
    },
    stop() {
      saveCaughtUpTo();
      stopping.abort();
      stopWatchingSettings();
    },
  };
}
