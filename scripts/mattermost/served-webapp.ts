// Which page the test server serves as its webapp. The server reads root.html
// and /static/ from .mattermost/client per request, so that path is a symlink
// to one of the trees under .mattermost/clients/, and switching it needs no
// restart: one test run can use both pages against the same server.
//
// - `stand-in`: our small page (tests/harness-webapp), always there.
// - `real-webapp`: the `client/` folder of a Mattermost release build, from
//   COMPANION_WEBAPP (a .tar.xz or an extracted folder), or else from the
//   archive beside the repository when it exists.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, mkdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { exists } from './files.ts';
import { repoRoot, runtimePaths } from './paths.ts';
import { runCommand } from './run-command.ts';

export type WebappKind = 'stand-in' | 'real-webapp';

const sharedWebappArchive = resolve(repoRoot, '..', 'shared', 'mattermost-webapp', 'mattermost-webapp-client.tar.xz');

/** Records which archive the real webapp's tree was extracted from, so an unchanged one is not extracted again. */
const extractedFrom = join(runtimePaths.clients, 'real-webapp.source.json');

export function webappDir(kind: WebappKind): string {
  return join(runtimePaths.clients, kind);
}

/** Where the real webapp comes from, or undefined when this machine has none. */
export function realWebappSource(): string | undefined {
  const configured = process.env.COMPANION_WEBAPP;
  if (configured) return resolve(configured);
  return existsSync(sharedWebappArchive) ? sharedWebappArchive : undefined;
}

/**
 * Makes .mattermost/clients/real-webapp hold the real webapp when a source is
 * configured or present, and tells whether it does.
 */
export async function prepareRealWebapp(): Promise<boolean> {
  const source = realWebappSource();
  if (source === undefined) return false;
  const info = await stat(source).catch(() => {
    throw new Error(`COMPANION_WEBAPP names ${source}, which does not exist.`);
  });
  await mkdir(runtimePaths.clients, { recursive: true });
  if (info.isDirectory()) await linkRealWebapp(await clientFolderIn(source));
  else await extractRealWebapp(source);
  return true;
}

/**
 * Points .mattermost/client at the given page. The new link is made under a
 * temporary name and renamed over the old one, so a request never finds the
 * path missing.
 */
export async function serveWebapp(kind: WebappKind): Promise<void> {
  const target = webappDir(kind);
  if (!(await exists(join(target, 'root.html')))) {
    throw new Error(`${target} has no root.html: start the server with \`npm run mm:up\`, which prepares the ${kind} page.`);
  }
  const temporaryLink = `${runtimePaths.client}.${process.pid}.tmp`;
  await rm(temporaryLink, { force: true });
  await symlink(relative(runtimePaths.root, target), temporaryLink);
  // A folder (where earlier versions built the stand-in) cannot be renamed over.
  if ((await lstat(runtimePaths.client).catch(() => undefined))?.isDirectory()) {
    await rm(runtimePaths.client, { recursive: true });
  }
  await rename(temporaryLink, runtimePaths.client);
}

/** The folder holding root.html: the given one, or its `client/`, as in a release archive. */
async function clientFolderIn(folder: string): Promise<string> {
  for (const candidate of [folder, join(folder, 'client')]) {
    if (await exists(join(candidate, 'root.html'))) return candidate;
  }
  throw new Error(`${folder} holds no Mattermost webapp: neither root.html nor client/root.html is there.`);
}

async function linkRealWebapp(clientFolder: string): Promise<void> {
  const tree = webappDir('real-webapp');
  await rm(tree, { recursive: true, force: true });
  await rm(extractedFrom, { force: true });
  await symlink(clientFolder, tree);
}

async function extractRealWebapp(archive: string): Promise<void> {
  const tree = webappDir('real-webapp');
  const stamp = JSON.stringify({ archive, sha256: await sha256Of(archive) });
  const previous = await readFile(extractedFrom, 'utf8').catch(() => undefined);
  if (previous === stamp && (await exists(join(tree, 'root.html')))) return;

  console.log(`Extracting the Mattermost webapp from ${archive}…`);
  const unpacked = `${tree}.extracting`;
  await rm(unpacked, { recursive: true, force: true });
  await mkdir(unpacked);
  await runCommand('tar', ['-xJf', archive, '-C', unpacked]);
  const clientFolder = await clientFolderIn(unpacked);
  await rm(tree, { recursive: true, force: true });
  await rename(clientFolder, tree);
  await rm(unpacked, { recursive: true, force: true });
  await writeFile(extractedFrom, stamp);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
