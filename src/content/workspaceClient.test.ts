import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkspaceClient, describeSession } from './workspaceClient.ts';

const workspace = { origin: 'https://chat.example.com', basePath: '/team-chat' };

function withCookie(cookie: string): void {
  vi.stubGlobal('document', { cookie });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('workspace client', () => {
  it('builds the routes under the workspace’s base path', () => {
    const client = createWorkspaceClient(workspace);
    expect([client.getBaseRoute(), client.getUserRoute('me'), client.getChannelRoute('c1'), client.getPostRoute('p1'), client.getRolesRoute()]).toEqual([
      'https://chat.example.com/team-chat/api/v4',
      'https://chat.example.com/team-chat/api/v4/users/me',
      'https://chat.example.com/team-chat/api/v4/channels/c1',
      'https://chat.example.com/team-chat/api/v4/posts/p1',
      'https://chat.example.com/team-chat/api/v4/roles',
    ]);
  });

  it('sends the page’s cookies on every request and the CSRF token, read at each call, on changes only', () => {
    const client = createWorkspaceClient(workspace);
    withCookie('MMUSERID=u1; MMCSRF=first-token; MMAUTHTOKEN=secret');
    const get = client.getOptions({ method: 'GET' });
    const post = client.getOptions({ method: 'POST', body: '{}' });
    withCookie('MMCSRF=second-token');
    const put = client.getOptions({ method: 'PUT', body: '{}' });

    expect(get).toEqual({ method: 'GET', credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    expect(post).toEqual({
      method: 'POST',
      credentials: 'include',
      body: '{}',
      headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'first-token', 'Content-Type': 'application/json' },
    });
    expect((put.headers as Record<string, string>)['X-CSRF-Token']).toBe('second-token');
  });

  it('sends no CSRF header when the page has no such cookie', () => {
    withCookie('MMUSERID=u1');
    expect(createWorkspaceClient(workspace).getOptions({ method: 'DELETE' }).headers).toEqual({ 'X-Requested-With': 'XMLHttpRequest' });
  });
});

describe('the tab’s session', () => {
  const answer = (status: number, body: unknown, version = '11.4.0.11.4.0') =>
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'X-Version-Id': version } }))));

  it('is the signed-in user, with the server version the answer gave', async () => {
    answer(200, { id: 'u1', username: 'alice' });
    const client = createWorkspaceClient(workspace);
    expect(await describeSession(client)).toEqual({ state: 'signed-in', userId: 'u1', username: 'alice', serverVersion: '11.4.0.11.4.0' });
    expect(client.getServerVersion()).toBe('11.4.0.11.4.0');
  });

  it('is signed out on a 401', async () => {
    answer(401, { id: 'api.context.session_expired.app_error' });
    expect(await describeSession(createWorkspaceClient(workspace))).toEqual({ state: 'signed-out' });
  });

  it('is unreachable, with the reason, on another error or no answer', async () => {
    answer(503, {});
    expect(await describeSession(createWorkspaceClient(workspace))).toMatchObject({ state: 'unreachable', error: { messageKey: 'errorServerUnreachable', detail: 'HTTP 503 for /users/me' } });
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await describeSession(createWorkspaceClient(workspace))).toMatchObject({ state: 'unreachable', error: { detail: 'Failed to fetch' } });
  });
});
