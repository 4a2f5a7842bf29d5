// When a query that failed is asked again. The server answers 429 with `details.retryAfterSeconds`
// when its heavy-work pool is busy (an import or an export ahead of a long article's suggestions or
// "seen before"): the query waits as long as it says and asks again, up to three times, instead of
// showing an error for work that would succeed seconds later. A refusal (any other 4xx) is final;
// a server error or a lost connection is asked once more.
import { ApiError } from '@/lib/client/api-fetch';

const BUSY_RETRIES = 3;
const MAX_WAIT_MS = 30_000;

function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.status !== 429) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.min(seconds * 1000, MAX_WAIT_MS) : null;
}

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (retryAfterMs(error) !== null) return failureCount < BUSY_RETRIES;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function queryRetryDelay(failureCount: number, error: unknown): number {
  return retryAfterMs(error) ?? Math.min(1000 * 2 ** failureCount, MAX_WAIT_MS);
}
