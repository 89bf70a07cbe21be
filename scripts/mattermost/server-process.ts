// Starting, watching and stopping the Mattermost server process. The server
// outlives the `mm:up` command (it runs detached), so it is found again later
// by the pid recorded in state.json.
import { spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { tailOfFile } from './files.ts';
import { clientFor } from './mattermost-client.ts';
import { runtimePaths } from './paths.ts';

const startupTimeoutMs = 120_000;
const shutdownGraceMs = 20_000;

/** Starts `mattermost server` in .mattermost/, logging to logs/server-console.log; returns its pid. */
export async function startServerProcess(binary: string): Promise<number> {
  const consoleLog = await open(runtimePaths.consoleLog, 'w');
  try {
    const child = spawn(binary, ['server', '--config', runtimePaths.config], {
      // The server finds client/, i18n/, templates/ and fonts/ relative to its working directory.
      cwd: runtimePaths.root,
      detached: true,
      stdio: ['ignore', consoleLog.fd, consoleLog.fd],
    });
    const pid = await new Promise<number>((resolvePromise, reject) => {
      child.once('spawn', () => resolvePromise(child.pid as number));
      child.once('error', reject);
    });
    child.unref();
    return pid;
  } finally {
    await consoleLog.close();
  }
}

/**
 * Asks the server whether it is up. Returns its X-Version-Id (version, build
 * number, config hash and edition) when /api/v4/system/ping says OK.
 */
export async function pingServer(url: string): Promise<string | undefined> {
  const client = clientFor(url);
  try {
    const answer = await client.ping(false);
    return answer.status === 'OK' ? client.getServerVersion() : undefined;
  } catch {
    return undefined;
  }
}

/** Waits until the server answers its ping; fails early, with the log's end, if it exits or times out. */
export async function waitForServer(url: string, pid: number): Promise<string> {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    const versionId = await pingServer(url);
    if (versionId !== undefined) return versionId;
    if (!(await isServerProcess(pid))) {
      throw new Error(`The Mattermost server exited during start-up.\n${await consoleLogTail()}`);
    }
    await sleep(500);
  }
  throw new Error(`The Mattermost server did not answer ${url}/api/v4/system/ping within ${startupTimeoutMs / 1000} s.\n${await consoleLogTail()}`);
}

/** SIGTERM, then SIGKILL if the server has not exited after a grace period. */
export async function stopServerProcess(pid: number): Promise<void> {
  if (!(await isServerProcess(pid))) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + shutdownGraceMs;
  while (Date.now() < deadline) {
    if (!(await isServerProcess(pid))) return;
    await sleep(200);
  }
  console.log(`The Mattermost server (pid ${pid}) did not stop within ${shutdownGraceMs / 1000} s; killing it.`);
  process.kill(pid, 'SIGKILL');
}

/**
 * True when the pid is still our server: a recorded pid may have been reused
 * by an unrelated program after a reboot, which must not be signalled.
 * (Linux-specific, like the rest of this setup; an exited, unreaped process has an empty cmdline.)
 */
export async function isServerProcess(pid: number): Promise<boolean> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return commandLine.split('\0').includes(runtimePaths.config);
}

async function consoleLogTail(): Promise<string> {
  return `End of ${runtimePaths.consoleLog}:\n${await tailOfFile(runtimePaths.consoleLog)}`;
}
