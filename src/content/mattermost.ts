/**
 * Runs in the isolated world of pages that belong to an enabled workspace. It
 * is registered for a host pattern without port, so it first checks that this
 * page really is one of the user's workspaces.
 */
import { readActivity } from '../shared/autoReply/autoReplyStore.ts';
import { onEnabledWorkspacesChanged, readEnabledWorkspaces } from '../shared/enabledWorkspaces.ts';
import { answerContentMessages, sendToBackground } from '../shared/messaging.ts';
import { findWorkspaceForUrl, sameWorkspace } from '../shared/workspace.ts';
import { startAutoReply } from './autoReplyService.ts';
import { createMattermostApi } from './mattermostApi.ts';
import { describeSupportPacket } from './supportPacket/availability.ts';
import { createPacketJobs } from './supportPacket/packetJob.ts';
import { listUnansweredConversations } from './unansweredConversations.ts';
import { createWorkspaceClient, describeSession } from './workspaceClient.ts';

declare global {
  // Set while this extension's script runs in the tab: the script is both
  // registered and injected on enabling, and must start only once.
  var companionForMattermostRunning: boolean | undefined;
}

async function start(): Promise<void> {
  if (globalThis.companionForMattermostRunning) return;
  globalThis.companionForMattermostRunning = true;

  const workspace = findWorkspaceForUrl(await readEnabledWorkspaces(), location.href);
  if (!workspace) {
    globalThis.companionForMattermostRunning = false;
    return;
  }

  const client = createWorkspaceClient(workspace);
  const api = createMattermostApi(client);
  let lastReportedActive: boolean | undefined;
  const autoReply = startAutoReply(workspace, api, (status) => {
    if (status.active === lastReportedActive) return;
    lastReportedActive = status.active;
    sendToBackground('reportAutoReplyStatus', status).catch(() => undefined);
  });
  const packets = createPacketJobs(workspace, api);
  const stopAnswering = answerContentMessages({
    describeSession: () => describeSession(client),
    describeAutoReply: async () => autoReply.status(),
    listUnansweredConversations: async () => listUnansweredConversations(api, workspace, await readActivity(workspace)),
    describeSupportPacket: () => describeSupportPacket(api, packets),
    startSupportPacket: async ({ redactPersonalData }) => {
      packets.start({ redactPersonalData, websocketReachable: autoReply.status().watching || undefined });
      return null;
    },
    cancelSupportPacket: async () => {
      packets.cancel();
      return null;
    },
    saveSupportPacket: () => packets.save(),
  });
  const stopWatching = onEnabledWorkspacesChanged((workspaces) => {
    if (workspaces.some((enabled) => sameWorkspace(enabled, workspace))) return;
    autoReply.stop();
    stopAnswering();
    stopWatching();
    sendToBackground('reportAutoReplyStatus', { ...autoReply.status(), active: false }).catch(() => undefined);
    globalThis.companionForMattermostRunning = false;
  });
}

void start();
