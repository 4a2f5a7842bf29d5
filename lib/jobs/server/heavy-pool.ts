// The process's one thread pool for CPU-heavy work (piscina). It runs at most one task per core
// but one, so a core is left for requests on a two-core machine; its threads also run at the
// lowest priority (heavy-worker.ts). Its thread is kept warm (a cold one takes 0.1 s to start from
// the compiled file, seconds through tsx) and replaced when a task over budget has it terminated.
import 'server-only';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { registerResource } from '@/lib/lifecycle/server/shutdown';

export const HEAVY_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * The worker file: the compiled one in a production build (`npm run build` / scripts/build-cli.mjs),
 * else the source through tsx (next dev, Vitest, `next start` after a bare `next build`). Paths are
 * built at run time from the working directory, the project root in all of them, so Next's bundler
 * leaves them alone.
 */
export function heavyWorkerEntry(): { filename: string; execArgv: string[] } {
  const root = process.cwd();
  const compiled = join(root, process.env.NEXT_DIST_DIR ?? '.next', 'cli', 'heavy-worker.mjs');
  if (process.env.NODE_ENV === 'production' && existsSync(compiled)) return { filename: compiled, execArgv: [] };
  // `server-only` resolves to its empty module under the react-server condition, as in Next.
  return { filename: join(root, 'lib', 'jobs', 'server', 'heavy-worker-source.cjs'), execArgv: ['--conditions=react-server'] };
}

// One pool per process: Next bundles a module once per server layer, so it lives on globalThis.
const KEY = Symbol.for('claimdesk.heavyPool');

export function heavyPool(): Piscina {
  const g = globalThis as unknown as Record<symbol, Piscina | undefined>;
  let pool = g[KEY];
  if (!pool) {
    const created = new Piscina({ ...heavyWorkerEntry(), minThreads: HEAVY_THREADS, maxThreads: HEAVY_THREADS, idleTimeout: 60_000 });
    pool = g[KEY] = created;
    registerResource('heavy-work pool', 5, async () => {
      g[KEY] = undefined;
      await created.destroy();
    });
  }
  return pool;
}

/** Replaces the pool's threads (a test that cut a task wants a fresh one; the pool does this itself too). */
export async function closeHeavyPool(): Promise<void> {
  const g = globalThis as unknown as Record<symbol, Piscina | undefined>;
  const pool = g[KEY];
  g[KEY] = undefined;
  await pool?.destroy();
}
