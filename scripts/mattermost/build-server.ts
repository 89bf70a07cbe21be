// Builds the Mattermost server binary from the Go module pinned in
// mattermost-server/ and caches it per pinned version, so only the first run
// on a machine pays the few minutes it takes.
//
// Usage: npm run mm:build
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isExecutedDirectly, runCli } from './cli.ts';
import { companionCacheDir, serverModuleDir } from './paths.ts';
import { CommandNotFoundError, runCommand } from './run-command.ts';

const serverPackage = 'github.com/mattermost/mattermost/server/v8';
const modelPackage = 'github.com/mattermost/mattermost/server/public/model';
/** The mattermost/mattermost commit that mattermost-server/go.mod pins. */
const pinnedCommit = '9e1d4c2072c08ec08828317a277427ecac71f136';
/** Reported by the server as its build number (in X-Version-Id and /system/ping). */
const buildNumber = '11.4.0-companion';
/** Folders the server reads at run time, found next to its working dir or binary. */
export const runtimeAssetFolders = ['i18n', 'templates', 'fonts'] as const;

export interface ServerBuild {
  /** Holds bin/mattermost and the i18n/, templates/ and fonts/ folders. */
  dir: string;
  binary: string;
}

/** Returns the cached server build for the pinned version, building it first if needed. */
export async function buildMattermostServer(): Promise<ServerBuild> {
  const dir = join(companionCacheDir(), `mattermost-server-${await pinnedVersionKey()}`);
  const build = { dir, binary: join(dir, 'bin', 'mattermost') };
  if (await exists(build.binary)) {
    console.log(`Reusing the cached Mattermost server build in ${dir}`);
    return build;
  }

  await assertGoInstalled();
  console.log(`Building Mattermost server into ${dir} (first time only, a few minutes)…`);
  const startedAt = Date.now();
  await mkdir(dirname(dir), { recursive: true });
  // Build beside the final folder and rename it into place, so an interrupted
  // build never leaves a half-built folder that a later run would trust.
  const partialDir = await mkdtemp(join(dirname(dir), `${basename(dir)}.partial-`));
  try {
    await compileServer(join(partialDir, 'bin', 'mattermost'));
    console.log('Copying the server’s i18n, templates and fonts…');
    await copyRuntimeAssets(partialDir);
    await chmod(partialDir, 0o755); // mkdtemp creates it private
    await moveIntoPlace(partialDir, dir);
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    throw error;
  }
  console.log(`Built the Mattermost server in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  return build;
}

/** A short hash of the pinned module versions: a new pin gets a new build folder. */
async function pinnedVersionKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of ['go.mod', 'go.sum']) hash.update(await readFile(join(serverModuleDir, file)));
  return hash.digest('hex').slice(0, 12);
}

function goEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The pinned pseudo-versions are too new for the public checksum database,
    // so their hashes come from (and are recorded in) our go.sum instead.
    GONOSUMDB: 'github.com/mattermost/mattermost',
    // -mod=mod lets go record any go.sum lines that are still missing.
    GOFLAGS: [process.env.GOFLAGS, '-mod=mod'].filter(Boolean).join(' '),
  };
}

async function assertGoInstalled(): Promise<void> {
  try {
    await runCommand('go', ['version'], { env: goEnvironment() });
  } catch (error) {
    if (!(error instanceof CommandNotFoundError)) throw error;
    throw new Error(
      'Go is needed once to build the Mattermost server, but `go` was not found on PATH. ' +
        'Install Go 1.24 or newer (https://go.dev/doc/install, or `apt-get install golang` if your ' +
        'distribution’s version is recent enough) and run this again.',
      { cause: error },
    );
  }
}

async function compileServer(outputBinary: string): Promise<void> {
  const linkerFlags = [
    `-X ${modelPackage}.BuildNumber=${buildNumber}`,
    `-X ${modelPackage}.BuildDate=${new Date().toISOString()}`,
    `-X ${modelPackage}.BuildHash=${pinnedCommit}`,
    `-X ${modelPackage}.BuildEnterpriseReady=false`,
  ].join(' ');
  await runCommand('go', ['build', '-o', outputBinary, '-ldflags', linkerFlags, `${serverPackage}/cmd/mattermost`], {
    cwd: serverModuleDir,
    env: goEnvironment(),
    streamOutput: true,
  });
}

async function copyRuntimeAssets(targetDir: string): Promise<void> {
  const moduleDir = (
    await runCommand('go', ['list', '-m', '-f', '{{.Dir}}', serverPackage], { cwd: serverModuleDir, env: goEnvironment() })
  ).trim();
  for (const folder of runtimeAssetFolders) {
    const target = join(targetDir, folder);
    await cp(join(moduleDir, folder), target, { recursive: true });
    // Go's module cache is read-only; copies keep that mode, which would stop
    // anyone (including `rm -rf` of the cache) from changing them later.
    await makeWritable(target);
  }
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

async function moveIntoPlace(partialDir: string, dir: string): Promise<void> {
  try {
    await rename(partialDir, dir);
  } catch (error) {
    // Another run finished the same build first; keep theirs.
    if (!(await exists(join(dir, 'bin', 'mattermost')))) throw error;
    await rm(partialDir, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

if (isExecutedDirectly(import.meta.url)) {
  runCli(async () => {
    const build = await buildMattermostServer();
    console.log(`Mattermost server binary: ${build.binary}`);
  });
}
