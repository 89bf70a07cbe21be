/**
 * The support desk's part of the extension in a Mattermost tab: reading a
 * help channel for analytics, and looking up the channels and people its
 * settings are chosen from. Like the support-packet script it is not loaded
 * with the page: the background runs it in the tab when the options page asks,
 * so the script every page load parses carries auto-reply only. Run again in
 * the same page it does nothing, and keeps what it read of each channel.
 */
import { createServerClock } from '../../shared/autoReply/serverClock.ts';
import { onEnabledWorkspacesChanged, readEnabledWorkspaces } from '../../shared/enabledWorkspaces.ts';
import { answerDeskMessages, tellExtensionPages } from '../../shared/messaging.ts';
import { readableError } from '../../shared/readableError.ts';
import { deskScriptFlag, isFlagSet, setFlag } from '../../shared/tabScriptFlags.ts';
import { findWorkspaceForUrl } from '../../shared/workspace.ts';
import { createMattermostApi } from '../mattermostApi.ts';
import { createWorkspaceClient } from '../workspaceClient.ts';
import { createDeskAnalysisService } from './deskAnalysis.ts';
import { listDeskChannelChoices, lookUpUserIds, lookUpUsernames } from './deskDirectory.ts';

async function deskTab() {
  const workspace = findWorkspaceForUrl(await readEnabledWorkspaces(), location.href);
  if (!workspace) throw readableError('tabNotEnabledWorkspace', `${location.origin} is not an enabled workspace`);
  const clock = createServerClock();
  // Open questions' ages count by the server's clock, from the Date of its answers.
  const api = createMattermostApi(createWorkspaceClient(workspace), undefined, {
    onAnswer: (_url, _status, headers, receivedAt) => clock.learnFromDateHeader(headers.get('Date'), receivedAt),
  });
  return { api, analysis: createDeskAnalysisService(api, () => clock.now()) };
}

function start(): void {
  if (isFlagSet(deskScriptFlag)) return;
  setFlag(deskScriptFlag, true);
  const tab = deskTab();
  tab.catch(() => undefined);
  const stopAnswering = answerDeskMessages({
    analyseSupportChannel: async (request) =>
      (await tab).analysis.analyse(request, (progress) => tellExtensionPages('deskAnalysisProgress', { requestId: request.requestId, ...progress })),
    listDeskChannelChoices: async () => listDeskChannelChoices((await tab).api),
    lookUpPeople: async (which) => {
      const { api } = await tab;
      return 'usernames' in which ? lookUpUsernames(api, which.usernames) : lookUpUserIds(api, which.userIds);
    },
  });
  const stopWatching = onEnabledWorkspacesChanged((workspaces) => {
    if (findWorkspaceForUrl(workspaces, location.href)) return;
    stopAnswering();
    stopWatching();
    setFlag(deskScriptFlag, false);
  });
}

start();
