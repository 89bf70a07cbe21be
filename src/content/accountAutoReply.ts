import type { Account } from '../shared/autoReply/accountData.ts';
import {
  claimWorkspaceData,
  onAutoReplySettingsChanged,
  readAutoReplySettings,
  readCaughtUpTo,
  recordActivity,
  writeAutoReplySettings,
  writeCaughtUpTo,
  type StoredSettings,
} from '../shared/autoReply/autoReplyStore.ts';
import { hasScheduleEnded, isAutoReplyActive } from '../shared/autoReply/schedule.ts';
import type { ServerClock } from '../shared/autoReply/serverClock.ts';
import { fetchMyChannels, fetchPostsSince, type Me } from './autoReplyRest.ts';
import { respondTo, type CandidatePost, type ResponderContext } from './autoReplyResponder.ts';
import { BoundedSet } from './boundedSet.ts';
import type { MattermostApi } from './mattermostApi.ts';
import type { PostedEvent } from './socketMessage.ts';
import { handledPostsRemembered, keepNewestDisplayNames } from './tabMemory.ts';

/** Catching up never looks further back than a day. */
const longestCatchUpMs = 24 * 60 * 60_000;

export interface AccountAutoReply {
  readonly account: Account;
  /** Undefined until the account's settings have been read. */
  settings(): StoredSettings | undefined;
  /** A live message from the webapp's socket; answered only while this tab leads. */
  onPosted(posted: PostedEvent): void;
  /** Messages that arrived while this tab was not listening: after gaining the lead, a reconnect or a frozen spell. */
  catchUp(): void;
  /** Periodic work of the leader: saving the catch-up point, switching off when an "until" ends. */
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
 * messages (one conversation at a time, so a burst gets one reply), catching
 * up, and the catch-up point. Replaced as a whole when another account signs in.
 */
export function startAccountAutoReply({ account, api, clock, me, isLeader, onSettingsChanged }: AccountContext): AccountAutoReply {
  const stopping = new AbortController();
  const handled = new BoundedSet<string>(handledPostsRemembered);
  const displayNames = new Map<string, string>();
  const channelQueues = new Map<string, Promise<unknown>>();
  let stored: StoredSettings | undefined;
  let catchingUp: Promise<void> | undefined;
  let catchUpAgain = false;
  /**
   * The newest live message handled, saved with the periodic tick rather than
   * on every event: a message in the unsaved span is looked at again by the
   * next catch-up, and the server's history keeps that from a second reply.
   */
  let answeredUpTo = 0;
  let savedUpTo = 0;

  /** Messages and catching up wait for this: until then nothing is known about the account's wishes. */
  const settingsRead = claimWorkspaceData(account)
    .then(() => readAutoReplySettings(account))
    .then((initial) => {
      stored ??= initial;
      onSettingsChanged();
    });

  const isActive = () => stored !== undefined && isAutoReplyActive(stored.settings, clock.now());

  const context = (): ResponderContext | undefined => {
    const user = me();
    return user && stored && user.id === account.userId
      ? {
          api,
          me: user,
          settings: stored.settings,
          now: () => clock.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          displayNames: keepNewestDisplayNames(displayNames),
          record: (entry) => recordActivity(account, entry),
        }
      : undefined;
  };

  function enqueue(candidate: CandidatePost, late: boolean): Promise<unknown> {
    if (handled.has(candidate.post.id)) return Promise.resolve();
    handled.add(candidate.post.id);
    const previous = channelQueues.get(candidate.channelId) ?? Promise.resolve();
    const next = previous
      .then(() => settingsRead)
      .then(() => {
        const current = context();
        return current && !stopping.signal.aborted ? respondTo(current, candidate, late) : undefined;
      })
      .catch((error: unknown) => console.warn('Companion for Mattermost: auto-reply failed', error));
    channelQueues.set(candidate.channelId, next);
    void next.then(() => {
      if (channelQueues.get(candidate.channelId) === next) channelQueues.delete(candidate.channelId);
    });
    return next;
  }

  async function runCatchUp(): Promise<void> {
    // The lead can be granted before the account's settings are read: wait for them.
    await settingsRead;
    const current = context();
    if (!current || !isActive()) return;
    const startedAt = clock.now();
    const from = Math.max((await readCaughtUpTo(account)) ?? startedAt - current.settings.catchUpMinutes * 60_000, startedAt - longestCatchUpMs);
    for (const channel of await fetchMyChannels(api)) {
      if (stopping.signal.aborted) return;
      if (channel.lastPostAt < from) continue;
      for (const post of await fetchPostsSince(api, channel.id, from)) {
        const mentionsMe = mentionPattern(current.me.username).test(post.message);
        void enqueue({ post, channelId: channel.id, channelType: channel.type, mentionsMe }, true);
      }
    }
    await Promise.all(channelQueues.values());
    if (!stopping.signal.aborted) await writeCaughtUpTo(account, startedAt);
  }

  const saveCaughtUpTo = () => {
    if (!isLeader() || answeredUpTo <= savedUpTo) return;
    savedUpTo = answeredUpTo;
    void writeCaughtUpTo(account, answeredUpTo);
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
      .catch((error: unknown) => console.warn('Companion for Mattermost: catching up failed', error))
      .then(() => switchOffWhenScheduleEnds())
      .finally(() => {
        catchingUp = undefined;
        if (catchUpAgain && !stopping.signal.aborted) {
          catchUpAgain = false;
          catchUp();
        }
      });
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
      if (!isLeader() || !user) return;
      void enqueue(
        { post: posted.post, channelId: posted.channelId, channelType: posted.channelType, mentionsMe: posted.mentions.includes(user.id) },
        false,
      ).then(() => {
        answeredUpTo = Math.max(answeredUpTo, posted.post.createAt);
      });
    },
    catchUp,
    tick() {
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

/** `@username` as a whole word; usernames may hold dots, which must not match any character. */
function mentionPattern(username: string): RegExp {
  return new RegExp(`(^|[^\\w.-])@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'i');
}
