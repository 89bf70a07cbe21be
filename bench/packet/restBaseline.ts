// What the packet's data costs to download alone: the same REST calls the
// extension makes for an admin of a single server
// (src/content/supportPacket/collectPacketData.ts — five timed pings, then
// the sources), fetched one after the other from a page of the server's
// origin in the same browser, each body read to the end and nothing done
// with it. The extension asks independent sources together and the log from
// the start; the log is nearly all of the bytes, so the baseline is nearly
// the log's download time either way.
import type { Page } from '@playwright/test';
import { collectedJobTypes } from '../../src/shared/supportPacket/packetLayout.ts';
import { server } from '../../tests/e2e/mattermost.ts';

export const packetSources = [
  ...Array.from({ length: 5 }, () => '/system/ping'),
  '/config/client?format=old',
  '/license/client?format=old',
  '/system/ping?get_server_status=true&use_rest_semantics=true',
  '/system/schema/version',
  '/cluster/status',
  '/config',
  '/analytics/old?name=standard',
  '/analytics/old?name=extra_counts',
  '/users/stats/filtered',
  '/users/stats/filtered?include_deleted=true',
  '/users/stats/filtered?include_bots=true',
  '/users/stats/filtered?roles=system_guest&include_bots=true&include_remote_users=true',
  ...collectedJobTypes(server.versionId, undefined).map((jobType) => `/jobs/type/${jobType}?page=0&per_page=5`),
  '/schemes?page=0&per_page=100',
  '/roles',
  '/plugins',
  '/plugins/statuses',
  '/logs?page=0&logs_per_page=1',
  '/logs/download',
];

export interface Downloaded {
  readonly ms: number;
  readonly bytes: number;
  /** Calls that did not answer 2xx, as "status path". */
  readonly refused: string[];
}

export function downloadPacketSources(page: Page): Promise<Downloaded> {
  return page.evaluate(async (paths) => {
    const started = performance.now();
    let bytes = 0;
    const refused: string[] = [];
    for (const path of paths) {
      // The session cookie counts only on requests that say they come from the webapp's scripts.
      const response = await fetch(`/api/v4${path}`, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
      bytes += (await response.arrayBuffer()).byteLength;
      if (!response.ok) refused.push(`${response.status} ${path}`);
    }
    return { ms: performance.now() - started, bytes, refused };
  }, packetSources);
}
