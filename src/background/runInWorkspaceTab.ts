import browser from 'webextension-polyfill';
import { readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { readableError } from '../shared/readableError.ts';
import { isFlagSet } from '../shared/tabScriptFlags.ts';
import { findWorkspaceForUrl } from '../shared/workspace.ts';

/**
 * Runs one of the extension's built scripts in a tab, in the isolated world
 * the page-load script shares, provided the tab shows an enabled workspace
 * (the toolbar click grants access to any tab in front, and nothing of ours
 * runs anywhere else) and the script is not running there yet: it is parsed
 * once per page, however often the popup opens.
 */
export async function runInWorkspaceTab(tabId: number, script: { readonly file: string; readonly runningFlag: string }): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  if (tab.url === undefined || !findWorkspaceForUrl(await readEnabledWorkspaces(), tab.url)) {
    throw readableError('tabNotEnabledWorkspace', `tab ${tabId} is not on an enabled workspace`);
  }
  const [running] = await browser.scripting.executeScript({ target: { tabId }, func: isFlagSet, args: [script.runningFlag] });
  if (running?.result === true) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [script.file] });
}
