import browser from 'webextension-polyfill';
import { workspaceUrl, type Workspace } from '../workspace.ts';
import { appendActivity, parseActivity, type ActivityEntry } from './activity.ts';
import { defaultAutoReplySettings, parseAutoReplySettings, type AutoReplySettings } from './settings.ts';

/** Where one workspace's auto-reply data lives in `storage.local`. */
const keys = (workspace: Workspace) => {
  const base = `autoReply:${workspaceUrl(workspace)}`;
  return { settings: `${base}:settings`, activity: `${base}:activity`, caughtUpTo: `${base}:caughtUpTo` };
};

export type StoredSettings =
  | { readonly ok: true; readonly settings: AutoReplySettings }
  /** Stored settings that fail validation are kept as they are, not replaced, and reported. */
  | { readonly ok: false; readonly settings: AutoReplySettings; readonly problems: readonly string[] };

export async function readAutoReplySettings(workspace: Workspace): Promise<StoredSettings> {
  const key = keys(workspace).settings;
  const stored = (await browser.storage.local.get(key))[key];
  if (stored === undefined) return { ok: true, settings: defaultAutoReplySettings };
  const parsed = parseAutoReplySettings(stored);
  if (parsed.ok) return parsed;
  return { ok: false, settings: { ...defaultAutoReplySettings, enabled: false }, problems: parsed.problems };
}

/** Saves settings only when they are valid; the caller shows the problems otherwise. */
export async function writeAutoReplySettings(workspace: Workspace, candidate: unknown): Promise<readonly string[]> {
  const parsed = parseAutoReplySettings(candidate);
  if (!parsed.ok) return parsed.problems;
  await browser.storage.local.set({ [keys(workspace).settings]: parsed.settings });
  return [];
}

export function onAutoReplySettingsChanged(workspace: Workspace, listener: (settings: StoredSettings) => void): () => void {
  const key = keys(workspace).settings;
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(key in changes)) return;
    void readAutoReplySettings(workspace).then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function readActivity(workspace: Workspace): Promise<ActivityEntry[]> {
  const key = keys(workspace).activity;
  return parseActivity((await browser.storage.local.get(key))[key]);
}

export async function recordActivity(workspace: Workspace, entry: ActivityEntry): Promise<void> {
  const key = keys(workspace).activity;
  await browser.storage.local.set({ [key]: appendActivity(await readActivity(workspace), entry) });
}

/** The time up to which messages have been looked at, so a reconnect or reload can catch up. */
export async function readCaughtUpTo(workspace: Workspace): Promise<number | undefined> {
  const key = keys(workspace).caughtUpTo;
  const stored = (await browser.storage.local.get(key))[key];
  return typeof stored === 'number' ? stored : undefined;
}

export async function writeCaughtUpTo(workspace: Workspace, at: number): Promise<void> {
  await browser.storage.local.set({ [keys(workspace).caughtUpTo]: at });
}
