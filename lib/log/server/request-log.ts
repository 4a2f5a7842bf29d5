import 'server-only';
import { routeOf } from '@/lib/log/request-id';
import { logger } from '@/lib/log/server/logger';

export type RequestLogEntry = {
  requestId: string;
  method: string;
  url: string;
  status: number;
  startedAt: number;
  userId?: string | null;
  /** The unexpected error behind a 5xx: logged here with its stack, and nowhere else. */
  error?: unknown;
};

/** One line per API request: id, user, route, status, duration. Never headers, query values or bodies. */
export function logRequest(entry: RequestLogEntry): void {
  const path = new URL(entry.url, 'http://localhost').pathname;
  const fields = {
    reqId: entry.requestId,
    userId: entry.userId ?? null,
    method: entry.method,
    route: routeOf(path),
    status: entry.status,
    ms: Math.round((performance.now() - entry.startedAt) * 10) / 10,
  };
  if (entry.status >= 500) logger.error({ ...fields, err: entry.error }, `${entry.method} ${fields.route} failed`);
  else logger.info(fields, `${entry.method} ${fields.route} ${entry.status}`);
}
