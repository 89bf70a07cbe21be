import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Account } from '../shared/autoReply/accountData.ts';
import type { AutoReplyTabStatus } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import { workspaceMatchPattern } from '../shared/workspace.ts';

const statusRefreshMs = 2_000;

export interface WorkspaceTab {
  readonly tabId: number;
  readonly status: AutoReplyTabStatus;
}

/**
 * A tab of the account's workspace signed in as that account, with what it
 * says about auto-reply; undefined while none is. Asked again every few
 * seconds, as the popup does, so a sign-in or a closed tab shows.
 */
export function useWorkspaceTab(account: Account): WorkspaceTab | undefined {
  const [found, setFound] = useState<WorkspaceTab | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const look = async () => {
      const tabs = await browser.tabs.query({ url: workspaceMatchPattern(account.workspace) }).catch(() => []);
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        const status = await sendToTab(tab.id, 'describeAutoReply', null).catch(() => undefined);
        if (status?.account.state === 'signed-in' && status.account.userId === account.userId) return { tabId: tab.id, status };
      }
      return undefined;
    };
    const refresh = () => void look().then((next) => current && setFound(next));
    refresh();
    const timer = setInterval(refresh, statusRefreshMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [account.workspace.origin, account.workspace.basePath, account.userId]);
  return found;
}
