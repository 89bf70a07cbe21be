import type { TabAccount } from '../shared/autoReply/autoReplyHealth.ts';
import { fetchMe, type Me } from './autoReplyRest.ts';
import { MattermostApiError, type MattermostApi } from './mattermostApi.ts';

/** How often the session cookie is looked at: a local read, no request. */
const cookieCheckMs = 2_000;
const firstRetryMs = 5_000;
const longestRetryMs = 60_000;

export interface TabIdentity {
  account(): TabAccount;
  /** The signed-in user, while known. */
  me(): Me | undefined;
  /**
   * Asks the server again who is signed in: on every socket hello and close, a
   * 401, a change of the session cookie. (Signing out ends the session but
   * leaves the readable `MMUSERID` cookie; signing in as someone else changes it.)
   */
  refresh(): void;
  stop(): void;
}

/**
 * Who is signed in in this tab. The webapp signs in and out without a page
 * load, so the answer is never taken as final: it is asked again whenever the
 * session may have changed, and a failed lookup is retried until it succeeds.
 * `onChange` hears of every change of user, including to nobody.
 */
export function watchTabIdentity(api: MattermostApi, now: () => number, onChange: (me: Me | undefined) => void): TabIdentity {
  let account: TabAccount = { state: 'checking' };
  let me: Me | undefined;
  let asking = false;
  let askAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = firstRetryMs;
  let sessionCookie = readSessionUserId();
  let stopped = false;

  const settle = (next: Me | undefined) => {
    // The first answer (or the first after failures) is news even when it is "nobody".
    const changed = next?.id !== me?.id || account.state === 'checking' || account.state === 'unreachable';
    me = next;
    account = next ? { state: 'signed-in', userId: next.id, username: next.username } : { state: 'signed-out' };
    // The same user with new properties (the native responder switched on) is not a change of user.
    if (changed || next) onChange(next);
  };

  async function ask(): Promise<void> {
    clearTimeout(retryTimer);
    try {
      settle(await fetchMe(api));
      retryDelay = firstRetryMs;
    } catch (error) {
      if (error instanceof MattermostApiError && error.status === 401) {
        settle(undefined);
        return;
      }
      // A network blip keeps the known user; without one, say that it could not be learnt.
      if (!me) {
        const message = error instanceof Error ? error.message : String(error);
        account = { state: 'unreachable', since: account.state === 'unreachable' ? account.since : now(), problem: message };
        onChange(undefined);
      }
      if (!stopped) retryTimer = setTimeout(refresh, retryDelay);
      retryDelay = Math.min(retryDelay * 2, longestRetryMs);
    }
  }

  function refresh(): void {
    if (stopped) return;
    if (asking) {
      askAgain = true;
      return;
    }
    asking = true;
    void ask().finally(() => {
      asking = false;
      if (askAgain) {
        askAgain = false;
        refresh();
      }
    });
  }

  // Signing out clears the session cookie at once: stop answering before any request says so.
  const cookieTimer = setInterval(() => {
    const current = readSessionUserId();
    if (current === sessionCookie) return;
    sessionCookie = current;
    if (!current && me) settle(undefined);
    refresh();
  }, cookieCheckMs);

  refresh();
  return {
    account: () => account,
    me: () => me,
    refresh,
    stop() {
      stopped = true;
      clearInterval(cookieTimer);
      clearTimeout(retryTimer);
    },
  };
}

/** The user id Mattermost keeps in a readable cookie beside the HttpOnly session token. */
function readSessionUserId(): string {
  const match = /(?:^|;\s*)MMUSERID=([^;]*)/.exec(document.cookie);
  return match?.[1] ?? '';
}
