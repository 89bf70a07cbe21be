/**
 * The support-packet part of the extension in a Mattermost tab. It is not
 * loaded with the page: the background runs it in the tab when the popup shows
 * the packet block, so the script every page load parses carries auto-reply
 * only. Run again in the same page, it does nothing: the first run keeps
 * answering, and keeps a finished packet until it is saved. Its requests are
 * its own: the page-load script's server clock and sign-in watch do not see
 * them (a packet asks the server's time and who is signed in by itself).
 */
import { readEnabledWorkspaces } from '../../shared/enabledWorkspaces.ts';
import { answerSupportPacketMessages } from '../../shared/messaging.ts';
import { readableError } from '../../shared/readableError.ts';
import { supportPacketScriptFlag } from '../../shared/tabScriptFlags.ts';
import { startOncePerPage } from '../onDemandScript.ts';
import { findWorkspaceForUrl, type Workspace } from '../../shared/workspace.ts';
import { createMattermostApi } from '../mattermostApi.ts';
import { createWorkspaceClient } from '../workspaceClient.ts';
import { describeSupportPacket } from './availability.ts';
import { createPacketJobs, type PacketJobs } from './packetJob.ts';

interface PacketTab {
  readonly api: ReturnType<typeof createMattermostApi>;
  readonly packets: PacketJobs;
}

async function packetTabFor(workspaces: Promise<Workspace[]>): Promise<PacketTab> {
  const workspace = findWorkspaceForUrl(await workspaces, location.href);
  if (!workspace) throw readableError('tabNotEnabledWorkspace', `${location.origin} is not an enabled workspace`);
  const api = createMattermostApi(createWorkspaceClient(workspace));
  return { api, packets: createPacketJobs(workspace, api) };
}

startOncePerPage(supportPacketScriptFlag, () => {
  // The listener is in place before this run ends, so the popup's first question, sent as soon as the script
  // has run, finds it; the answers wait for the workspace to be read.
  const tab = packetTabFor(readEnabledWorkspaces());
  // Each answer reports a failure to the popup; nothing else waits for it.
  tab.catch(() => undefined);
  return answerSupportPacketMessages({
    describeSupportPacket: async () => {
      const { api, packets } = await tab;
      return describeSupportPacket(api, packets);
    },
    startSupportPacket: async ({ redactPersonalData, websocketReachable }) => {
      (await tab).packets.start({ redactPersonalData, websocketReachable });
      return null;
    },
    cancelSupportPacket: async () => {
      (await tab).packets.cancel();
      return null;
    },
    saveSupportPacket: async () => (await tab).packets.save(),
  });
});


