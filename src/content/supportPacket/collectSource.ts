import type { Collected } from '../../shared/supportPacket/collectedData.ts';
import { MattermostApiError } from '../mattermostApi.ts';

/** One REST source: its answer, or the endpoint and why it failed. Cancelling is not a failure: it stops the packet. */
export async function collect<T>(endpoint: string, call: () => Promise<T>): Promise<Collected<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof MattermostApiError) return { ok: false, endpoint, status: error.status, reason: error.message };
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, endpoint, status: 0, reason: error instanceof Error ? error.message : String(error) };
  }
}
