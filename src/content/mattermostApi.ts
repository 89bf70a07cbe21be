import { parseRetryAfter, retryDelayMs } from './retryPolicy.ts';
import type { WorkspaceClient } from './workspaceClient.ts';

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

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface MattermostApi {
  readonly client: WorkspaceClient;
  /** One request for JSON, with retries for rate limits, server errors and network failures. */
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** A GET whose answer is text (a log file), with the same retries. */
  requestText(url: string, options?: RequestOptions): Promise<{ text: string; headers: Headers }>;
  /**
   * A GET whose answer is a big text file, handed over as it arrives:
   * `onChunk` gets each decoded piece and may pause the reading (a 100 MB log
   * is never one string). Retried like the others until the body starts.
   */
  requestStream(url: string, onChunk: (text: string) => Promise<void> | void, options?: RequestOptions): Promise<void>;
}

export interface RequestTiming {
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** What the rest of the tab learns from every answer: the server's clock, a session that ended, a failing server. */
export interface ResponseObserver {
  /** Any HTTP answer, successful or not, with the time it arrived. */
  onAnswer?(url: string, status: number, headers: Headers, receivedAt: number): void;
  /** No answer at all (network failure). */
  onNoAnswer?(url: string, error: MattermostApiError): void;
}

const realTiming: RequestTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/**
 * The one place that talks HTTP: the workspace client supplies the routes,
 * the session cookies and the CSRF header; this keeps the raw response, with
 * the status and `Retry-After` of non-JSON errors such as a 429.
 */
export function createMattermostApi(client: WorkspaceClient, timing: RequestTiming = realTiming, observer: ResponseObserver = {}): MattermostApi {
  /** One request; a successful response is handed back unread, an error thrown with what the server said. */
  async function once(method: string, url: string, body: unknown, options: RequestOptions): Promise<{ response: Response; headers: Headers }> {
    let response: Response;
    try {
      const init = client.getOptions({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      response = await fetch(url, { ...init, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const noAnswer = new MattermostApiError(0, 'network', `No answer from the server: ${String(error)}`);
      observer.onNoAnswer?.(url, noAnswer);
      throw noAnswer;
    }
    client.learnFromAnswer(response.headers);
    observer.onAnswer?.(url, response.status, response.headers, timing.now());
    if (response.ok) return { response, headers: response.headers };
    const text = await response.text();

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

  async function withRetries(method: string, url: string, body: unknown, options: RequestOptions = {}) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(method, url, body, options);
      } catch (error) {
        if (!(error instanceof MattermostApiError)) throw error;
        const delay = retryDelayMs(error, attempt, Math.random());
        if (delay === undefined || options.signal?.aborted) throw error;
        await timing.sleep(delay);
      }
    }
  }

  return {
    client,
    async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, options?: RequestOptions): Promise<T> {
      const { response } = await withRetries(method, url, body, options);
      const text = await response.text();
      return (text ? JSON.parse(text) : null) as T;
    },
    async requestText(url, options) {
      const { response, headers } = await withRetries('GET', url, undefined, options);
      return { text: await response.text(), headers };
    },
    async requestStream(url, onChunk, options) {
      const { response } = await withRetries('GET', url, undefined, options);
      const decoder = new TextDecoder();
      const reader = (response.body ?? new Blob([]).stream()).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) await onChunk(decoder.decode(read.value, { stream: true }));
      const rest = decoder.decode();
      if (rest !== '') await onChunk(rest);
    },
  };
}
