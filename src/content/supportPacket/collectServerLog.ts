import { splitLogByNode } from '../../shared/supportPacket/clusterLayout.ts';
import type { Collected } from '../../shared/supportPacket/collectedData.ts';
import { LineSplitter } from '../../shared/supportPacket/lineSplitter.ts';
import { sliceOfTimeMs } from '../../shared/supportPacket/slicedWork.ts';
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

  const whole = await collect('/api/v4/logs/download', () => downloadLines(api, `${apiRoot}/logs/download`, signal));
  if (whole.ok || (whole.status !== 404 && whole.status !== 405)) return whole;
  return pagedLog(page);
}

/**
 * The whole file as lines, split as it arrives: a 100 MB file is some 400,000
 * lines, never one string, and the tab gets a break whenever a slice of time
 * is used up.
 */
async function downloadLines(api: MattermostApi, url: string, signal: AbortSignal): Promise<string[]> {
  const lines: string[] = [];
  const splitter = new LineSplitter();
  const takeBreak = breakForTheTab(signal);
  let since = performance.now();
  await api.requestStream(
    url,
    async (chunk) => {
      for (const line of splitter.push(chunk)) lines.push(line);
      if (performance.now() - since < sliceOfTimeMs) return;
      await takeBreak();
      since = performance.now();
    },
    { signal },
  );
  lines.push(...splitter.end());
  return lines;
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
