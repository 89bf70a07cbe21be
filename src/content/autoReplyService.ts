import {
  onAutoReplySettingsChanged,
  readAutoReplySettings,
  readCaughtUpTo,
  recordActivity,
  writeAutoReplySettings,
  writeCaughtUpTo,
  type StoredSettings,
} from '../shared/autoReply/autoReplyStore.ts';
import { hasScheduleEnded, isAutoReplyActive } from '../shared/autoReply/schedule.ts';
import type { AutoReplyStatus } from '../shared/messages.ts';
import { socketEventName, type ObservedSocketEvent } from '../shared/socketEvents.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';
import { fetchMe, fetchMyChannels, fetchPostsSince, type Me } from './autoReplyRest.ts';
import { respondTo, type CandidatePost, type ResponderContext } from './autoReplyResponder.ts';
import { BoundedSet } from './boundedSet.ts';
import type { MattermostApi } from './mattermostApi.ts';
import { parseSocketMessage } from './socketMessage.ts';
import { handledPostsRemembered, keepNewestDisplayNames } from './tabMemory.ts';

/** Catching up never looks further back than a day. */
const longestCatchUpMs = 24 * 60 * 60_000;
const scheduleCheckMs = 30_000;

export interface AutoReplyService {
  status(): AutoReplyStatus;
  stop(): void;
}

/**
 * Auto-reply for one workspace in one tab. All tabs of a workspace in this
 * browser elect one leader through a Web Lock; only the leader answers, so
 * several tabs give one reply. Across devices, the server's history and the
 * shared pending_post_id keep it to one.
 */
export function startAutoReply(workspace: Workspace, api: MattermostApi, onStatusChange: (status: AutoReplyStatus) => void): AutoReplyService {
  const stopping = new AbortController();
  const handled = new BoundedSet<string>(handledPostsRemembered);
  const displayNames = new Map<string, string>();
  const channelQueues = new Map<string, Promise<unknown>>();
  let stored: StoredSettings | undefined;
  let me: Me | undefined;
  let leader = false;
  let socketSeen = false;
  let disconnected = false;
  let meProblem = '';
  /**
   * The newest live message handled, saved with the schedule check rather than
   * on every event: a message in the unsaved span is looked at again by the
   * next catch-up, and the server's history keeps that from a second reply.
   */
  let answeredUpTo = 0;
  let savedUpTo = 0;
  const saveCaughtUpTo = () => {
    if (!leader || answeredUpTo <= savedUpTo) return;
    savedUpTo = answeredUpTo;
    void writeCaughtUpTo(workspace, answeredUpTo);
  };

  const status = (): AutoReplyStatus => ({
    active: stored !== undefined && isAutoReplyActive(stored.settings, Date.now()) && !me?.nativeResponderActive,
    leader,
    watching: socketSeen,
    nativeResponderActive: me?.nativeResponderActive ?? false,
    settingsProblems: stored && !stored.ok ? stored.problems : [],
    signInProblem: meProblem,
  });
  const announce = () => onStatusChange(status());

  const context = (): ResponderContext | undefined =>
    me && stored
      ? {
          api,
          me,
          settings: stored.settings,
          now: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          displayNames: keepNewestDisplayNames(displayNames),
          record: (entry) => recordActivity(workspace, entry),
        }
      : undefined;

  /** One message at a time per conversation, so a burst gets one reply. */
  function enqueue(candidate: CandidatePost, catchingUp: boolean): Promise<unknown> {
    if (handled.has(candidate.post.id)) return Promise.resolve();
    handled.add(candidate.post.id);
    const previous = channelQueues.get(candidate.channelId) ?? Promise.resolve();
    const next = previous.then(() => {
      const current = context();
      return current && !stopping.signal.aborted ? respondTo(current, candidate, catchingUp) : undefined;
    }).catch((error: unknown) => console.warn('Companion for Mattermost: auto-reply failed', error));
    channelQueues.set(candidate.channelId, next);
    void next.then(() => {
      if (channelQueues.get(candidate.channelId) === next) channelQueues.delete(candidate.channelId);
    });
    return next;
  }

  async function refreshMe(): Promise<void> {
    try {
      me = await fetchMe(api);
      meProblem = '';
    } catch (error) {
      meProblem = error instanceof Error ? error.message : String(error);
    }
    announce();
  }

  /** Messages that arrived while no tab was listening: answered while fresh, listed when too old. */
  async function catchUp(): Promise<void> {
    const current = context();
    if (!current || !isAutoReplyActive(current.settings, Date.now())) return;
    const startedAt = Date.now();
    const from = Math.max((await readCaughtUpTo(workspace)) ?? startedAt - current.settings.catchUpMinutes * 60_000, startedAt - longestCatchUpMs);
    for (const channel of await fetchMyChannels(api)) {
      if (channel.lastPostAt < from) continue;
      for (const post of await fetchPostsSince(api, channel.id, from)) {
        const mentionsMe = mentionPattern(current.me.username).test(post.message);
        void enqueue({ post, channelId: channel.id, channelType: channel.type, mentionsMe }, true);
      }
    }
    await Promise.all(channelQueues.values());
    await writeCaughtUpTo(workspace, startedAt);
  }

  function onSocketEvent(event: Event): void {
    if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
    const observed = JSON.parse(event.detail) as ObservedSocketEvent;
    if (!socketSeen) {
      socketSeen = true;
      announce();
    }
    if (observed.kind === 'close') {
      disconnected = true;
      return;
    }
    if (observed.kind === 'open') {
      if (disconnected && leader) void catchUp();
      disconnected = false;
      return;
    }
    const message = parseSocketMessage(observed.data);
    if (message.event === 'user_updated' && message.userId === me?.id) void refreshMe();
    if (message.event !== 'posted' || !leader || !me) return;
    const { posted } = message;
    void enqueue(
      { post: posted.post, channelId: posted.channelId, channelType: posted.channelType, mentionsMe: posted.mentions.includes(me.id) },
      false,
    ).then(() => {
      answeredUpTo = Math.max(answeredUpTo, posted.post.createAt);
    });
  }

  async function switchOffWhenScheduleEnds(): Promise<void> {
    if (!leader || !stored?.ok || !stored.settings.enabled) return;
    if (hasScheduleEnded(stored.settings.schedule, Date.now())) {
      await writeAutoReplySettings(workspace, { ...stored.settings, enabled: false, schedule: { kind: 'always' } });
    }
  }

  document.addEventListener(socketEventName, onSocketEvent, { signal: stopping.signal });
  window.addEventListener('pagehide', saveCaughtUpTo, { signal: stopping.signal });
  const stopWatchingSettings = onAutoReplySettingsChanged(workspace, (next) => {
    const wasActive = stored !== undefined && isAutoReplyActive(stored.settings, Date.now());
    stored = next;
    if (!wasActive && isAutoReplyActive(next.settings, Date.now()) && leader) void writeCaughtUpTo(workspace, Date.now());
    announce();
  });
  const scheduleTimer = setInterval(() => {
    saveCaughtUpTo();
    void switchOffWhenScheduleEnds();
    announce();
  }, scheduleCheckMs);

  void (async () => {
    stored = await readAutoReplySettings(workspace);
    await refreshMe();
    await navigator.locks.request(`companion-for-mattermost:auto-reply:${workspaceUrl(workspace)}`, { signal: stopping.signal }, async () => {
      leader = true;
      announce();
      await catchUp().catch((error: unknown) => console.warn('Companion for Mattermost: catching up failed', error));
      await switchOffWhenScheduleEnds();
      // Hold the lock, and with it the leadership, until this tab stops.
      await new Promise((resolve) => stopping.signal.addEventListener('abort', resolve));
    }).catch(() => undefined);
  })();

  return {
    status,
    stop() {
      saveCaughtUpTo();
      stopping.abort();
      stopWatchingSettings();
      clearInterval(scheduleTimer);
      leader = false;
    },
  };
}

/** `@username` as a whole word; usernames may hold dots, which must not match any character. */
function mentionPattern(username: string): RegExp {
  return new RegExp(`(^|[^\\w.-])@${username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'i');
}
