import type { MattermostApi } from '../mattermostApi.ts';
import { createWorkspaceClient } from '../workspaceClient.ts';

/** A MattermostApi whose answers come from `handle`, by method and path under /api/v4; every call is noted in `calls`. */
export function scriptedApi(handle: (method: string, path: string, body: unknown) => unknown): MattermostApi & { calls: string[] } {
  const client = createWorkspaceClient({ origin: 'https://chat.example.com', basePath: '' });
  const base = `${client.getUrl()}/api/v4`;
  const calls: string[] = [];
  return {
    client,
    calls,
    request: async <T,>(method: string, url: string, body?: unknown) => {
      const path = url.slice(base.length);
      calls.push(`${method} ${path}`);
      return handle(method, path, body) as T;
    },
    requestText: () => Promise.reject(new Error('not used')),
    requestStream: () => Promise.reject(new Error('not used')),
  };
}
