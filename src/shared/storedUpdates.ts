import browser from 'webextension-polyfill';
import { inFirefoxContentScript } from './lockHolding.ts';

/**
 * Storage keys read, changed and written in turn: within a script, and across
 * the tabs of a workspace (or the extension's own pages) through the origin's
 * Web Locks. Auto-reply's and the desk's stores share it.
 */

export function onStoredChange(key: string, listener: (change: browser.Storage.StorageChange) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change) listener(change);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
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
export function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
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
export function updateStored(key: string, update: (stored: unknown) => unknown, { acrossTabs: locked = true } = {}): Promise<void> {
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
