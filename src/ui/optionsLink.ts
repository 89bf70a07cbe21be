import browser from 'webextension-polyfill';
import type { Account } from '../shared/autoReply/accountData.ts';

/** The options page's address for one account; without one it opens on the first enabled workspace. */
export function optionsPageUrl(account?: Account): string {
  const page = browser.runtime.getURL('src/options/options.html');
  if (!account) return page;
  return `${page}?${new URLSearchParams({ workspace: account.workspace.origin + account.workspace.basePath, account: account.userId }).toString()}`;
}

/** Opens the options page on the account in a new tab (the popup closes as the tab takes focus). */
export async function openOptionsPage(account: Account): Promise<void> {
  await browser.tabs.create({ url: optionsPageUrl(account) });
  window.close();
}
