// Lays out .mattermost/, the server's working directory: its config, the
// folders it writes to, and links to the read-only assets of the cached build.
import { lstat, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runtimeAssetFolders } from './build-server.ts';
import type { ServerBuild } from './build-server.ts';
import type { TestConfig } from './config.ts';
import { runtimePaths } from './paths.ts';

export async function prepareRuntimeDir(build: ServerBuild, config: TestConfig): Promise<void> {
  const { data, logs, plugins, clientPlugins } = runtimePaths;
  for (const dir of [data, logs, plugins, clientPlugins]) await mkdir(dir, { recursive: true });
  for (const folder of runtimeAssetFolders) {
    const link = join(runtimePaths.root, folder);
    // Replace the link each time: a new pinned version lives in a new build folder.
    if (await lstat(link).catch(() => undefined)) await rm(link, { recursive: true });
    await symlink(join(build.dir, folder), link);
  }
  await writeFile(runtimePaths.config, `${JSON.stringify(config, null, 2)}\n`);
}
