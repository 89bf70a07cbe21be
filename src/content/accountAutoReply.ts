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
import { catchUpPointFromClock, safeCatchUpPoint } from '../shared/autoReply/catchUpPoint.ts';
import { laterDuplicateReplies } from '../shared/autoReply/duplicateReplies.ts';
import { afterFailure, duePendingReplies, giveUpAfterMs, withoutPending, type CandidatePost, type PendingReply } from '../shared/autoReply/pendingReplies.ts';
import { autoReplyProp, type PostFacts } from '../shared/autoReply/replyPolicy.ts';
import { hasScheduleEnded, isAutoReplyActive } from '../shared/autoReply/schedule.ts';
import type { ServerClock } from '../shared/autoReply/serverClock.ts';
import { collapsedThreadsOn, collapsedThreadsPreference } from '../shared/autoReply/collapsedThreads.ts';
import { ConversationState } from '../shared/autoReply/conversationState.ts';
import {
  deletePost,
  fetchCollapsedThreadsChoice,
  fetchCollapsedThreadsSetting,
  fetchDisplayName,
  fetchDisplayNames,
  fetchMyChannels,
  fetchMyFirstTeamId,
  fetchPostsFrom,
  type Me,
} from './autoReplyRest.ts';
import { respondTo, type ResponderContext, type ResponseOutcome } from './autoReplyResponder.ts';
import { BoundedSet } from '../shared/boundedSet.ts';
import type { MattermostApi } from './mattermostApi.ts';
import { describeFailure } from './requestFailure.ts';
import { DisplayNameBook } from './displayNameBook.ts';
import type { PostedEvent, PreferenceChange } from './socketMessage.ts';
import { handledPostsRemembered } from './tabMemory.ts';

/** Catching up never looks further back than a day. */
const longestCatchUpMs = 24 * 60 * 60_000;
/** A catch-up that could not reach the server is tried again after this long, doubling up to five minutes. */
const firstCatchUpRetryMs = 15_000;
const longestCatchUpRetryMs = 5 * 60_000;
/** Messages from the retry queue tried per tick, so a server that comes back is not met by all of them at once. */
const retriesPerTick = 10;
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
  /** The socket dropped: live messages do not move the catch-up point until the catch-up after it is done. */
  noteGap(): void;
  /** A post was deleted (a message, or the user's own post). */
  onPostDeleted(channelId: string, postId: string): void;
  /** A post was edited. */
  onPostEdited(channelId: string, post: PostFacts): void;
  /** The user's preferences changed on some device. */
  onPreferencesChanged(preferences: readonly PreferenceChange[]): void;
  /** The server's settings changed. */
  onConfigChanged(): void;
  /** A person changed their profile. */
  onUserUpdated(userId: string): void;
  /** A direct conversation was opened with the user: whoever writes first is likely to need an answer. */
  onDirectChannelAdded(userIds: readonly string[]): void;
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
  /** The webapp's socket is connected: what it carries from now on can be known. */
  readonly socketConnected: () => boolean;
  readonly onSettingsChanged: () => void;
}

/**
 * Auto-reply for one signed-in account in one tab: its settings, its queue of
 * messages (one conversation at a time, so a burst gets one reply), the retry
 * queue, catching up, and the catch-up point. Every message ends replied,
 * skipped, listed in the activity, or in the retry queue, and only then
 * counts as handled. Replaced as a whole when another account signs in.
 */
export function startAccountAutoReply({ account, api, clock, me, isLeader, socketConnected, onSettingsChanged }: AccountContext): AccountAutoReply {
  const stopping = new AbortController();
  const handled = new BoundedSet<string>(handledPostsRemembered);
  /**
   * Messages being worked on, or left without an outcome (signed out
   * meanwhile, storage refused it), by id, with their creation time: the
   * catch-up point stays before each until it has an outcome.
   */
  const inProgress = new Map<string, number>();
  const names = new DisplayNameBook({ many: (ids) => fetchDisplayNames(api, ids), one: (id) => fetchDisplayName(api, id) });
  /** What the socket said of the account's conversations since the last gap. */
  const conversations = new ConversationState();
  /** Read once per stretch without a gap, then kept up to date from the socket; a failed read is tried again next time. */
  let threadsSetting: Promise<string | undefined> | undefined;
  let threadsChoice: Promise<string | undefined> | undefined;
  const channelQueues = new Map<string, Promise<unknown>>();
  const createdReplies = new Map<string, { id: string; createAt: number }>();
  /** The user's own auto-replies seen on the socket, by the message they answer, to compare with one this tab is still sending. */
  const seenOwnReplies = new Map<string, { id: string; createAt: number }>();
  /** Ids in the stored retry queue, so an outcome only touches storage when it must. */
  const pendingIds = new Set<string>();
  let stored: StoredSettings | undefined;
  let catchingUp: Promise<void> | undefined;
  let catchUpAgain = false;
  let catchUpRetryAt: number | undefined;
  let catchUpRetryMs = firstCatchUpRetryMs;
  /**
   * Between a gap (the tab just started, the socket dropped, the tab was
   * frozen) and the end of the catch-up that covers it, live messages do not
   * move the catch-up point: older ones in the gap are not known yet.
   */
  let gapOpen = true;
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

  const retryOnFailure = (read: () => Promise<string | undefined>, forget: () => void) =>
    read().catch((error: unknown) => {
      forget();
      throw error;
    });

  /** Whether the user's replies are collapsed-threads replies; undefined when that cannot be read (the unread state is then read around each reply). */
  async function collapsedThreads(): Promise<boolean | undefined> {
    threadsSetting ??= retryOnFailure(() => fetchCollapsedThreadsSetting(api), () => (threadsSetting = undefined));
    threadsChoice ??= retryOnFailure(() => fetchCollapsedThreadsChoice(api), () => (threadsChoice = undefined));
    try {
      const [setting, choice] = await Promise.all([threadsSetting, threadsChoice]);
      return collapsedThreadsOn(setting, choice);
    } catch {
      return undefined;
    }
  }

  /** A gap, or the start of a stretch the socket is heard: everything learnt from it is forgotten. */
  function restartKnowledge(): void {
    conversations.restart(socketConnected(), (post) => post.userId === account.userId);
    threadsSetting = undefined;
    threadsChoice = undefined;
  }

  /**
   * The settings as the last change announced them, kept in memory: a read per
   * message cost each reply a round trip to the browser. While they say "not
   * answering now" they are read afresh, so a switch-on in the popup counts
   * for the very next message even before its change is announced here.
   */
  const contextFor = async (): Promise<ResponderContext | undefined> => {
    const user = me();
    if (!user || user.id !== account.userId) return undefined;
    const current = stored && isActive() ? stored : await readAutoReplySettings(account);
    return {
      api,
      me: user,
      settings: current.settings,
      now: () => clock.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      names,
      conversations,
      collapsedThreads: () => collapsedThreads(),
      anyTeamId: () => (teamId ??= fetchMyFirstTeamId(api).catch((error: unknown) => {
        teamId = undefined;
        throw error;
      })),
      record: (entry) => recordActivity(account, entry),
      onReplyCreated: (answeredPostId, reply) => {
        createdReplies.set(answeredPostId, reply);
        while (createdReplies.size > createdRepliesRemembered) createdReplies.delete(createdReplies.keys().next().value as string);
        // The other device's reply may have come over the socket before ours was even created.
        const theirs = seenOwnReplies.get(answeredPostId);
        if (theirs && theirs.id !== reply.id) removeOursIfLater(answeredPostId, theirs);
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
      // A message given up stays in the queue until it is listed: a tab closing in between loses neither.
      return { pending: next.givenUp ? [...next.pending, next.givenUp] : next.pending, result: next.givenUp };
    });
    pendingIds.add(postId);
    if (givenUp) await giveUp(givenUp);
  }

  /** Lists a message the server could not be reached for, then takes it out of the retry queue. */
  async function giveUp(entry: PendingReply): Promise<void> {
    const postId = entry.candidate.post.id;
    await listAsUnanswered(entry);
    await updatePendingReplies(account, (pending) => ({ pending: withoutPending(pending, postId), result: undefined }));
    pendingIds.delete(postId);
    handled.add(postId);
  }

  async function listAsUnanswered(entry: PendingReply): Promise<void> {
    await recordActivity(account, {
      kind: 'failed',
      at: clock.now(),
      postId: entry.candidate.post.id,
      channelId: entry.candidate.channelId,
      senderName: names.known(entry.candidate.post.userId) ?? entry.candidate.senderHint ?? entry.candidate.post.userId,
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
        inProgress.delete(postId);
      })
      .catch(() => {
        // Storage refused the outcome: the message stays in `inProgress`, so the catch-up point stays before it.
      });
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
    if (!user || user.id !== account.userId || !stored) return;
    if (!isActive()) {
      // Off: nothing to answer in any gap; switching on starts from that moment.
      gapOpen = false;
      return;
    }
    const startedAt = clock.now();
    const from = Math.max((await readCaughtUpTo(account)) ?? startedAt - stored.settings.catchUpMinutes * 60_000, startedAt - longestCatchUpMs);
    const listRead = conversations.readStarting();
    const channels = await fetchMyChannels(api);
    conversations.learnChannelList(listRead, channels);
    for (const channel of channels) {
      if (stopping.signal.aborted) return;
      if (channel.lastPostAt < from) continue;
      const historyRead = conversations.readStarting();
      const posts = await fetchPostsFrom(api, channel.id, from);
      conversations.learnHistory(historyRead, channel.id, from, posts);
      for (const post of posts) {
        void enqueue({ post, channelId: channel.id, channelType: channel.type, teamId: channel.teamId, seenAt: startedAt, late: true });
      }
    }
    await Promise.all(channelQueues.values());
    if (stopping.signal.aborted) return;
    await writeCaughtUpTo(account, safeCatchUpPoint(catchUpPointFromClock(startedAt), inProgress.values()));
    gapOpen = false;
  }

  /**
   * The user's channel list, for what it says of each conversation's last post
   * (the catch-up reads it too): read as auto-reply is switched on, so the
   * first message of a quiet conversation needs no read of its history.
   * Best effort: without it, that first message reads the history.
   */
  async function readChannelListAhead(): Promise<void> {
    const token = conversations.readStarting();
    if (token === undefined) return;
    try {
      conversations.learnChannelList(token, await fetchMyChannels(api));
    } catch {
      // Left unknown: each conversation's history is read when a message comes.
    }
  }

  /** Messages in the retry queue whose pause is over, tried again by the leader. */
  async function retryDue(): Promise<void> {
    // Read from storage each time: another tab, leader before this one, may have left messages there.
    if (retrying || !isLeader()) return;
    retrying = true;
    try {
      await settingsRead;
      const now = clock.now();
      let started = 0;
      for (const entry of duePendingReplies(await readPendingReplies(account), now)) {
        pendingIds.add(entry.candidate.post.id);
        // Kept past the time limit (the browser was closed meanwhile): listed, not answered hours late.
        if (now - entry.firstFailedAt >= giveUpAfterMs) {
          await giveUp(entry);
          continue;
        }
        if (started >= retriesPerTick) break;
        started += 1;
        void enqueue(entry.candidate);
      }
    } finally {
      retrying = false;
    }
  }

  const saveCaughtUpTo = () => {
    const point = safeCatchUpPoint(doneUpTo, inProgress.values());
    if (!isLeader() || gapOpen || point <= savedUpTo) return;
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
    gapOpen = true;
    restartKnowledge();
    // Asked again while running: once more afterwards, for what came in meanwhile.
    if (catchingUp) {
      catchUpAgain = true;
      return;
    }
    catchingUp = runCatchUp()
      .then(
        () => {
          catchUpRetryAt = undefined;
          catchUpRetryMs = firstCatchUpRetryMs;
        },
        () => {
          // The server could not be reached (or refused): the catch-up point stays, and the tick tries again later.
          catchUpRetryAt = clock.now() + catchUpRetryMs;
          catchUpRetryMs = Math.min(catchUpRetryMs * 2, longestCatchUpRetryMs);
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
    const theirs = { id: posted.post.id, createAt: posted.post.createAt };
    seenOwnReplies.set(answered, theirs);
    while (seenOwnReplies.size > createdRepliesRemembered) seenOwnReplies.delete(seenOwnReplies.keys().next().value as string);
    const ours = createdReplies.get(answered);
    if (ours && ours.id !== theirs.id) removeOursIfLater(answered, theirs);
  }

  /** Of our reply and another device's to the same message, the later goes: every device applies the same rule to its own. */
  function removeOursIfLater(answered: string, theirs: { id: string; createAt: number }): void {
    const ours = createdReplies.get(answered);
    const userId = me()?.id;
    if (!ours || !userId) return;
    const asFacts = (reply: { id: string; createAt: number }) => ({
      id: reply.id,
      userId,
      rootId: '',
      type: '',
      message: '',
      createAt: reply.createAt,
      props: { [autoReplyProp]: answered },
    });
    if (laterDuplicateReplies([asFacts(theirs), asFacts(ours)], answered, userId).some((entry) => entry.id === ours.id)) {
      createdReplies.delete(answered);
      void deletePost(api, ours.id).catch(() => {
        // Already gone (the check after posting removed it), or the server is away: nothing more to do from here.
      });
    }
  }

  const stopWatchingSettings = onAutoReplySettingsChanged(account, (next) => {
    const wasActive = isActive();
    stored = next;
    // Switched on just now: what came before is not to be answered.
    if (!wasActive && isActive() && isLeader()) {
      gapOpen = false;
      void writeCaughtUpTo(account, catchUpPointFromClock(clock.now()));
      void readChannelListAhead();
    }
    onSettingsChanged();
  });
  window.addEventListener('pagehide', saveCaughtUpTo, { signal: stopping.signal });

  return {
    account,
    settings: () => stored,
    onPosted(posted) {
      // Every post counts, the user's own and those heard while another tab leads.
      conversations.observe(posted.channelId, posted.post);
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
    noteGap() {
      gapOpen = true;
      restartKnowledge();
    },
    onPostDeleted(channelId, postId) {
      conversations.forgetPost(channelId, postId);
    },
    onPostEdited(channelId, post) {
      conversations.replacePost(channelId, post);
    },
    onPreferencesChanged(preferences) {
      const change = preferences.find((entry) => entry.category === collapsedThreadsPreference.category && entry.name === collapsedThreadsPreference.name);
      if (change) threadsChoice = Promise.resolve(change.value);
    },
    onConfigChanged() {
      threadsSetting = undefined;
    },
    onUserUpdated(userId) {
      names.forget(userId);
    },
    onDirectChannelAdded(userIds) {
      const user = me();
      if (!user || !isLeader() || !isActive()) return;
      names.prefetch(userIds.filter((userId) => userId !== user.id));
    },
    tick() {
      if (catchUpRetryAt !== undefined && clock.now() >= catchUpRetryAt && isLeader()) catchUp();
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
