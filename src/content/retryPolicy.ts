/**
 * How long to wait before trying a failed request again, or undefined to give
 * up: rate limits are honoured to the second, server errors and network
 * failures back off exponentially, other refusals (501 Not Implemented
 * among them) are final.
 */
export interface FailedAttempt {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  readonly retryAfterSeconds?: number;
}

export const maxAttempts = 6;
/** A rate limit says when to come back: worth more tries than a server that fails. */
export const maxRateLimitedAttempts = 10;
const firstBackoffMs = 1_000;
/**
 * A server that failed, and may not the next time. 501 is none: what the
 * server does not do (Mattermost: a feature its licence lacks) it will not
 * do on a second try either, and it says nothing of the server's health.
 */
export function isServerFailure(status: number): boolean {
  return status >= 500 && status !== 501;
}
const longestWaitMs = 60_000;
/** Requests turned away together come back spread over this much, or they all meet the limit again at the same instant. */
const rateLimitSpreadMs = 1_000;

/** `spread`, in [0, 1), places this request within the spread after a rate limit (a random number in use). */
export function retryDelayMs(failure: FailedAttempt, attempt: number, spread = 0): number | undefined {
  if (failure.status === 429) {
    if (attempt >= maxRateLimitedAttempts) return undefined;
    const asked = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1_000 : firstBackoffMs * 2 ** (attempt - 1);
    return Math.min(Math.max(asked, 0) + spread * rateLimitSpreadMs, longestWaitMs);
  }
  if (attempt >= maxAttempts) return undefined;
  if (failure.status === 0 || isServerFailure(failure.status)) {
    return Math.min(firstBackoffMs * 2 ** (attempt - 1), longestWaitMs);
  }
  return undefined;
}

/** `Retry-After` as seconds; Mattermost sends whole seconds, HTTP also allows a date. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1_000));
}
