import browser from 'webextension-polyfill';
import contentScript from '../content/mattermost.ts?script&iife';
import socketObserver from '../content/page-socket-observer.ts?script&iife';
import deskScript from '../content/desk/deskScript.ts?script&iife';
import supportPacketScript from '../content/supportPacket/packetScript.ts?script&iife';
import { readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { answerBackgroundMessages } from '../shared/messaging.ts';
import { deskScriptFlag, supportPacketScriptFlag } from '../shared/tabScriptFlags.ts';
import { runInWorkspaceTab } from './runInWorkspaceTab.ts';
import { saveDownload } from './saveDownload.ts';
import { keepTabLoaded, showAutoReplyBadge } from './toolbarBadge.ts';
import { disableWorkspace, enableWorkspace, forgetRevokedWorkspaces } from './workspaceAccess.ts';

const tabScripts = { contentScript, socketObserver };

answerBackgroundMessages({
  enableWorkspace: ({ workspace, tabId }) => enableWorkspace(workspace, tabId, tabScripts),
  disableWorkspace: async ({ workspace }) => {
    await disableWorkspace(workspace, tabScripts);
    return null;
  },
  listWorkspaces: () => readEnabledWorkspaces(),
  downloadFile: async ({ url, fileName }) => ({ downloadId: await saveDownload(url, fileName) }),
  loadSupportPacketScript: async ({ tabId }) => {
    await runInWorkspaceTab(tabId, { file: supportPacketScript, runningFlag: supportPacketScriptFlag });
    return null;
  },
  loadDeskScript: async ({ tabId }) => {
    await runInWorkspaceTab(tabId, { file: deskScript, runningFlag: deskScriptFlag });
    return null;
  },
  reportAutoReplyHealth: async ({ badge, keepTabAlive }, sender) => {
    if (sender.tab?.id === undefined) return null;
    await showAutoReplyBadge(sender.tab.id, badge);
    await keepTabLoaded(sender.tab.id, keepTabAlive);
    return null;
  },
});

// The registrations name the built script files, which change with each version.
browser.runtime.onInstalled.addListener(() => void forgetRevokedWorkspaces(tabScripts));
browser.permissions.onRemoved.addListener(() => void forgetRevokedWorkspaces(tabScripts));
