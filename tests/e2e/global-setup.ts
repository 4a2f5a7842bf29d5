import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase } from '@/tests/support/throwaway-db';

export const E2E_STATE = join(tmpdir(), `claimdesk-e2e-${process.env.E2E_PORT ?? 3100}.json`);

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms`);
}

/** A fresh database (migrated + seeded by the app's own start path, scripts/with-db.mjs) and `next start` on it. */
export default async function globalSetup() {
  const db = await createThrowawayDatabase('claimdesk_e2e');
  const port = Number(process.env.E2E_PORT ?? 3100);
  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789', PORT: String(port) };
  const server = spawn('node', ['scripts/with-db.mjs', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: process.cwd(),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  writeFileSync(E2E_STATE, JSON.stringify({ pid: server.pid, database: db.name, url: db.url }));
  try {
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`, server);
  } catch (error) {
    process.kill(-server.pid!, 'SIGTERM');
    throw error;
  }
  writeFileSync(E2E_STATE, JSON.stringify({ pid: server.pid, database: db.name, url: db.url }));
  process.env.E2E_DATABASE_URL = db.url;
}
