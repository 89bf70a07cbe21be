import browser from 'webextension-polyfill';
import type { Account } from '../autoReply/accountData.ts';
import type { SettingsProblem } from '../autoReply/settings.ts';
import { workspaceUrl } from '../workspace.ts';
import { onStoredChange, updateStored } from '../storedUpdates.ts';
import { appendDeskActivity, parseDeskActivity, withoutFailuresOf, type DeskActivityEntry } from './deskActivity.ts';
import { defaultDeskSettings, parseDeskSettings, type DeskSettings } from './deskSettings.ts';

/** The desk's settings in storage, one set per account on a workspace, like auto-reply's. */

export type StoredDeskSettings =
  | { readonly ok: true; readonly settings: DeskSettings }
  | { readonly ok: false; readonly settings: DeskSettings; readonly problems: readonly SettingsProblem[] };

type DeskDataKind = 'settings' | 'activity' | 'caughtUpTo' | 'welcomed' | 'reportsFrom';

function deskDataKey(account: Account, kind: DeskDataKind): string {
  return `desk:${workspaceUrl(account.workspace)}:account:${account.userId}:${kind}`;
}

export function deskSettingsKey(account: Account): string {
  return deskDataKey(account, 'settings');
}

function storedDeskSettingsFrom(stored: unknown): StoredDeskSettings {
  if (stored === undefined) return { ok: true, settings: defaultDeskSettings };
  const parsed = parseDeskSettings(stored);
  return parsed.ok ? parsed : { ok: false, settings: defaultDeskSettings, problems: parsed.problems };
}

/** Settings that no longer validate are shown with their problems over the defaults, never used as they are. */
export async function readDeskSettings(account: Account): Promise<StoredDeskSettings> {
  const key = deskSettingsKey(account);
  return storedDeskSettingsFrom((await browser.storage.local.get(key))[key]);
}

export function onDeskSettingsChanged(account: Account, listener: (stored: StoredDeskSettings) => void): () => void {
  return onStoredChange(deskSettingsKey(account), (change) => listener(storedDeskSettingsFrom(change.newValue)));
}

/** Saves settings that validate; otherwise gives the problems and saves nothing. */
export async function writeDeskSettings(account: Account, settings: DeskSettings): Promise<readonly SettingsProblem[]> {
  const parsed = parseDeskSettings(settings);
  if (!parsed.ok) return parsed.problems;
  await browser.storage.local.set({ [deskSettingsKey(account)]: parsed.settings });
  return [];
}

export async function readDeskActivity(account: Account): Promise<DeskActivityEntry[]> {
  const key = deskDataKey(account, 'activity');
  return parseDeskActivity((await browser.storage.local.get(key))[key]);
}

export function recordDeskActivity(account: Account, entry: DeskActivityEntry): Promise<void> {
  return updateStored(deskDataKey(account, 'activity'), (stored) => appendDeskActivity(parseDeskActivity(stored), entry));
}

export function clearDeskFailures(account: Account, action: NonNullable<DeskActivityEntry['action']>): Promise<void> {
  return updateStored(deskDataKey(account, 'activity'), (stored) => withoutFailuresOf(parseDeskActivity(stored), action));
}

export function onDeskActivityChanged(account: Account, listener: () => void): () => void {
  return onStoredChange(deskDataKey(account, 'activity'), () => listener());
}

/** The time up to which the support channels' posts have been looked at by the desk, so a reload or a reconnect catches up. */
export async function readDeskCaughtUpTo(account: Account): Promise<number | undefined> {
  const key = deskDataKey(account, 'caughtUpTo');
  const stored = (await browser.storage.local.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

/** Never moves the point back. */
export function writeDeskCaughtUpTo(account: Account, at: number): Promise<void> {
  return updateStored(deskDataKey(account, 'caughtUpTo'), (stored) => (typeof stored === 'number' ? Math.max(stored, at) : at));
}

/** People welcomed, as `welcomeKey`s, newest last; the oldest are forgotten beyond this many. */
const welcomesRemembered = 5_000;

export async function readWelcomed(account: Account): Promise<ReadonlySet<string>> {
  const key = deskDataKey(account, 'welcomed');
  const stored = (await browser.storage.local.get(key))[key];
  return new Set(Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string') : []);
}

export function rememberWelcomed(account: Account, welcome: string): Promise<void> {
  return updateStored(deskDataKey(account, 'welcomed'), (stored) => {
    const known = Array.isArray(stored) ? stored.filter((entry): entry is string => typeof entry === 'string' && entry !== welcome) : [];
    return [...known, welcome].slice(-welcomesRemembered);
  });
}

/** From when weekly reports are owed: the moment a tab first saw them switched on. */
export async function readReportsFrom(account: Account): Promise<number | undefined> {
  const key = deskDataKey(account, 'reportsFrom');
  const stored = (await browser.storage.local.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

/** Keeps the earliest point once set (two tabs seeing the switch at once agree); `undefined` forgets it. */
export function writeReportsFrom(account: Account, at: number | undefined): Promise<void> {
  const key = deskDataKey(account, 'reportsFrom');
  if (at === undefined) return browser.storage.local.remove(key);
  return updateStored(key, (stored) => (typeof stored === 'number' ? stored : at));
}

/** The weekly report switched on, or moved to another day, time or channel: reports are owed from `at` on. */
export async function restartReportsFrom(account: Account, at: number): Promise<void> {
  await browser.storage.local.set({ [deskDataKey(account, 'reportsFrom')]: at });
}
