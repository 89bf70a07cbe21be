import browser from 'webextension-polyfill';
import type { Account } from '../autoReply/accountData.ts';
import type { SettingsProblem } from '../autoReply/settings.ts';
import { workspaceUrl } from '../workspace.ts';
import { defaultDeskSettings, parseDeskSettings, type DeskSettings } from './deskSettings.ts';

/** The desk's settings in storage, one set per account on a workspace, like auto-reply's. */

export type StoredDeskSettings =
  | { readonly ok: true; readonly settings: DeskSettings }
  | { readonly ok: false; readonly settings: DeskSettings; readonly problems: readonly SettingsProblem[] };

export function deskSettingsKey(account: Account): string {
  return `desk:${workspaceUrl(account.workspace)}:account:${account.userId}:settings`;
}

/** Settings that no longer validate are shown with their problems over the defaults, never used as they are. */
export async function readDeskSettings(account: Account): Promise<StoredDeskSettings> {
  const key = deskSettingsKey(account);
  const stored: unknown = (await browser.storage.local.get(key))[key];
  if (stored === undefined) return { ok: true, settings: defaultDeskSettings };
  const parsed = parseDeskSettings(stored);
  return parsed.ok ? parsed : { ok: false, settings: defaultDeskSettings, problems: parsed.problems };
}

/** Saves settings that validate; otherwise gives the problems and saves nothing. */
export async function writeDeskSettings(account: Account, settings: DeskSettings): Promise<readonly SettingsProblem[]> {
  const parsed = parseDeskSettings(settings);
  if (!parsed.ok) return parsed.problems;
  await browser.storage.local.set({ [deskSettingsKey(account)]: parsed.settings });
  return [];
}
