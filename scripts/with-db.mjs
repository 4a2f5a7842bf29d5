#!/usr/bin/env node
// Runs a command with a database ready: DATABASE_URL when set, else the embedded Postgres
// (started here, or shared with the dev server already running). Migrations are applied and an
// empty database is seeded before the command starts, unless --only-db.
//   node scripts/with-db.mjs [--only-db] [--quiet] [--production] <command...>
// --production (or NODE_ENV=production): `npm start`. No generated AUTH_SECRET (lib/env.ts refuses to
// start without one), and the embedded database is announced as a single-machine trial.
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
const production = flags.has('--production') || process.env.NODE_ENV === 'production';
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
  if (production) {
    log(
      '[claimdesk] no DATABASE_URL: using the embedded database, fine for a single-machine trial. ' +
        'For production set DATABASE_URL to a PostgreSQL 16+ server (README "Deploy").',
    );
  }
}

const env = { ...process.env, DATABASE_URL: url };
if (production) env.NODE_ENV = 'production';
// Development only: production needs one secret shared by every instance, set by whoever deploys.
else env.AUTH_SECRET = process.env.AUTH_SECRET || localAuthSecret();
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
// `npm run build` compiles the server entry and the tools here (scripts/build-cli.mjs).
const compiled = (name) => join(root, process.env.NEXT_DIST_DIR ?? '.next', 'cli', `${name}.mjs`);

/**
 * How to run one of scripts/<name>.ts: `npm start` (--production) runs the compiled copy of the build,
 * as a production install must (no tsx there); development runs the source with tsx, falling back to
 * the compiled copy when tsx is not installed.
 */
function tool(name) {
  const js = compiled(name);
  const fromSource = [bin('tsx'), ['--conditions=react-server', `scripts/${name}.ts`]];
  if (flags.has('--production') && existsSync(js)) return ['node', [js]];
  if (existsSync(bin('tsx'))) return fromSource;
  if (existsSync(js)) return ['node', [js]];
  console.error(`[claimdesk] ${js} is missing: run \`npm run build\` first.`);
  return null;
}

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
  const prepare = tool('prepare-db');
  const status = prepare ? await run(...prepare) : 1;
  if (status !== 0) await shutdown(status);
}

// `serve`: the production server (scripts/serve.ts, compiled by the build).
if (args[0] === 'serve') {
  if (!existsSync(compiled('serve'))) {
    console.error(`[claimdesk] ${compiled('serve')} is missing: run \`npm run build\` first.`);
    await shutdown(1);
  }
  args.splice(0, 1, 'node', compiled('serve'));
}
if (embedded) env.CLAIMDESK_EMBEDDED_DB = '1';
const [cmd, ...rest] = args;
const child = spawn(cmd === 'tsx' || cmd === 'next' ? bin(cmd) : cmd, rest, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  void shutdown(code ?? (signal ? 1 : 0));
});
