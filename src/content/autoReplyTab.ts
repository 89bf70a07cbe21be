import type { Account } from '../shared/autoReply/accountData.ts';
import { readAutoReplySettings, readLastAccount, rememberLastAccount } from '../shared/autoReply/autoReplyStore.ts';
import { badgeFor, decideAutoReplyHealth, type AutoReplyFacts, type SocketConnection } from '../shared/autoReply/autoReplyHealth.ts';
import { isAutoReplyActive } from '../shared/autoReply/schedule.ts';
import type { ServerClock } from '../shared/autoReply/serverClock.ts';
import type { AutoReplyHealthReport, AutoReplyTabStatus } from '../shared/messages.ts';
import { socketEventName, type ObservedSocketEvent } from '../shared/socketEvents.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';
import { startAccountAutoReply, type AccountAutoReply } from './accountAutoReply.ts';
import type { Me } from './autoReplyRest.ts';
import { startDeskAutomation, type DeskAutomation } from './desk/deskAutomation.ts';
import { deskStorageFor } from './desk/deskStorage.ts';
import { reportWordsInUiLanguage } from './desk/reportWords.ts';
import { minutesInWords, t } from '../shared/i18n.ts';
import { createLeadershipLock } from './leadershipLock.ts';
import { wantsLeadership } from './leadershipPolicy.ts';
import type { MattermostApi } from './mattermostApi.ts';
import { nextSocketConnection } from './socketConnection.ts';
import type { ServerProblem } from './serverProblems.ts';
import { nextSocketContinuity, type SocketContinuity } from './socketContinuity.ts';
import { parseSocketFrame } from './socketMessage.ts';
import { watchTabIdentity } from './tabIdentity.ts';

const checkEveryMs = 5_000;
/** The webapp closes its socket just before it ends the session when signing out. */
const signOutSettleMs = 1_000;
/** A gap this long between two checks means the tab was frozen (or the machine slept): catch up. */
const frozenGapMs = 3 * 60_000;

export interface AutoReplyTab {
  status(): Promise<AutoReplyTabStatus>;
  /** The account signed in in this tab, while known. */
  account(): Account | undefined;
  stop(): void;
}

export interface ServerProblems {
  current(): ServerProblem | undefined;
}

const lockName = (account: Account) => `companion-for-mattermost:auto-reply:${workspaceUrl(account.workspace)}:${account.userId}`;

/**
 * Auto-reply in one tab: watches the webapp's socket and who is signed in,
 * runs the signed-in account's auto-reply, holds that account's leadership
 * only while it can answer, and says how healthy it all is.
 */
export function startAutoReplyInTab(
  workspace: Workspace,
  api: MattermostApi,
  clock: ServerClock,
  serverProblems: ServerProblems,
  report: (health: AutoReplyHealthReport) => void,
): AutoReplyTab & { identityMayHaveChanged(): void } {
  const stopping = new AbortController();
  const leadership = createLeadershipLock();
  let socket: SocketConnection = { state: 'never-seen' };
  let heard: SocketContinuity = {};
  let running: AccountAutoReply | undefined;
  /** The support desk of the same account, led by the same tab. */
  let desk: DeskAutomation | undefined;
  /** The settings of the account last signed in, so a signed-out tab can still warn that auto-reply is on but not answering. */
  let lastSettings: AutoReplyFacts['settings'];
  let lastReported = '';

  const identity = watchTabIdentity(api, () => clock.now(), onIdentity);

  function onIdentity(me: Me | undefined): void {
    if (me && running?.account.userId === me.id) {
      evaluate();
      return;
    }
    if (running) lastSettings = running.settings()?.settings;
    running?.stop();
    desk?.stop();
    leadership.giveUp();
    if (me) void rememberLastAccount({ workspace, userId: me.id }, me.username);
    else if (!lastSettings) void showLastAccountSettings();
    running = me
      ? startAccountAutoReply({
          account: { workspace, userId: me.id },
          api,
          clock,
          me: identity.me,
          isLeader: () => leadership.holding(),
          socketConnected: () => socket.state === 'connected',
          onSettingsChanged: evaluate,
        })
      : undefined;
    desk = me
      ? startDeskAutomation({
          account: { workspace, userId: me.id },
          api,
          clock,
          isLeader: () => leadership.holding(),
          storage: deskStorageFor({ workspace, userId: me.id }),
          feedbackRequest: t('deskFeedbackRequest'),
          reportWords: reportWordsInUiLanguage,
          reminderText: (mention, minutes) => t('deskReminderMessage', [mention, minutesInWords(minutes)]),
        })
      : undefined;
    evaluate();
  }

  function catchUpAll(): void {
    running?.catchUp();
    desk?.catchUp();
  }

  /** A tab loaded signed out still warns when the account last signed in here has auto-reply on. */
  async function showLastAccountSettings(): Promise<void> {
    const last = await readLastAccount(workspace);
    if (!last || running) return;
    lastSettings = (await readAutoReplySettings(last)).settings;
    evaluate();
  }

  async function facts(): Promise<AutoReplyTabStatus> {
    const stored = running?.settings();
    const leader = await leadership.describe(running ? lockName(running.account) : undefined);
    const serverProblem = serverProblems.current();
    const known: Omit<AutoReplyFacts, 'now'> = {
      account: identity.account(),
      settings: running ? stored?.settings : lastSettings,
      settingsProblems: stored && !stored.ok ? stored.problems : [],
      nativeResponderActive: identity.me()?.nativeResponderActive ?? false,
      socket,
      leadership: leader,
      ...(serverProblem ? { serverProblem } : {}),
    };
    const now = clock.now();
    return { ...known, serverOffsetMs: clock.offsetMs(), health: decideAutoReplyHealth({ ...known, now }) };
  }

  /** Takes or gives up the lead as the facts now say, and reports the health when it changed. */
  function evaluate(): void {
    if (stopping.signal.aborted) return;
    const current = running;
    const wanted =
      current !== undefined &&
      wantsLeadership({ now: clock.now(), accountKnown: identity.me()?.id === current.account.userId, socket, holding: leadership.holding() });
    if (current && wanted) {
      leadership.ask(lockName(current.account), () => {
        current.catchUp();
        desk?.catchUp();
        evaluate();
      });
    } else {
      leadership.giveUp();
    }
    void facts().then((status) => {
      const settings = running?.settings()?.settings;
      // The desk acts from the leading tab too: Chrome must not discard it while anything of either is on.
      const keepTabAlive = leadership.holding() && ((settings !== undefined && isAutoReplyActive(settings, clock.now())) || desk?.isOn() === true);
      const next: AutoReplyHealthReport = { health: status.health, badge: badgeFor(status.health), keepTabAlive };
      // The browser clears a tab's badge when the page navigates (the webapp moves to /login on its own): say it again then.
      const serialized = JSON.stringify([next, location.href]);
      if (serialized === lastReported || stopping.signal.aborted) return;
      lastReported = serialized;
      report(next);
    });
  }

  function onSocketEvent(event: Event): void {
    if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
    const observed = JSON.parse(event.detail) as ObservedSocketEvent;
    const frame = observed.kind === 'message' ? parseSocketFrame(observed.data) : undefined;
    const continuity = nextSocketContinuity(heard, { kind: observed.kind, socket: observed.socket, ...(frame?.seq === undefined ? {} : { seq: frame.seq }) });
    // A socket the webapp has replaced: its frames and late close are no news of the current one.
    if (continuity.verdict === 'replaced-socket') return;
    heard = continuity.state;
    if (continuity.verdict === 'fell-back') {
      // Another socket of the page, still open, is heard from now on: connected, after a gap.
      running?.noteGap();
      desk?.noteGap();
      if (leadership.holding()) catchUpAll();
      evaluate();
      return;
    }
    const before = socket;
    socket = nextSocketConnection(socket, observed, clock.now());
    if (continuity.verdict === 'gap') {
      // A skipped frame or a new socket: what the tab heard may be incomplete until a catch-up.
      running?.noteGap();
      desk?.noteGap();
      if (leadership.holding()) catchUpAll();
    }
    if (observed.kind === 'close') {
      running?.noteGap();
      desk?.noteGap();
      // Signing out closes the socket and ends the session, but leaves the readable cookie as it was.
      setTimeout(identity.refresh, signOutSettleMs);
      evaluate();
      return;
    }
    if (observed.kind === 'open') {
      if (before.state === 'down' && continuity.verdict !== 'gap' && leadership.holding()) catchUpAll();
      evaluate();
      return;
    }
    const message = frame?.message ?? { event: 'other' };
    if (before.state !== 'connected') evaluate();
    switch (message.event) {
      case 'hello':
        // Each (re)connect may follow a sign-in or a change of account without a page load.
        identity.refresh();
        return;
      case 'user_updated':
        if (message.userId === identity.me()?.id) identity.refresh();
        running?.onUserUpdated(message.userId);
        return;
      case 'post_deleted':
        running?.onPostDeleted(message.channelId, message.postId);
        return;
      case 'post_edited':
        running?.onPostEdited(message.post.channelId, message.post);
        return;
      case 'preferences_changed':
        running?.onPreferencesChanged(message.preferences);
        return;
      case 'config_changed':
        running?.onConfigChanged();
        return;
      case 'direct_added':
        running?.onDirectChannelAdded(message.userIds);
        return;
      case 'posted':
        clock.learnFromLivePost(message.posted.post.createAt, Date.now());
        running?.onPosted(message.posted);
        desk?.onPosted(message.posted);
        return;
      case 'reaction_added':
        desk?.onReactionAdded(message.reaction);
        return;
      default:
        return;
    }
  }

  let lastCheck = Date.now();
  const checkTimer = setInterval(() => {
    const gap = Date.now() - lastCheck;
    lastCheck = Date.now();
    if (gap > frozenGapMs && leadership.holding()) catchUpAll();
    // While the socket is down, a signed-out session shows only through a request.
    if (socket.state === 'down' && identity.me()) identity.refresh();
    running?.tick();
    desk?.tick();
    evaluate();
  }, checkEveryMs);

  document.addEventListener(socketEventName, onSocketEvent, { signal: stopping.signal });
  // Chrome freezes background tabs (and Memory Saver discards them); a resumed tab catches up at once.
  document.addEventListener('resume', () => leadership.holding() && catchUpAll(), { signal: stopping.signal });

  return {
    status: facts,
    account: () => running?.account,
    identityMayHaveChanged: () => identity.refresh(),
    stop() {
      stopping.abort();
      clearInterval(checkTimer);
      identity.stop();
      running?.stop();
      running = undefined;
      desk?.stop();
      desk = undefined;
      leadership.giveUp();
    },
  };
}
