#!/usr/bin/env node
// Runs a command with a database ready: DATABASE_URL when set, else the embedded Postgres
// (started here, or shared with the dev server already running). Migrations are applied and an
// empty database is seeded before the command starts, unless --only-db.
//   node scripts/with-db.mjs [--only-db] [--quiet] <command...>
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../lib/db/embedded-postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flags = new Set();
while (args[0]?.startsWith('--')) flags.add(args.shift());
const quiet = flags.has('--quiet');
const log = (msg) => {
  if (!quiet) console.error(msg);
};
if (args.length === 0) {
  console.error('usage: with-db.mjs [--only-db] [--quiet] <command...>');
  process.exit(2);
}

let embedded = null;
let url = process.env.DATABASE_URL;
if (url) {
  log(`[claimdesk] database: DATABASE_URL (${url.replace(/\/\/[^@]*@/, '//…@')})`);
} else {
  url = await runningEmbeddedUrl(root);
  if (url) {
    log(`[claimdesk] database: embedded Postgres already running at ${url}`);
  } else {
    embedded = await startEmbeddedPostgres(root);
    url = embedded.url;
    log(`[claimdesk] database: embedded Postgres (PGlite, data in .data/pglite) at ${url}`);
  }
}

const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret() };
// PGlite is one database session behind the socket: two pooled connections would interleave the
// extended-protocol messages of separate queries (wrong answers, "portal does not exist").
// One connection per process keeps every query whole; tests/reliability checks this under load.
if (!process.env.DATABASE_URL) env.DATABASE_POOL_SIZE = '1';

// A per-checkout secret for signing session cookies, so `npm run dev` needs no setup.
function localAuthSecret() {
  const file = join(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
const bin = (name) => `${root}node_modules/.bin/${name}`;

async function shutdown(code) {
  if (embedded) await embedded.stop();
  process.exit(code);
}

// Never spawnSync here: this process hosts the embedded database and must keep serving it.
function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (!flags.has('--only-db')) {
  const status = await run(bin('tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts']);
  if (status !== 0) await shutdown(status);
}

const [cmd, ...rest] = args;
const child = spawn(cmd === 'tsx' || cmd === 'next' ? bin(cmd) : cmd, rest, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  void shutdown(code ?? (signal ? 1 : 0));
});
