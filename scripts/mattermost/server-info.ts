// .mattermost/server.json: what `mm:up` started and seeded, for the tests to
// read (URL, accounts and their passwords, team, database).
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { runtimePaths } from './paths.ts';

export interface SeededAccount {
  id: string;
  username: string;
  email: string;
  password: string;
}

export interface SeededUser extends SeededAccount {
  firstName: string;
  lastName: string;
}

export type SeededUserName = 'alice' | 'bob' | 'carol';

export interface ServerInfo {
  /** Site URL without a trailing slash, e.g. http://127.0.0.1:8065 */
  url: string;
  /** The server's X-Version-Id header. */
  versionId: string;
  /** The open team every seeded account belongs to. */
  team: { name: string; id: string };
  /** System administrator; the first account created on the server. */
  admin: SeededAccount;
  users: Record<SeededUserName, SeededUser>;
  database: { dsn: string };
}

export async function writeServerInfo(info: ServerInfo): Promise<void> {
  await writeFile(runtimePaths.serverInfo, `${JSON.stringify(info, null, 2)}\n`);
}

/** Reads the running test server's description; throws a readable error when `mm:up` has not run. */
export function readServerInfo(): ServerInfo {
  let text: string;
  try {
    text = readFileSync(runtimePaths.serverInfo, 'utf8');
  } catch {
    throw new Error(`${runtimePaths.serverInfo} does not exist: start the test server with \`npm run mm:up\`.`);
  }
  const info = JSON.parse(text) as Partial<ServerInfo>;
  if (typeof info.url !== 'string' || !info.admin || !info.users?.alice || !info.team) {
    throw new Error(`${runtimePaths.serverInfo} is incomplete: run \`npm run mm:up\` again.`);
  }
  return info as ServerInfo;
}

/** Like readServerInfo, but undefined instead of an error when there is no usable description. */
export function tryReadServerInfo(): ServerInfo | undefined {
  try {
    return readServerInfo();
  } catch {
    return undefined;
  }
}
