import { Client4, ClientError } from '@mattermost/client';
import type { TabSession } from '../shared/messages.ts';
import { readableError } from '../shared/readableError.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';

/**
 * A REST client that reuses the session of the Mattermost tab it runs in: the
 * page's cookies go with every request and non-GET requests carry the CSRF
 * token from the `MMCSRF` cookie. No password or token is ever stored.
 */
export function createWorkspaceClient(workspace: Workspace): Client4 {
  const client = new Client4();
  client.setUrl(workspaceUrl(workspace));
  client.setIncludeCookies(true);
  return client;
}

export async function describeSession(client: Client4): Promise<TabSession> {
  try {
    const me = await client.getMe();
    return { state: 'signed-in', userId: me.id, username: me.username, serverVersion: client.getServerVersion() };
  } catch (error) {
    if (error instanceof ClientError && error.status_code === 401) return { state: 'signed-out' };
    return { state: 'unreachable', error: readableError('errorServerUnreachable', error) };
  }
}
