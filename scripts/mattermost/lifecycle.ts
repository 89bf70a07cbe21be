// Starting and stopping the local Mattermost server the end-to-end tests run
// against. `npm run mm:up` / `mm:down` and Playwright's global setup and
// teardown all go through these two functions.
import { buildHarnessWebapp } from './harness-webapp.ts';
import { buildMattermostServer } from './build-server.ts';
import { mattermostTestConfig } from './config.ts';
import { runtimePaths } from './paths.ts';
import { isLoopbackPortFree } from './ports.ts';
import { ensurePostgres, stopPrivatePostgres } from './postgres.ts';
import { prepareRuntimeDir } from './runtime-dir.ts';
import { seedServer } from './seed.ts';
import { prepareRealWebapp, serveWebapp } from './served-webapp.ts';
import { tryReadServerInfo, writeServerInfo } from './server-info.ts';
import type { ServerInfo } from './server-info.ts';
import { isServerProcess, pingServer, startServerProcess, stopServerProcess, waitForServer } from './server-process.ts';
import { readRuntimeState, updateRuntimeState } from './state.ts';

const defaultPort = 8065;

/**
 * Makes sure a seeded test server runs on 127.0.0.1:MM_TEST_PORT (default 8065):
 * reuses the one .mattermost/server.json describes if it answers, otherwise
 * builds the server if needed, finds or starts PostgreSQL, starts the server,
 * seeds accounts and writes server.json. `startedNow` tells whether this call
 * started it (so a test run stops only a server it started). It serves the
 * real webapp when this machine has one (`realWebapp`), else the stand-in.
 */
export async function startMattermost(): Promise<{ server: ServerInfo; startedNow: boolean; realWebapp: boolean }> {
  const port = testPort();
  const url = `http://127.0.0.1:${port}`;
  // Rebuilt every time (it takes a second); the server reads it from disk per request.
  await buildHarnessWebapp();
  const realWebapp = await prepareRealWebapp();
  await serveWebapp(realWebapp ? 'real-webapp' : 'stand-in');

  const described = tryReadServerInfo();
  if (described?.url === url) {
    const versionId = await pingServer(url);
    if (versionId !== undefined) {
      console.log(`Reusing the Mattermost server already running at ${url}.`);
      return { server: { ...described, versionId }, startedNow: false, realWebapp };
    }
  }

  const ourServerHoldsPort = described?.url === url && (await recordedServerIsRunning());
  if (!ourServerHoldsPort && !(await isLoopbackPortFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is taken by another program, not by a test server that mm:up started. ` +
        'Stop that program, or choose another port with MM_TEST_PORT=<port>.',
    );
  }
  // A server still recorded here is hung, or serves another port from this
  // same folder: one .mattermost/ runs one server.
  await stopRecordedServer();

  const build = await buildMattermostServer();
  const database = await ensurePostgres();
  await prepareRuntimeDir(
    build,
    mattermostTestConfig({
      siteUrl: url,
      listenAddress: `127.0.0.1:${port}`,
      dataSource: database.dsn,
      dirs: {
        data: runtimePaths.data,
        logs: runtimePaths.logs,
        plugins: runtimePaths.plugins,
        clientPlugins: runtimePaths.clientPlugins,
      },
    }),
  );

  console.log(`Starting the Mattermost server on ${url} (log: ${runtimePaths.consoleLog})…`);
  const pid = await startServerProcess(build.binary);
  await updateRuntimeState((state) => ({ ...state, server: { pid } }));
  try {
    const versionId = await waitForServer(url, pid);
    console.log(`The server is up (X-Version-Id: ${versionId}). Seeding accounts…`);
    const server: ServerInfo = { url, versionId, ...(await seedServer(url)), database: { dsn: database.dsn } };
    await writeServerInfo(server);
    return { server, startedNow: true, realWebapp };
  } catch (error) {
    // Nobody would stop a half-started server: a failed global setup skips the teardown.
    await stopRecordedServer();
    throw error;
  }
}

/**
 * Stops the running test server and starts it again with the same database
 * and configuration, for tests of what survives a restart and for settings
 * the server reads only at start-up (rate limiting).
 */
export async function restartMattermostServer(): Promise<void> {
  const server = tryReadServerInfo();
  if (!server) throw new Error('No test server is described in .mattermost/server.json: start one with `npm run mm:up`.');
  await stopRecordedServer();
  const build = await buildMattermostServer();
  const pid = await startServerProcess(build.binary);
  await updateRuntimeState((state) => ({ ...state, server: { pid } }));
  await waitForServer(server.url, pid);
}

function testPort(): number {
  const configured = process.env.MM_TEST_PORT;
  if (!configured) return defaultPort;
  const port = Number(configured);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`MM_TEST_PORT must be a port number, not "${configured}".`);
  }
  return port;
}

/** Stops what startMattermost started: the server and, if it created one, the private PostgreSQL. */
export async function stopMattermost(): Promise<void> {
  await stopRecordedServer();
  await stopPrivatePostgres();
}

async function recordedServerIsRunning(): Promise<boolean> {
  const { server } = await readRuntimeState();
  return server !== undefined && (await isServerProcess(server.pid));
}

async function stopRecordedServer(): Promise<void> {
  const { server } = await readRuntimeState();
  if (!server) return;
  if (await isServerProcess(server.pid)) {
    console.log(`Stopping the Mattermost server (pid ${server.pid})…`);
    await stopServerProcess(server.pid);
  }
  await updateRuntimeState((state) => ({ ...state, server: undefined }));
}
