import type { BrowserContext } from '@playwright/test';
import { readServerInfo, type ServerInfo, type SeededUser } from '../../scripts/mattermost/server-info.ts';

export type { ServerInfo, SeededUser };

export const server: ServerInfo = readServerInfo();

/** Signs a seeded user in, leaving real session cookies in the browser profile. */
export async function signIn(context: BrowserContext, user: SeededUser): Promise<void> {
  const cookies = await context.cookies(server.url);
  if (cookies.some((cookie) => cookie.name === 'MMUSERID' && cookie.value === user.id)) return;
  const response = await context.request.post(`${server.url}/api/v4/users/login`, {
    data: { login_id: user.username, password: user.password },
    // Mattermost sets the session cookies only for requests that say they come from a browser script.
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok()) throw new Error(`login of ${user.username} failed: ${response.status()} ${await response.text()}`);
}

/** A webapp URL of the seeded team: the direct-message view with another user (on the server, or on a proxy in front of it). */
export function directMessageUrl(withUsername: string, workspaceUrl = server.url): string {
  return `${workspaceUrl}/${server.team.name}/messages/@${withUsername}`;
}
