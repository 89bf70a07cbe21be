// .mattermost/state.json remembers the processes that `mm:up` started, so
// `mm:down` stops exactly those and nothing it did not start.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runtimePaths } from './paths.ts';

/** Present while a private cluster started by mm:up runs; mm:down removes it. */
export interface PrivatePostgresState {
  pid: number;
  port: number;
  dataDir: string;
  /** Folder with initdb and pg_ctl of the PostgreSQL version that created the cluster. */
  binDir: string;
}

export interface RuntimeState {
  server?: { pid: number };
  postgres?: PrivatePostgresState;
}

export async function readRuntimeState(): Promise<RuntimeState> {
  try {
    return JSON.parse(await readFile(runtimePaths.state, 'utf8')) as RuntimeState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export async function updateRuntimeState(change: (state: RuntimeState) => RuntimeState): Promise<void> {
  const next = change(await readRuntimeState());
  await mkdir(dirname(runtimePaths.state), { recursive: true });
  await writeFile(runtimePaths.state, `${JSON.stringify(next, null, 2)}\n`);
}
