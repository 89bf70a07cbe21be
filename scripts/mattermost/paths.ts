// Where the local Mattermost test server keeps its files. The runtime folder
// lives in the repository (git-ignored) so each checkout has its own server;
// the compiled server lives in the user's cache because it is large, slow to
// build and the same for every checkout that pins the same module versions.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Go module that pins the Mattermost server version we build. */
export const serverModuleDir = join(repoRoot, 'mattermost-server');

export const harnessSourceDir = join(repoRoot, 'tests', 'harness-webapp');

export const runtimeDir = join(repoRoot, '.mattermost');

export const runtimePaths = {
  root: runtimeDir,
  config: join(runtimeDir, 'config.json'),
  serverInfo: join(runtimeDir, 'server.json'),
  state: join(runtimeDir, 'state.json'),
  data: join(runtimeDir, 'data'),
  logs: join(runtimeDir, 'logs'),
  consoleLog: join(runtimeDir, 'logs', 'server-console.log'),
  plugins: join(runtimeDir, 'plugins'),
  clientPlugins: join(runtimeDir, 'client-plugins'),
  /**
   * The server serves root.html and /static/ from `client/` under its working
   * directory, reading it per request: a symlink to one of `clients/`.
   */
  client: join(runtimeDir, 'client'),
  /** The pages the server can serve as its webapp, one folder each (see served-webapp.ts). */
  clients: join(runtimeDir, 'clients'),
  /** A private PostgreSQL cluster, when the machine has none we can use; owned by the `postgres` user. */
  postgres: join(runtimeDir, 'postgres'),
  postgresData: join(runtimeDir, 'postgres', 'data'),
  postgresLog: join(runtimeDir, 'postgres', 'postgres.log'),
} as const;

export function companionCacheDir(): string {
  const explicit = process.env.COMPANION_CACHE_DIR;
  if (explicit) return resolve(explicit);
  const xdgCache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdgCache, 'companion-for-mattermost');
}
