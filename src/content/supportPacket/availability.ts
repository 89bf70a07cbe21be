import type { SupportPacketAvailability } from '../../shared/messages.ts';
import { logLevelAdvice } from '../../shared/supportPacket/packetLayout.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { fetchConsoleAccess } from './consoleAccess.ts';
import type { PacketJobs } from './packetJob.ts';

/**
 * What the popup shows before generating: whether this user may, and whether
 * the server's log settings will give a useful log. A regular user costs two
 * successful requests and no refusal.
 */
export async function describeSupportPacket(api: MattermostApi, packets: PacketJobs): Promise<SupportPacketAvailability> {
  const access = await fetchConsoleAccess(api);
  if (!access.allowed) return { allowed: false, managesSystem: false, packetHeld: false };
  let advice: SupportPacketAvailability['logAdvice'];
  try {
    advice = logLevelAdvice(await api.request<Record<string, unknown>>('GET', `${api.client.getBaseRoute()}/config`));
  } catch {
    // Without the configuration there is no advice to give; the packet lists the failure.
    advice = undefined;
  }
  return { allowed: true, managesSystem: access.managesSystem, packetHeld: packets.holdsPacket(), ...(advice ? { logAdvice: advice } : {}) };
}
