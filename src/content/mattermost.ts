/**
 * Runs in the isolated world of pages that belong to an enabled workspace. It
 * is registered for a host pattern without port, so it first checks that this
 * page really is one of the user's workspaces.
 */
import { readActivity } from '../shared/autoReply/autoReplyStore.ts';
import { createServerClock } from '../shared/autoReply/serverClock.ts';
import { onEnabledWorkspacesChanged, readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { answerContentMessages, sendToBackground } from '../shared/messaging.ts';
import { readableError } from '../shared/readableError.ts';
import { findWorkspaceForUrl, sameWorkspace } from '../shared/workspace.ts';
import { startAutoReplyInTab } from './autoReplyTab.ts';
import { createMattermostApi } from './mattermostApi.ts';
import { trackServerProblems } from './serverProblems.ts';
import { listUnansweredConversations } from './unansweredConversations.ts';
import { createWorkspaceClient, describeSession } from './workspaceClient.ts';

declare global {
  // Set while this extension's script runs in the tab: it must start only once.
  var companionForMattermostRunning: boolean | undefined;
}

const meRoute = '/api/v4/users/me';

async function start(): Promise<void> {
  if (globalThis.companionForMattermostRunning) return;
  globalThis.companionForMattermostRunning = true;

  const workspace = findWorkspaceForUrl(await readEnabledWorkspaces(), location.href);
  if (!workspace) {
    globalThis.companionForMattermostRunning = false;
    return;
  }

  const client = createWorkspaceClient(workspace);
  const clock = createServerClock();
  const serverProblems = trackServerProblems(() => clock.now());
  // Every answer tells the server's time; a 401 may mean another account or none.
  const api = createMattermostApi(client, undefined, {
    onAnswer(url, status, headers, receivedAt) {
      clock.learnFromDateHeader(headers.get('Date'), receivedAt);
      serverProblems.observer.onAnswer?.(url, status, headers, receivedAt);
      if (status === 401 && !new URL(url).pathname.endsWith(meRoute)) autoReply.identityMayHaveChanged();
    },
    onNoAnswer: (url, error) => serverProblems.observer.onNoAnswer?.(url, error),
  });
  const autoReply = startAutoReplyInTab(workspace, api, clock, serverProblems, (report) => {
    sendToBackground('reportAutoReplyHealth', report).catch(() => undefined);
  });
  const stopAnswering = answerContentMessages({
    describeSession: () => describeSession(client),
    describeAutoReply: () => autoReply.status(),
    listUnansweredConversations: async () => {
      const account = autoReply.account();
      if (!account) throw readableError('sessionSignedOut', 'no account is signed in in this tab');
      return listUnansweredConversations(api, workspace, await readActivity(account));
    },
  });
  const stopWatching = onEnabledWorkspacesChanged((workspaces) => {
    if (workspaces.some((enabled) => sameWorkspace(enabled, workspace))) return;
    autoReply.stop();
    stopAnswering();
    stopWatching();
    sendToBackground('reportAutoReplyHealth', { health: { state: 'off' }, badge: 'none', keepTabAlive: false }).catch(() => undefined);
    globalThis.companionForMattermostRunning = false;
  });
}

void start();
