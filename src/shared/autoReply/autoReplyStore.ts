import browser from 'webextension-polyfill';
import { inTurn, onStoredChange, updateStored } from '../storedUpdates.ts';
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
