import type { Client4 } from '@mattermost/client';
import { parseRetryAfter, retryDelayMs } from './retryPolicy.ts';

/** A failed REST call with what the server said: status, Mattermost's error id and message. */
export class MattermostApiError extends Error {
  constructor(
    readonly status: number,
    readonly serverErrorId: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MattermostApiError';
  }
}

export interface MattermostApi {
  readonly client: Client4;
  /** One request, with retries for rate limits, server errors and network failures. */
  request<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T>;
}

export interface RequestTiming {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

const realTiming: RequestTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * The one place that talks HTTP: Client4 supplies the routes, the session
 * cookies and the CSRF header; this keeps the raw response, because Client4
 * drops the status and `Retry-After` of non-JSON errors such as a 429.
 */
export function createMattermostApi(client: Client4, timing: RequestTiming = realTiming): MattermostApi {
  async function once<T>(method: string, url: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      const init = client.getOptions({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      response = await fetch(url, init as RequestInit);
    } catch (error) {
      throw new MattermostApiError(0, 'network', `No answer from the server: ${String(error)}`);
    }
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : null) as T;

    let serverErrorId = '';
    let message = text.trim() || response.statusText;
    try {
      const parsed = JSON.parse(text) as { id?: string; message?: string };
      serverErrorId = parsed.id ?? '';
      message = parsed.message ?? message;
    } catch {
      // Plain-text errors, such as the rate limiter's.
    }
    throw new MattermostApiError(response.status, serverErrorId, message, parseRetryAfter(response.headers.get('Retry-After'), timing.now()));
  }

  return {
    client,
    async request<T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once<T>(method, url, body);
        } catch (error) {
          if (!(error instanceof MattermostApiError)) throw error;
          const delay = retryDelayMs(error, attempt);
          if (delay === undefined) throw error;
          await timing.sleep(delay);
        }
      }
    },
  };
}
