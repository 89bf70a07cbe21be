import type { TabSession } from '../shared/messages.ts';
import { readableError } from '../shared/readableError.ts';
import { workspaceUrl, type Workspace } from '../shared/workspace.ts';

/**
 * What the tab's REST calls need of its Mattermost server: the routes under
 * `/api/v4`, and request options that reuse the session of the page the
 * script runs in. The page's cookies go with every request and non-GET
 * requests carry the CSRF token from the `MMCSRF` cookie, read afresh each
 * time (another account may have signed in since). No password or token is
 * ever stored. It does what the webapp's own REST client does for these
 * calls, in a few hundred bytes instead of twenty kilobytes on every page.
 */
export interface WorkspaceClient {
  getUrl(): string;
  getBaseRoute(): string;
  getUserRoute(userId: string): string;
  getChannelRoute(channelId: string): string;
  getPostsRoute(): string;
  getPostRoute(postId: string): string;
  getRolesRoute(): string;
  getOptions(options: { method: string; body?: string }): RequestInit;
  /** The server's `X-Version-Id` as last seen in an answer, or '' before any. */
  getServerVersion(): string;
  learnFromAnswer(headers: Headers): void;
}

const csrfCookie = 'MMCSRF=';

function csrfTokenFromCookie(): string {
  if (typeof document === 'undefined') return '';
  for (const cookie of document.cookie.split(';')) {
    const trimmed = cookie.trim();
    if (trimmed.startsWith(csrfCookie)) return trimmed.slice(csrfCookie.length);
  }
  return '';
}

export function createWorkspaceClient(workspace: Workspace): WorkspaceClient {
  const url = workspaceUrl(workspace);
  const base = `${url}/api/v4`;
  let serverVersion = '';
  return {
    getUrl: () => url,
    getBaseRoute: () => base,
    getUserRoute: (userId) => `${base}/users/${userId}`,
    getChannelRoute: (channelId) => `${base}/channels/${channelId}`,
    getPostsRoute: () => `${base}/posts`,
    getPostRoute: (postId) => `${base}/posts/${postId}`,
    getRolesRoute: () => `${base}/roles`,
    getOptions({ method, body }) {
      const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' };
      const csrfToken = method.toUpperCase() === 'GET' ? '' : csrfTokenFromCookie();
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      return { method, credentials: 'include', headers, ...(body !== undefined ? { body } : {}) };
    },
    getServerVersion: () => serverVersion,
    learnFromAnswer(headers) {
      serverVersion = headers.get('X-Version-Id') ?? serverVersion;
    },
  };
}

/** Who is signed in in this tab, asked of the server with the page's session. */
export async function describeSession(client: WorkspaceClient): Promise<TabSession> {
  let response: Response;
  try {
    response = await fetch(client.getUserRoute('me'), client.getOptions({ method: 'GET' }));
  } catch (error) {
    return { state: 'unreachable', error: readableError('errorServerUnreachable', error) };
  }
  client.learnFromAnswer(response.headers);
  if (response.status === 401) return { state: 'signed-out' };
  if (!response.ok) return { state: 'unreachable', error: readableError('errorServerUnreachable', `HTTP ${response.status} for /users/me`) };
  try {
    const me = (await response.json()) as { id: string; username: string };
    return { state: 'signed-in', userId: me.id, username: me.username, serverVersion: client.getServerVersion() };
  } catch (error) {
    return { state: 'unreachable', error: readableError('errorServerUnreachable', error) };
  }
}
