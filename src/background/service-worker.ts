import browser from 'webextension-polyfill';
import contentScriptFile from '../content/mattermost.ts?script&iife';
import { readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { answerBackgroundMessages } from '../shared/messaging.ts';
import { disableWorkspace, enableWorkspace, forgetRevokedWorkspaces } from './workspaceAccess.ts';

answerBackgroundMessages({
  enableWorkspace: ({ workspace, tabId }) => enableWorkspace(workspace, tabId, contentScriptFile),
  disableWorkspace: async ({ workspace }) => {
    await disableWorkspace(workspace, contentScriptFile);
    return null;
  },
  listWorkspaces: () => readEnabledWorkspaces(),
});

// The registration names the built script file, which changes with each version.
browser.runtime.onInstalled.addListener(() => void forgetRevokedWorkspaces(contentScriptFile));
browser.permissions.onRemoved.addListener(() => void forgetRevokedWorkspaces(contentScriptFile));
