import type { Tabs } from 'webextension-polyfill';
import type { TabSession } from '../shared/messages.ts';
import { sendToBackground, sendToTab } from '../shared/messaging.ts';
import { findWorkspaceForUrl, isWebUrl, type Workspace } from '../shared/workspace.ts';
import { probeTabForMattermost } from './mattermostProbe.ts';

/** What the popup knows about its tab, one case per thing it can show. */
export type TabWorkspace =
  | { readonly kind: 'no-tab' }
  | { readonly kind: 'not-web-page' }
  | { readonly kind: 'no-access' }
  | { readonly kind: 'not-mattermost'; readonly host: string }
  | { readonly kind: 'available'; readonly tabId: number; readonly workspace: Workspace }
  | {
      readonly kind: 'enabled';
      readonly tabId: number;
      readonly workspace: Workspace;
      readonly session: TabSession | { readonly state: 'not-running' };
    };

export async function inspectTab(tab: Tabs.Tab | undefined): Promise<TabWorkspace> {
  if (tab?.id === undefined) return { kind: 'no-tab' };
  const tabId = tab.id;
  // Without access to the tab the browser hides its address.
  if (tab.url === undefined) return { kind: 'no-access' };
  if (!isWebUrl(tab.url)) return { kind: 'not-web-page' };

  const enabled = findWorkspaceForUrl(await sendToBackground('listWorkspaces', null), tab.url);
  if (enabled) {
    const session = await sendToTab(tabId, 'describeSession', null).catch(() => ({ state: 'not-running' }) as const);
    return { kind: 'enabled', tabId, workspace: enabled, session };
  }

  const probe = await probeTabForMattermost(tabId, tab.url);
  switch (probe.kind) {
    case 'mattermost':
      return { kind: 'available', tabId, workspace: probe.workspace };
    case 'not-mattermost':
      return { kind: 'not-mattermost', host: new URL(tab.url).host };
    case 'no-access':
      return { kind: 'no-access' };
  }
}
