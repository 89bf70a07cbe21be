// The PostgreSQL database behind the test server. A PostgreSQL already running
// on 127.0.0.1:5432 that trusts local connections is used as is (developer
// machines, CI service containers). Otherwise a private cluster is created in
// .mattermost/postgres with Debian's PostgreSQL binaries and started on a free
// port; state.json records it so `mm:down` stops it again.
//
// COMPANION_PG_PRIVATE=1 skips the server on 5432 and always uses the private
// cluster, to exercise that path on a machine that has a system PostgreSQL.
//
// COMPANION_DB_NAME (default companion_mattermost) names the database, so two
// checkouts sharing the PostgreSQL on 5432 can each run a server of their own
// (with MM_TEST_PORT set apart too) without sharing accounts and posts.
import { chmod, chown, mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, tailOfFile } from './files.ts';
import { runtimePaths } from './paths.ts';
import { firstFreeLoopbackPort } from './ports.ts';
import { runCommand, tryCommand } from './run-command.ts';
import { readRuntimeState, updateRuntimeState } from './state.ts';

const databaseName = databaseNameFromEnvironment();
const superuser = 'postgres';
const systemPort = 5432;
const firstPrivatePort = 5433;
/** Debian installs each PostgreSQL major version's programs in /usr/lib/postgresql/<major>/bin. */
const debianPostgresRoot = '/usr/lib/postgresql';

function databaseNameFromEnvironment(): string {
  const configured = process.env.COMPANION_DB_NAME;
  if (configured === undefined || configured === '') return 'companion_mattermost';
  // It goes into SQL and the DSN unquoted, so only a plain identifier will do.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(configured)) {
    throw new Error(`COMPANION_DB_NAME must be a lower-case PostgreSQL identifier (letters, digits, _), not "${configured}".`);
  }
  return configured;
}

export interface PostgresDatabase {
  port: number;
  /** Connection string for Mattermost's SqlSettings.DataSource. */
  dsn: string;
}

/** Finds or starts PostgreSQL and makes sure the test database exists. */
export async function ensurePostgres(): Promise<PostgresDatabase> {
  const port =
    process.env.COMPANION_PG_PRIVATE !== '1' && (await acceptsTrustedConnection(systemPort))
      ? systemPort
      : await startPrivateCluster();
  if (port === systemPort) console.log(`Using the PostgreSQL server on 127.0.0.1:${systemPort}.`);
  await ensureDatabase(port);
  return {
    port,
    dsn: `postgres://${superuser}@127.0.0.1:${port}/${databaseName}?sslmode=disable&connect_timeout=10`,
  };
}

/** Stops the private cluster if `ensurePostgres` started one; a system PostgreSQL is left alone. */
export async function stopPrivatePostgres(): Promise<void> {
  const cluster = (await readRuntimeState()).postgres;
  if (!cluster) return;
  if (await clusterIsRunning(cluster.binDir, cluster.dataDir)) {
    console.log(`Stopping the private PostgreSQL on port ${cluster.port}…`);
    await runAsClusterOwner(join(cluster.binDir, 'pg_ctl'), ['stop', '-D', cluster.dataDir, '-m', 'fast', '-w']);
  }
  await updateRuntimeState((state) => ({ ...state, postgres: undefined }));
}

async function startPrivateCluster(): Promise<number> {
  const dataDir = runtimePaths.postgresData;
  const binDir = await binDirForCluster(dataDir);
  if (await clusterIsRunning(binDir, dataDir)) {
    const running = await readPostmasterPid(dataDir);
    if (await acceptsTrustedConnection(running.port)) {
      console.log(`Using the private PostgreSQL on 127.0.0.1:${running.port}.`);
      await rememberCluster(running, binDir);
      return running.port;
    }
  }

  await prepareClusterFolder();
  if (!(await exists(join(dataDir, 'PG_VERSION')))) {
    console.log(`Creating a private PostgreSQL cluster in ${dataDir}…`);
    await runAsClusterOwner(join(binDir, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', superuser, '-E', 'UTF8', '--no-locale']);
  }

  const port = await firstFreeLoopbackPort(firstPrivatePort);
  console.log(`Starting the private PostgreSQL on 127.0.0.1:${port}…`);
  const serverOptions = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    // No Unix socket: its default folder may not exist or be writable here.
    `-c unix_socket_directories=''`,
  ].join(' ');
  try {
    await runAsClusterOwner(join(binDir, 'pg_ctl'), ['start', '-D', dataDir, '-l', runtimePaths.postgresLog, '-w', '-o', serverOptions]);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\nEnd of ${runtimePaths.postgresLog}:\n${await tailOfFile(runtimePaths.postgresLog)}`, {
      cause: error,
    });
  }
  await rememberCluster(await readPostmasterPid(dataDir), binDir);
  return port;
}

/** PostgreSQL writes its pid and port as the first and fourth lines of postmaster.pid. */
async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: number }> {
  const lines = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

async function rememberCluster(running: { pid: number; port: number }, binDir: string): Promise<void> {
  await updateRuntimeState((state) => ({
    ...state,
    postgres: { ...running, dataDir: runtimePaths.postgresData, binDir },
  }));
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` user that Debian's package creates, and its programs run as that user.
 */
function asClusterOwner(command: string, args: readonly string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', superuser, '--', command, ...args]] : [command, [...args]];
}

function runAsClusterOwner(command: string, args: readonly string[]): Promise<string> {
  return runCommand(...asClusterOwner(command, args));
}

async function prepareClusterFolder(): Promise<void> {
  await mkdir(runtimePaths.postgres, { recursive: true });
  await chmod(runtimePaths.postgres, 0o700);
  if (!isRoot()) return;
  const uid = Number((await runCommand('id', ['-u', superuser])).trim());
  const gid = Number((await runCommand('id', ['-g', superuser])).trim());
  await chown(runtimePaths.postgres, uid, gid);
  const reachable = await tryCommand(...asClusterOwner('test', ['-w', runtimePaths.postgres]));
  if (reachable.exitCode !== 0) {
    throw new Error(
      `The \`${superuser}\` user cannot reach ${runtimePaths.postgres}, so the private PostgreSQL cannot ` +
        'live there. Let other users enter the folders above the repository (chmod o+x on each), ' +
        `or start a PostgreSQL on 127.0.0.1:${systemPort} that trusts local connections.`,
    );
  }
}

async function clusterIsRunning(binDir: string, dataDir: string): Promise<boolean> {
  if (!(await exists(join(dataDir, 'PG_VERSION')))) return false;
  const result = await tryCommand(...asClusterOwner(join(binDir, 'pg_ctl'), ['status', '-D', dataDir]));
  return result.exitCode === 0;
}

/** An existing cluster must be run by its own major version; a new one gets the newest installed. */
async function binDirForCluster(dataDir: string): Promise<string> {
  const clusterVersion = await readFile(join(dataDir, 'PG_VERSION'), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  const binDir = clusterVersion ? join(debianPostgresRoot, clusterVersion, 'bin') : await newestBinDir();
  if (!binDir || !(await exists(join(binDir, 'initdb')))) {
    throw new Error(
      `Nothing answers on 127.0.0.1:${systemPort} and no PostgreSQL ${clusterVersion ?? ''} server programs ` +
        `were found in ${debianPostgresRoot}/<version>/bin. Install PostgreSQL (apt-get install postgresql) ` +
        `or start one on 127.0.0.1:${systemPort} that trusts local connections.`,
    );
  }
  return binDir;
}

async function newestBinDir(): Promise<string | undefined> {
  const versions = await readdir(debianPostgresRoot).catch(() => [] as string[]);
  const newest = versions
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(debianPostgresRoot, newest, 'bin') : undefined;
}

/** Debian's versioned psql when present (no wrapper involved), else whatever psql is on PATH. */
async function psqlCommand(): Promise<string> {
  const binDir = await newestBinDir();
  return binDir && (await exists(join(binDir, 'psql'))) ? join(binDir, 'psql') : 'psql';
}

async function psql(port: number, sql: string): Promise<{ ok: boolean; output: string }> {
  const result = await tryCommand(
    await psqlCommand(),
    // -w: never prompt for a password; a server that wants one is not usable here.
    ['-w', '-h', '127.0.0.1', '-p', String(port), '-U', superuser, '-d', 'postgres', '-tAc', sql],
    { env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
  );
  return { ok: result.exitCode === 0, output: (result.exitCode === 0 ? result.stdout : result.stderr).trim() };
}

async function acceptsTrustedConnection(port: number): Promise<boolean> {
  const result = await psql(port, 'select 1').catch(() => ({ ok: false, output: '' }));
  return result.ok && result.output === '1';
}

async function ensureDatabase(port: number): Promise<void> {
  const found = await psql(port, `select 1 from pg_database where datname = '${databaseName}'`);
  if (!found.ok) throw new Error(`Could not query PostgreSQL on port ${port}: ${found.output}`);
  if (found.output === '1') return;
  console.log(`Creating database ${databaseName}…`);
  const created = await psql(port, `create database ${databaseName}`);
  if (!created.ok) throw new Error(`Could not create database ${databaseName}: ${created.output}`);
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}
