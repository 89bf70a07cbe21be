/**
 * The support desk's part of the extension in a Mattermost tab: reading a
 * help channel for analytics, and looking up the channels and people its
 * settings are chosen from. Like the support-packet script it is not loaded
 * with the page: the background runs it in the tab when the options page asks,
 * so the script every page load parses carries auto-reply only. Run again in
 * the same page it does nothing, and keeps what it read of each channel.
 */
import { createServerClock } from '../../shared/autoReply/serverClock.ts';
import { readEnabledWorkspaces } from '../../shared/enabledWorkspaces.ts';
import { answerDeskMessages, tellExtensionPages } from '../../shared/messaging.ts';
import { readableError } from '../../shared/readableError.ts';
import { deskScriptFlag } from '../../shared/tabScriptFlags.ts';
import { startOncePerPage } from '../onDemandScript.ts';
import { findWorkspaceForUrl, type Workspace } from '../../shared/workspace.ts';
import { readDeskSettings, recordDeskActivity } from '../../shared/desk/deskStore.ts';
import { reportWeekUntil } from '../../shared/desk/weeklyReport.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { postReport } from './deskReport.ts';
import { reportWordsInUiLanguage } from './reportWords.ts';
import { createMattermostApi } from '../mattermostApi.ts';
import { createWorkspaceClient } from '../workspaceClient.ts';
import { createDeskAnalysisService } from './deskAnalysis.ts';
import { listDeskChannelChoices, lookUpUserIds, lookUpUsernames } from './deskDirectory.ts';
import { findGroupById, findGroupByName } from './deskGroup.ts';

async function deskTab() {
  const workspace = findWorkspaceForUrl(await readEnabledWorkspaces(), location.href);
  if (!workspace) throw readableError('tabNotEnabledWorkspace', `${location.origin} is not an enabled workspace`);
  enabledWorkspace = workspace;
  const clock = createServerClock();
  // Open questions' ages count by the server's clock, from the Date of its answers.
  const api = createMattermostApi(createWorkspaceClient(workspace), undefined, {
    onAnswer: (_url, _status, headers, receivedAt) => clock.learnFromDateHeader(headers.get('Date'), receivedAt),
  });
  return { api, now: () => clock.now(), analysis: createDeskAnalysisService(api, () => clock.now()) };
}

/** The report of the last seven days, asked for on the options page: posted whatever the schedule, and listed. */
async function postReportNow(api: MattermostApi, workspace: Workspace, now: () => number): Promise<{ postId: string; channelId: string }> {
  const me = await api.request<{ id: string }>('GET', api.client.getUserRoute('me'));
  const account = { workspace, userId: me.id };
  const stored = await readDeskSettings(account);
  if (!stored.ok) throw readableError('deskReportSettingsInvalid', 'the desk settings do not validate');
  const week = reportWeekUntil(now(), stored.settings.timeZone);
  const outcome = await postReport({ api, runnerId: me.id, settings: stored.settings, now, words: reportWordsInUiLanguage() }, week, false);
  if (outcome.kind !== 'posted') throw new Error('the report was not posted');
  await recordDeskActivity(account, { kind: 'reported', at: now(), questionId: outcome.postId, channelId: outcome.channelId, askerId: me.id, reportWeek: week.firstDay });
  return { postId: outcome.postId, channelId: outcome.channelId };
}

let enabledWorkspace: Workspace | undefined;
function workspaceOfTab(): Workspace {
  if (!enabledWorkspace) throw readableError('tabNotEnabledWorkspace', `${location.origin} is not an enabled workspace`);
  return enabledWorkspace;
}

startOncePerPage(deskScriptFlag, () => {
  const tab = deskTab();
  tab.catch(() => undefined);
  return answerDeskMessages({
    analyseSupportChannel: async (request) =>
      (await tab).analysis.analyse(request, (progress) => tellExtensionPages('deskAnalysisProgress', { requestId: request.requestId, ...progress })),
    listDeskChannelChoices: async () => listDeskChannelChoices((await tab).api),
    postDeskReport: async () => {
      const { api, now } = await tab;
      return postReportNow(api, workspaceOfTab(), now);
    },
    lookUpGroup: async (which) => {
      const { api } = await tab;
      return (await ('name' in which ? findGroupByName(api, which.name) : findGroupById(api, which.groupId))) ?? null;
    },
    lookUpPeople: async (which) => {
      const { api } = await tab;
      return 'usernames' in which ? lookUpUsernames(api, which.usernames) : lookUpUserIds(api, which.userIds);
    },
  });
});


