import browser, { type Tabs } from 'webextension-polyfill';

/**
 * The tab the popup acts on: the one named by `?tab=<id>` when the popup is
 * opened as a page (keyboard users, tests), else the active tab of the window.
 */
export async function findTargetTab(search: string): Promise<Tabs.Tab | undefined> {
  const requested = new URLSearchParams(search).get('tab');
  if (requested !== null) {
    const tabId = Number(requested);
    if (!Number.isInteger(tabId) || tabId < 0) return undefined;
    return browser.tabs.get(tabId).catch(() => undefined);
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}
