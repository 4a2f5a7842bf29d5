// Embedded Postgres for `npm run dev` / `npm start` without DATABASE_URL: PGlite (Postgres compiled
// to WASM) served over the real wire protocol so `pg` and Prisma's adapter connect as to any server.
// PGlite is one process: the app and the command-line tools share this server through a state file.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export function embeddedPaths(root) {
  const dataRoot = join(root, '.data');
  return { dataRoot, pgdata: join(dataRoot, 'pglite'), state: join(dataRoot, 'pglite-server.json') };
}

function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => {
      const fallback = net.createServer();
      fallback.listen(0, '127.0.0.1', () => {
        const { port } = fallback.address();
        fallback.close(() => resolve(port));
      });
    });
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The URL of an embedded server another process already runs on this data folder, if any. */
export async function runningEmbeddedUrl(root) {
  const { state } = embeddedPaths(root);
  if (!existsSync(state)) return null;
  try {
    const { url, port, pid } = JSON.parse(readFileSync(state, 'utf8'));
    if (pidAlive(pid) && (await canConnect(port))) return url;
  } catch {
    // A stale or half-written state file: start a new server.
  }
  return null;
}

/** Starts PGlite on `<root>/.data/pglite` and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(root, { port: preferredPort = 54329 } = {}) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // Claim matching's trigram index needs pg_trgm, which PGlite ships as a contrib extension: it must
  // be loaded here for the migration's CREATE EXTENSION to find it.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { dataRoot, pgdata, state } = embeddedPaths(root);
  mkdirSync(dataRoot, { recursive: true });
  const db = await PGlite.create(pgdata, { extensions: { pg_trgm } });
  const port = await freePort(Number(process.env.PGLITE_PORT ?? preferredPort));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 20 });
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  writeFileSync(state, JSON.stringify({ url, port, pid: process.pid }));
  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    rmSync(state, { force: true });
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
  return { url, port, stop };
}
