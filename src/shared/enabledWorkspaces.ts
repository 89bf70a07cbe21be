import browser from 'webextension-polyfill';
import { parseWorkspace, type Workspace } from './workspace.ts';

/** The workspaces the user enabled, kept in `storage.local` so they survive restarts. */
const storageKey = 'enabledWorkspaces';

export function parseEnabledWorkspaces(stored: unknown): Workspace[] {
  if (!Array.isArray(stored)) return [];
  return stored.map(parseWorkspace).filter((workspace): workspace is Workspace => workspace !== undefined);
}

export async function readEnabledWorkspaces(): Promise<Workspace[]> {
  const stored = await browser.storage.local.get(storageKey);
  return parseEnabledWorkspaces(stored[storageKey]);
}

export async function writeEnabledWorkspaces(workspaces: readonly Workspace[]): Promise<void> {
  await browser.storage.local.set({ [storageKey]: workspaces });
}

export function onEnabledWorkspacesChanged(listener: (workspaces: Workspace[]) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[storageKey];
    if (area === 'local' && change) listener(parseEnabledWorkspaces(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
