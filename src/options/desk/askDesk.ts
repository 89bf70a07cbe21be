import type { DeskContract } from '../../shared/messages.ts';
import { sendToBackground, sendToTab } from '../../shared/messaging.ts';

/** Asks the tab's support-desk script, having the background run it there first (once per page). */
export async function askDesk<K extends keyof DeskContract>(tabId: number, type: K, payload: DeskContract[K]['payload']): Promise<DeskContract[K]['answer']> {
  await sendToBackground('loadDeskScript', { tabId });
  return sendToTab(tabId, type, payload);
}
