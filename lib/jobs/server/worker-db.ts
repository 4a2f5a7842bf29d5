// The heavy-work thread's own database connections (two per thread): a task that reads a lot (a
// 10,000-annotation brief) parses and maps the rows in its thread, not on the request thread.
// Not on the embedded database: PGlite is one session behind its socket, so a second client's
// queries would interleave with the app's (DEVELOPERS.md); there the request thread reads.
import 'server-only';
import { createPrismaClient, type Db } from '@/lib/db/server/prisma';

let db: Db | undefined;

/** Whether heavy-work threads may open their own connection. */
export function workersHaveDb(): boolean {
  return process.env.CLAIMDESK_EMBEDDED_DB !== '1' && Boolean(process.env.DATABASE_URL);
}

/** In a heavy-work thread: its client (two connections, so a task can run two statements at once; closed with the thread). */
export function workerDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url || !workersHaveDb()) throw new Error('heavy-work threads have no database here (embedded database, or DATABASE_URL unset)');
  return (db ??= createPrismaClient(url, 2));
}
