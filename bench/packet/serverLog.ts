// Gives the test server's log file a given size, written by the server
// itself: file logging goes to DEBUG, where the server logs a line per API
// request, and cheap requests are made until the file is big enough; then the
// previous level is put back. (Lines appended from outside would not do: the
// server writes at its own file offset, not O_APPEND, and overwrites them.)
// The server rotates its file when it reaches 100 MiB (`LogRotateSizeMB` in
// the server's config/logger.go: a constant at this version, not a setting):
// the target stays below that size, and when a rotation
// happens anyway (a target too close to it, or a file that was already near
// it) filling goes on in the new file. The lines stay, so later runs find the
// log big enough.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runtimePaths } from '../../scripts/mattermost/paths.ts';
import { signedInClient } from '../../tests/e2e/actors.ts';
import { server } from '../../tests/e2e/mattermost.ts';
import { mapConcurrently } from '../support/concurrency.ts';

export const serverLogFile = join(runtimePaths.logs, 'mattermost.log');

const requestsAtOnce = 16;
const requestsBetweenChecks = 5_000;
const mebibyte = 1024 * 1024;
/** The size at which the server's file target (lumberjack, megabytes of 1024 × 1024 bytes) rotates mattermost.log. */
export const rotationMiB = 100;

export interface FilledLog {
  readonly bytes: number;
  /** The size at which the server rotates its file. */
  readonly rotationMiB: number;
  /** Rotations seen while filling. */
  readonly rotations: number;
}

/** Fills the log to `shareOfRotationSize` of the size at which the server rotates it. */
export async function fillServerLog(shareOfRotationSize: number): Promise<FilledLog> {
  const admin = await signedInClient(server.admin);
  const previousLevel = (await admin.getConfig()).LogSettings.FileLevel;
  const target = Math.floor(rotationMiB * mebibyte * shareOfRotationSize);
  let bytes = await fileSize();
  let rotations = 0;
  if (bytes >= target) return { bytes, rotationMiB, rotations };
  console.log(`  the server log has ${(bytes / mebibyte).toFixed(1)} MiB; making requests at DEBUG level until it has ${(target / mebibyte).toFixed(1)} MiB…`);
  await admin.patchConfig({ LogSettings: { FileLevel: 'DEBUG' } });
  try {
    const meUrl = `${server.url}/api/v4/users/me`;
    const headers = { Authorization: `Bearer ${admin.getToken()}` };
    while (bytes < target) {
      await mapConcurrently(Array.from({ length: requestsBetweenChecks }), requestsAtOnce, async () => {
        await (await fetch(meUrl, { headers })).arrayBuffer();
      });
      const now = await fileSize();
      if (now < bytes) rotations += 1;
      bytes = now;
    }
  } finally {
    await admin.patchConfig({ LogSettings: { FileLevel: previousLevel } });
  }
  return { bytes, rotationMiB, rotations };
}

async function fileSize(): Promise<number> {
  return stat(serverLogFile).then(
    (stats) => stats.size,
    () => 0,
  );
}
