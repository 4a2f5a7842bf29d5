import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/client/api-fetch';
import { queryRetryDelay, shouldRetryQuery } from '@/lib/client/query-retry';

const busy = new ApiError(429, 'rate_limited', 'The server is busy', { reason: 'heavy_work', retryAfterSeconds: 5 });

describe('when a failed query is asked again', () => {
  it('waits as long as a busy server says, up to three times', () => {
    expect([0, 1, 2, 3].map((n) => shouldRetryQuery(n, busy))).toEqual([true, true, true, false]);
    expect(queryRetryDelay(0, busy)).toBe(5_000);
    expect(queryRetryDelay(2, new ApiError(429, 'rate_limited', 'busy', { retryAfterSeconds: 600 }))).toBe(30_000);
  });

  it('never asks again after a refusal, once after a server error or a lost connection', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) expect(shouldRetryQuery(0, new ApiError(status, 'x', 'refused'))).toBe(false);
    // A 429 without a wait (the sign-in limiter) is a refusal like the others.
    expect(shouldRetryQuery(0, new ApiError(429, 'rate_limited', 'too many attempts'))).toBe(false);
    expect([0, 1].map((n) => shouldRetryQuery(n, new ApiError(500, 'internal', 'boom')))).toEqual([true, false]);
    expect([0, 1].map((n) => shouldRetryQuery(n, new TypeError('Failed to fetch')))).toEqual([true, false]);
    expect(queryRetryDelay(0, new TypeError('Failed to fetch'))).toBe(1_000);
  });
});
