import { isInsideSchedule } from './schedule.ts';
import type { AutoReplySettings, SettingsProblem } from './settings.ts';

/**
 * Whether auto-reply in a workspace is really answering, or why not: one
 * decision from the facts a tab knows, shown by the popup's state line and
 * the toolbar badge. "Answering" only when every condition holds.
 */

/** Who the tab's session belongs to, as far as the tab knows. */
export type TabAccount =
  | { readonly state: 'checking' }
  | { readonly state: 'signed-in'; readonly userId: string; readonly username: string }
  | { readonly state: 'signed-out' }
  /** The server could not be asked who is signed in; the tab keeps asking. */
  | { readonly state: 'unreachable'; readonly since: number; readonly problem: string };

/** The webapp's own WebSocket, as the tab has observed it. */
export type SocketConnection =
  /** No socket seen since the script started: the page was open before the extension ran in it. */
  | { readonly state: 'never-seen' }
  | { readonly state: 'connected'; readonly since: number }
  | { readonly state: 'down'; readonly since: number };

/** Which tab of this browser answers for the account: the one holding the leadership lock. */
export type Leadership = 'this-tab' | 'other-tab' | 'none';

export interface AutoReplyFacts {
  /** The server's time. */
  readonly now: number;
  readonly account: TabAccount;
  /** The settings of the signed-in account (or of the last one, when signed out); undefined before they are read. */
  readonly settings: Pick<AutoReplySettings, 'enabled' | 'schedule'> | undefined;
  readonly settingsProblems: readonly SettingsProblem[];
  readonly nativeResponderActive: boolean;
  readonly socket: SocketConnection;
  readonly leadership: Leadership;
  /** Requests for replies have been failing since then (network or server errors), and are retried. */
  readonly serverProblem?: { readonly since: number; readonly message: string };
}

export type AutoReplyHealth =
  | { readonly state: 'answering'; readonly where: 'this-tab' | 'other-tab' }
  | { readonly state: 'off' }
  | { readonly state: 'outside-schedule' }
  | { readonly state: 'native-responder' }
  | { readonly state: 'settings-invalid'; readonly problems: readonly SettingsProblem[] }
  | { readonly state: 'checking' }
  | { readonly state: 'signed-out'; readonly switchedOn: boolean }
  | { readonly state: 'account-unreachable'; readonly since: number; readonly problem: string; readonly switchedOn: boolean }
  | { readonly state: 'not-watching' }
  | { readonly state: 'reconnecting'; readonly since: number }
  | { readonly state: 'starting' }
  | { readonly state: 'server-problem'; readonly since: number; readonly message: string };

export type HealthState = AutoReplyHealth['state'];

/** What one click would fix, for the states a user can fix. */
export type HealthAction = 'reload-tab' | 'sign-in';

export function decideAutoReplyHealth(facts: AutoReplyFacts): AutoReplyHealth {
  const { account, settings } = facts;
  if (account.state === 'checking') return { state: 'checking' };
  if (account.state === 'signed-out') return { state: 'signed-out', switchedOn: settings?.enabled ?? false };
  if (account.state === 'unreachable') {
    return { state: 'account-unreachable', since: account.since, problem: account.problem, switchedOn: settings?.enabled ?? false };
  }
  if (!settings) return { state: 'checking' };
  if (facts.settingsProblems.length > 0) return { state: 'settings-invalid', problems: facts.settingsProblems };
  if (!settings.enabled) return { state: 'off' };
  if (!isInsideSchedule(settings.schedule, facts.now)) return { state: 'outside-schedule' };
  if (facts.nativeResponderActive) return { state: 'native-responder' };
  // Only a tab that watches a connected socket holds the lock, so another leader is answering.
  if (facts.leadership === 'other-tab') return { state: 'answering', where: 'other-tab' };
  if (facts.socket.state === 'never-seen') return { state: 'not-watching' };
  if (facts.socket.state === 'down') return { state: 'reconnecting', since: facts.socket.since };
  if (facts.leadership === 'none') return { state: 'starting' };
  if (facts.serverProblem) return { state: 'server-problem', ...facts.serverProblem };
  return { state: 'answering', where: 'this-tab' };
}

export function healthAction(health: AutoReplyHealth): HealthAction | undefined {
  switch (health.state) {
    case 'not-watching':
    case 'account-unreachable':
      return 'reload-tab';
    case 'signed-out':
      return 'sign-in';
    default:
      return undefined;
  }
}

/**
 * The toolbar badge: "on" only while answering; a warning while switched on
 * but unable to answer; nothing while off, outside the schedule, or while
 * Mattermost's own responder answers instead.
 */
export type BadgeKind = 'on' | 'warning' | 'none';

export function badgeFor(health: AutoReplyHealth): BadgeKind {
  switch (health.state) {
    case 'answering':
      return 'on';
    case 'off':
    case 'outside-schedule':
    case 'native-responder':
    case 'checking':
    case 'starting':
      return 'none';
    case 'signed-out':
    case 'account-unreachable':
      return health.switchedOn ? 'warning' : 'none';
    case 'settings-invalid':
    case 'not-watching':
    case 'reconnecting':
    case 'server-problem':
      return 'warning';
  }
}
