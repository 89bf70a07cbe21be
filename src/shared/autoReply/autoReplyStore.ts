import browser from 'webextension-polyfill';
import { inFirefoxContentScript } from '../lockHolding.ts';
import { accountDataKey, accountDataKinds, accountNameKey, accountsInStorage, lastAccountKey, planWorkspaceDataMigration, workspaceDataKey, type Account } from './accountData.ts';
import type { Workspace } from '../workspace.ts';
import { appendActivity, parseActivity, type ActivityEntry } from './activity.ts';
import { catchUpPointFromClock } from './catchUpPoint.ts';
import { parsePendingReplies, type PendingReply } from './pendingReplies.ts';
import { defaultAutoReplySettings, migrateAutoReplySettings, parseAutoReplySettings, type AutoReplySettings, type SettingsProblem } from './settings.ts';

/** One account's auto-reply data in `storage.local`: settings, activity and catch-up point. */

export type StoredSettings =
  | { readonly ok: true; readonly settings: AutoReplySettings }
  /**
   * Stored settings that fail validation are kept as they are, not replaced,
   * and reported; auto-reply then runs on nothing but the defaults, switched
   * off. `asStored` is what a form shows to mend them: every stored value
   * over the defaults, so fixing one field keeps the others.
   */
  | { readonly ok: false; readonly settings: AutoReplySettings; readonly problems: readonly SettingsProblem[]; readonly asStored: AutoReplySettings };

/** Takes over the workspace's data from before settings were kept per account, if any is left. */
export async function claimWorkspaceData(account: Account): Promise<void> {
  const keys = accountDataKinds.flatMap((kind) => [workspaceDataKey(account.workspace, kind), accountDataKey(account, kind)]);
  const change = planWorkspaceDataMigration(await browser.storage.local.get(keys), account);
  if (Object.keys(change.set).length > 0) await browser.storage.local.set(change.set);
  if (change.remove.length > 0) await browser.storage.local.remove(change.remove);
}

export async function rememberLastAccount(account: Account, username: string): Promise<void> {
  await browser.storage.local.set({ [lastAccountKey(account.workspace)]: account.userId, [accountNameKey(account)]: username });
}

export interface KnownAccount {
  readonly account: Account;
  /** Undefined for an account no tab has named yet. */
  readonly username: string | undefined;
}

/** Every account with auto-reply data on the workspace, with its username where a tab noted it. */
export async function readKnownAccounts(workspace: Workspace): Promise<KnownAccount[]> {
  const everything = await browser.storage.local.get(null);
  return accountsInStorage(Object.keys(everything), workspace).map((userId) => {
    const account = { workspace, userId };
    const username = everything[accountNameKey(account)];
    return { account, username: typeof username === 'string' ? username : undefined };
  });
}

export async function readLastAccount(workspace: Workspace): Promise<Account | undefined> {
  const key = lastAccountKey(workspace);
  const userId = (await browser.storage.local.get(key))[key];
  return typeof userId === 'string' ? { workspace, userId } : undefined;
}

export async function readAutoReplySettings(account: Account): Promise<StoredSettings> {
  const key = accountDataKey(account, 'settings');
  return storedSettingsFrom((await browser.storage.local.get(key))[key]);
}

function storedSettingsFrom(stored: unknown): StoredSettings {
  if (stored === undefined) return { ok: true, settings: defaultAutoReplySettings };
  const parsed = parseAutoReplySettings(stored);
  if (parsed.ok) return parsed;
  const migrated = migrateAutoReplySettings(stored);
  const asStored = (typeof migrated === 'object' && migrated !== null && !Array.isArray(migrated) ? { ...defaultAutoReplySettings, ...migrated } : defaultAutoReplySettings) as AutoReplySettings;
  return { ok: false, settings: { ...defaultAutoReplySettings, enabled: false }, problems: parsed.problems, asStored };
}

/** What a form shows: the settings, or invalid ones as they were stored, to be mended. */
export function editableSettings(stored: StoredSettings): AutoReplySettings {
  return stored.ok ? stored.settings : stored.asStored;
}

/**
 * Changes the settings as they are in storage now, not as a window last saw
 * them: a form saves only what it changed, so a switch-off from another
 * window or from the tab a moment before is kept. Saved when the result is
 * valid; a switch-on moves the catch-up point to `serverNow`.
 */
export function changeAutoReplySettings(
  account: Account,
  change: (current: AutoReplySettings) => AutoReplySettings,
  serverNow: number,
): Promise<{ readonly problems: readonly SettingsProblem[]; readonly saved?: AutoReplySettings }> {
  return inTurn(accountDataKey(account, 'settings'), async () => {
    const stored = await readAutoReplySettings(account);
    const next = change(editableSettings(stored));
    // Stored settings that do not validate are off, whatever they say.
    const wasOn = stored.ok && stored.settings.enabled;
    const problems = await writeSettingsNow(account, next, !wasOn && next.enabled ? catchUpPointFromClock(serverNow) : undefined);
    const parsed = parseAutoReplySettings(next);
    return problems.length === 0 && parsed.ok ? { problems, saved: parsed.settings } : { problems };
  });
}

/**
 * Replaces every setting (an import) in turn with every other change of them;
 * a switch-on moves the catch-up point to `serverNow`.
 */
export function replaceAutoReplySettings(account: Account, candidate: unknown, serverNow: number): Promise<readonly SettingsProblem[]> {
  return inTurn(accountDataKey(account, 'settings'), async () => {
    const stored = await readAutoReplySettings(account);
    const wasOn = stored.ok && stored.settings.enabled;
    const switchedOn = !wasOn && (candidate as Partial<AutoReplySettings> | null)?.enabled === true;
    return writeSettingsNow(account, candidate, switchedOn ? catchUpPointFromClock(serverNow) : undefined);
  });
}

/**
 * Saves settings only when they are valid; the caller shows the problems
 * otherwise. `switchedOnAt` (server time) says auto-reply is being switched on
 * now: the catch-up point moves there in the same write, so a popup or
 * browser closed at once keeps both or neither, and a tab started later lists
 * what came since instead of looking back only its catch-up window. In turn
 * with every other change of the settings from this window or tab.
 */
export function writeAutoReplySettings(account: Account, candidate: unknown, switchedOnAt?: number): Promise<readonly SettingsProblem[]> {
  return inTurn(accountDataKey(account, 'settings'), () => writeSettingsNow(account, candidate, switchedOnAt));
}

async function writeSettingsNow(account: Account, candidate: unknown, switchedOnAt: number | undefined): Promise<readonly SettingsProblem[]> {
  const parsed = parseAutoReplySettings(candidate);
  if (!parsed.ok) return parsed.problems;
  const settingsKey = accountDataKey(account, 'settings');
  if (switchedOnAt === undefined || !parsed.settings.enabled) {
    await browser.storage.local.set({ [settingsKey]: parsed.settings });
    return [];
  }
  const pointKey = accountDataKey(account, 'caughtUpTo');
  const point = (await browser.storage.local.get(pointKey))[pointKey];
  await browser.storage.local.set({ [settingsKey]: parsed.settings, [pointKey]: typeof point === 'number' ? Math.max(point, switchedOnAt) : switchedOnAt });
  return [];
}

export function onAutoReplySettingsChanged(account: Account, listener: (settings: StoredSettings) => void): () => void {
  return onStoredChange(accountDataKey(account, 'settings'), (change) => listener(storedSettingsFrom(change.newValue)));
}

export function onPendingRepliesChanged(account: Account, listener: () => void): () => void {
  return onStoredChange(accountDataKey(account, 'pending'), () => listener());
}

export function onActivityChanged(account: Account, listener: () => void): () => void {
  return onStoredChange(accountDataKey(account, 'activity'), () => listener());
}

function onStoredChange(key: string, listener: (change: browser.Storage.StorageChange) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change) listener(change);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function readActivity(account: Account): Promise<ActivityEntry[]> {
  const key = accountDataKey(account, 'activity');
  return parseActivity((await browser.storage.local.get(key))[key]);
}

export function recordActivity(account: Account, entry: ActivityEntry): Promise<void> {
  return updateStored(accountDataKey(account, 'activity'), (stored) => appendActivity(parseActivity(stored), entry));
}

/** The time up to which messages have been looked at, so a reconnect or reload can catch up. */
export async function readCaughtUpTo(account: Account): Promise<number | undefined> {
  const key = accountDataKey(account, 'caughtUpTo');
  const stored = (await browser.storage.local.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

/** Never moves the catch-up point back: of two writers, the later point wins. */
export function writeCaughtUpTo(account: Account, at: number): Promise<void> {
  // Within this tab only: written as auto-reply is switched on, often just before the tab closes, so it must not
  // wait for another tab. A point two tabs race on can only come out earlier, which looks at a message again.
  return updateStored(accountDataKey(account, 'caughtUpTo'), (stored) => (typeof stored === 'number' ? Math.max(stored, at) : at), { acrossTabs: false });
}

export async function readPendingReplies(account: Account): Promise<PendingReply[]> {
  const key = accountDataKey(account, 'pending');
  return parsePendingReplies((await browser.storage.local.get(key))[key]);
}

/** Changes the retry queue in turn with every other change of it in this script; resolves with what `change` returned. */
export async function updatePendingReplies<T>(account: Account, change: (pending: PendingReply[]) => { pending: PendingReply[]; result: T }): Promise<T> {
  let result: T | undefined;
  await updateStored(accountDataKey(account, 'pending'), (stored) => {
    const changed = change(parsePendingReplies(stored));
    result = changed.result;
    return changed.pending;
  });
  return result as T;
}

const pendingUpdates = new Map<string, Promise<void>>();

/**
 * Tabs of one workspace share the page's origin and so its Web Locks: a tab
 * that was leader and one that just became leader never write one key at the
 * same moment. (Elsewhere, as in unit tests, the script's own order holds.)
 */
function acrossTabs(key: string, write: () => Promise<void>): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  // In a Firefox content script the lock manager is the page's, which fails a write's promise: this script's own order holds there.
  if (!locks || inFirefoxContentScript()) return write();
  // Typed as resolving to the callback's promise; it resolves once that promise has.
  return locks.request(`companion-for-mattermost:storage:${key}`, write).then(() => undefined);
}

/**
 * Runs `work` (a read, then a write, of `key`) once every earlier one in this
 * script is done, and under the key's Web Lock: the popup and the options
 * page share the extension's origin, tabs of a workspace the page's, so two
 * saves of one window, or of two, never read the same value and overwrite
 * each other.
 */
function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = pendingUpdates.get(key) ?? Promise.resolve();
  let result: T | undefined;
  const next = previous.then(() =>
    acrossTabs(key, async () => {
      result = await work();
    }),
  );
  const settled = next.catch(() => undefined);
  pendingUpdates.set(key, settled);
  void settled.then(() => {
    if (pendingUpdates.get(key) === settled) pendingUpdates.delete(key);
  });
  return next.then(() => result as T);
}

/**
 * Read-modify-write of one key, one at a time in this script and across tabs: updates made
 * in parallel (replies in several conversations) are applied in turn, so
 * none overwrites another.
 */
function updateStored(key: string, update: (stored: unknown) => unknown, { acrossTabs: locked = true } = {}): Promise<void> {
  const previous = pendingUpdates.get(key) ?? Promise.resolve();
  const write = async () => {
    const stored = (await browser.storage.local.get(key))[key];
    await browser.storage.local.set({ [key]: update(stored) });
  };
  const next = previous.then(() => (locked ? acrossTabs(key, write) : write()));
  const settled = next.catch(() => undefined);
  pendingUpdates.set(key, settled);
  void settled.then(() => {
    if (pendingUpdates.get(key) === settled) pendingUpdates.delete(key);
  });
  return next;
}
