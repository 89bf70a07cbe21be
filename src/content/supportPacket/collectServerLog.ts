import { splitLogByNode } from '../../shared/supportPacket/clusterLayout.ts';
import type { Collected } from '../../shared/supportPacket/collectedData.ts';
import { runWithBreaks, splitLines } from '../../shared/supportPacket/slicedWork.ts';
import type { MattermostApi } from '../mattermostApi.ts';
import { breakForTheTab } from './breakForTheTab.ts';
import { collect } from './collectSource.ts';

/** Lines per page of the paged log endpoint: the server's maximum. */
const logPageSize = 10_000;
const maxLogPages = 50;

/**
 * The server log, oldest line first. `GET /api/v4/logs/download` returns the
 * answering node's file only, while `GET /api/v4/logs` returns every node's
 * lines, each node's behind a header naming it (licensed clusters only, a
 * cluster of one included). A one-line page says which: with node headers the
 * log is paged until every node's section runs short; without, the whole file
 * is downloaded (or paged, on servers without the download endpoint).
 */
export async function collectServerLog(api: MattermostApi, apiRoot: string, signal: AbortSignal): Promise<Collected<readonly string[]>> {
  const page = (number: number, size: number) =>
    collect('/api/v4/logs', () => api.request<string[]>('GET', `${apiRoot}/logs?page=${number}&logs_per_page=${size}`, undefined, { signal }));

  const probe = await page(0, 1);
  if (probe.ok && splitLogByNode(probe.value).byHostname.size > 0) return pagedLog(page);

  const whole = await collect('/api/v4/logs/download', () => api.requestText(`${apiRoot}/logs/download`, { signal }));
  // A 100 MB file has some 400,000 lines: split in slices, with breaks for the tab.
  if (whole.ok) return { ok: true, value: await runWithBreaks(splitLines(whole.value.text), breakForTheTab(signal)) };
  if (whole.status !== 404 && whole.status !== 405) return whole;
  return pagedLog(page);
}

/** Pages newest first; every node's section of a page holds up to a page of its lines. */
async function pagedLog(page: (number: number, size: number) => Promise<Collected<string[]>>): Promise<Collected<readonly string[]>> {
  const pages: string[][] = [];
  for (let number = 0; number < maxLogPages; number += 1) {
    const lines = await page(number, logPageSize);
    if (!lines.ok) return pages.length > 0 ? { ok: true, value: pages.reverse().flat() } : lines;
    pages.push(lines.value);
    if (!anySectionFull(lines.value)) break;
  }
  // Oldest page first; the node headers in each page keep every line with its node.
  return { ok: true, value: pages.reverse().flat() };
}

function anySectionFull(lines: readonly string[]): boolean {
  const { unattributed, byHostname } = splitLogByNode(lines);
  return [unattributed, ...byHostname.values()].some((section) => section.length >= logPageSize);
}
