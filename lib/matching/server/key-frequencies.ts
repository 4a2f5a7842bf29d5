import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import type { KeyFrequencies } from '@/lib/matching/select-query-keys';

/** How long the library's key counts are trusted before they are counted again (in the background). */
const TTL_MS = 5 * 60 * 1000;

type Cached = { at: number; value: KeyFrequencies; refreshing: boolean };
const cache = new Map<string, Cached>();

async function count(db: Db): Promise<KeyFrequencies> {
  const rows = await db.$queryRaw<{ key: string; df: number }[]>`
    SELECT key, count(*)::int AS df FROM "ClaimKey", unnest(keys) AS key WHERE live GROUP BY key`;
  const [{ total }] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "ClaimKey" WHERE live`;
  return { total, df: new Map(rows.map((r) => [r.key, r.df])) };
}

/**
 * Document frequency of every matching key in the library, per process: counted on first use,
 * then re-counted in the background when older than five minutes (a new key counts as rare until
 * then, which only widens a lookup). `scope` separates databases in one process (tests, benches).
 */
export async function keyFrequencies(db: Db, scope = process.env.DATABASE_URL ?? ''): Promise<KeyFrequencies> {
  const hit = cache.get(scope);
  if (hit) {
    if (Date.now() - hit.at > TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      void count(db)
        .then((value) => cache.set(scope, { at: Date.now(), value, refreshing: false }))
        .catch(() => (hit.refreshing = false));
    }
    return hit.value;
  }
  const value = await count(db);
  cache.set(scope, { at: Date.now(), value, refreshing: false });
  return value;
}
