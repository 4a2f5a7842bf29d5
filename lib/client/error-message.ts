import { ApiError } from '@/lib/client/api-fetch';

/**
 * What to tell the person when a request failed. The API's own message says what to fix (a 400
 * names the field, a 403 the rule), so it is shown as is; anything else never got an answer from
 * the server (offline, a dropped connection), and its technical text would not help: `fallback`.
 */
export function errorMessage(error: unknown, fallback = 'Network error: try again.'): string {
  return error instanceof ApiError ? error.message : fallback;
}
