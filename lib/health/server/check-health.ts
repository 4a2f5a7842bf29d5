import 'server-only';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@/lib/db/server/prisma';

export type Health = {
  ok: boolean;
  db: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
  /** Migration folders on disk that the database has not applied (a deploy that skipped `migrate`). */
  pending?: string[];
  error?: { code: 'unavailable'; message: string };
};

export const HEALTH_TIMEOUT_MS = 4_000;

export function defaultMigrationsDir(): string {
  return join(process.cwd(), 'prisma', 'migrations');
}

// The folders cannot change under a running server: read them once per directory.
const onDisk = new Map<string, Promise<string[]>>();
function migrationNames(dir: string): Promise<string[]> {
  let names = onDisk.get(dir);
  if (!names) {
    names = readdir(dir, { withFileTypes: true }).then((entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name).sort());
    names.catch(() => onDisk.delete(dir));
    onDisk.set(dir, names);
  }
  return names;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance can serve: the database answers, and every migration folder shipped with
 * this build is applied (a load balancer should not send traffic to an instance whose schema is
 * behind). A database that hangs counts as down after `timeoutMs`.
 */
export async function checkHealth(db: Db, migrationsDir = defaultMigrationsDir(), timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  let applied: Set<string> | null;
  try {
    applied = await withTimeout(appliedMigrations(db), timeoutMs);
  } catch (error) {
    return {
      ok: false,
      db: 'unreachable',
      migrations: 'unknown',
      error: { code: 'unavailable', message: `The database does not answer (${reason(error)}).` },
    };
  }
  const pending = applied ? (await migrationNames(migrationsDir)).filter((name) => !applied.has(name)) : await migrationNames(migrationsDir);
  if (pending.length) {
    return {
      ok: false,
      db: 'ok',
      migrations: 'pending',
      pending,
      error: { code: 'unavailable', message: `${pending.length} migration(s) not applied: run the migrations (see README "Deploy").` },
    };
  }
  return { ok: true, db: 'ok', migrations: 'current' };
}

/** The applied migrations' names, or null when the database has none yet (no _prisma_migrations table). */
async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  const [table] = await db.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`;
  if (!table?.exists) return null;
  const rows = await db.$queryRaw<Array<{ name: string }>>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.name));
}

// The reason without the address: the probe is public, the host and port are not its business.
function reason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  return /no answer within/.test(message) ? message : 'connection failed';
}
