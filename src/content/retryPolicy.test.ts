import { describe, expect, it } from 'vitest';
import { maxAttempts, maxRateLimitedAttempts, parseRetryAfter, retryDelayMs } from './retryPolicy.ts';

describe('retry policy', () => {
  it('waits exactly as long as a rate limit asks', () => {
    expect(retryDelayMs({ status: 429, retryAfterSeconds: 3 }, 1)).toBe(3_000);
  });

  it('backs off when a rate limit gives no time', () => {
    expect(retryDelayMs({ status: 429 }, 1)).toBe(1_000);
    expect(retryDelayMs({ status: 429 }, 3)).toBe(4_000);
  });

  it('backs off exponentially after server errors and lost connections', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs({ status: 503 }, attempt))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs({ status: 0 }, 2)).toBe(2_000);
  });

  it('spreads requests a rate limit turned away together over the second after the time asked', () => {
    expect([0, 0.5, 0.999].map((spread) => retryDelayMs({ status: 429, retryAfterSeconds: 1 }, 1, spread))).toEqual([1_000, 1_500, 1_999]);
  });

  it('tries more often after rate limits than after server errors', () => {
    expect(retryDelayMs({ status: 429, retryAfterSeconds: 1 }, maxAttempts)).toBe(1_000);
    expect(retryDelayMs({ status: 429, retryAfterSeconds: 1 }, maxRateLimitedAttempts)).toBeUndefined();
  });

  it('never waits longer than a minute', () => {
    expect(retryDelayMs({ status: 429, retryAfterSeconds: 3600 }, 1)).toBe(60_000);
  });

  it('gives up on refusals and after the last attempt', () => {
    expect(retryDelayMs({ status: 403 }, 1)).toBeUndefined();
    expect(retryDelayMs({ status: 400 }, 1)).toBeUndefined();
    expect(retryDelayMs({ status: 500 }, maxAttempts)).toBeUndefined();
  });

  it('gives up at once on 501, what an unlicensed server answers for a licensed feature', () => {
    expect(retryDelayMs({ status: 501 }, 1)).toBeUndefined();
    expect(retryDelayMs({ status: 502 }, 1)).toBe(1_000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
