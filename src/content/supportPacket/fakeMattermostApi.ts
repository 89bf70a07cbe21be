import { MattermostApiError, type MattermostApi } from '../mattermostApi.ts';
import { createWorkspaceClient } from '../workspaceClient.ts';

/** For tests: a MattermostApi answering from a table of `METHOD path` → answer, recording every call. */
export type FakeAnswer = unknown | MattermostApiError | ((body: unknown) => unknown);

export interface FakeMattermostApi extends MattermostApi {
  readonly calls: string[];
}

export const apiRoot = 'https://chat.example.com/api/v4';

export function fakeMattermostApi(answers: Readonly<Record<string, FakeAnswer>>): FakeMattermostApi {
  const calls: string[] = [];
  const answer = (method: string, url: string, body?: unknown) => {
    const key = `${method} ${url.replace(apiRoot, '')}`;
    calls.push(key);
    if (!(key in answers)) throw new MattermostApiError(404, 'api.context.404.app_error', `no answer for ${key}`);
    const found = answers[key];
    if (found instanceof MattermostApiError) throw found;
    return typeof found === 'function' ? (found as (body: unknown) => unknown)(body) : found;
  };
  return {
    calls,
    client: createWorkspaceClient({ origin: 'https://chat.example.com', basePath: '' }),
    request: <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => Promise.resolve().then(() => answer(method, url, body) as T),
    requestText: (url: string) => Promise.resolve().then(() => ({ text: answer('GET', url) as string, headers: new Headers() })),
    async requestStream(url: string, onChunk: (text: string) => Promise<void> | void) {
      const text = await Promise.resolve().then(() => answer('GET', url) as string);
      // In two pieces, cut inside a line, as a network may deliver it.
      const middle = Math.floor(text.length / 2);
      await onChunk(text.slice(0, middle));
      await onChunk(text.slice(middle));
    },
  };
}

export const refused = (status: number, message = 'You do not have the appropriate permissions.') =>
  new MattermostApiError(status, 'api.context.permissions.app_error', message);
