// Gives the test server's log file at least a given number of lines, written
// by the server itself: file logging goes to DEBUG, where the server logs one
// line per API request, and cheap requests are made until the file is long
// enough; then the previous level is put back. (Lines appended from outside
// would not do: the server writes at its own file offset, not O_APPEND, and
// overwrites them.) The lines stay, so later runs find the log long enough.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runtimePaths } from '../../scripts/mattermost/paths.ts';
import { signedInClient } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export const serverLogFile = join(runtimePaths.logs, 'mattermost.log');

const requestsAtOnce = 16;
const requestsBetweenCounts = 5_000;

/** Returns the number of lines the log holds afterwards. */
export async function fillServerLog(atLeastLines: number): Promise<number> {
  let lines = await countLines();
  if (lines >= atLeastLines) return lines;
  console.log(`  the server log has ${lines.toLocaleString('en')} lines; making requests at DEBUG level until it has ${atLeastLines.toLocaleString('en')}…`);
  const admin = await signedInClient(server.admin);
  const previousLevel = (await admin.getConfig()).LogSettings.FileLevel;
  await admin.patchConfig({ LogSettings: { FileLevel: 'DEBUG' } });
  try {
    const meUrl = `${server.url}/api/v4/users/me`;
    const headers = { Authorization: `Bearer ${admin.getToken()}` };
    while (lines < atLeastLines) {
      const batch = Math.min(requestsBetweenCounts, atLeastLines - lines);
      await mapConcurrently(Array.from({ length: batch }), requestsAtOnce, async () => {
        await (await fetch(meUrl, { headers })).arrayBuffer();
      });
      lines = await countLines();
    }
  } finally {
    await admin.patchConfig({ LogSettings: { FileLevel: previousLevel } });
  }
  return lines;
}

async function countLines(): Promise<number> {
  const content = await readFile(serverLogFile).catch(() => Buffer.alloc(0));
  let lines = 0;
  for (const byte of content) if (byte === 0x0a) lines += 1;
  return lines;
}
