#!/usr/bin/env node
// The container's run stage without a container: copies what the Dockerfile's runtime stage copies
// into a scratch folder outside the repo, runs `npm ci --omit=dev` there, then the Dockerfile's own
// CMD (read from the Dockerfile, so the two cannot drift) on a throwaway database, and checks
//   /api/health → 200 current; a user and token made with the compiled CLI; GET /api/articles with it
//   → 200; a PDF and a saved web page imported with it → 201 (parsed in the heavy-work pool by the
//   compiled worker: pdf.js and its own worker module, linkedom, Readability); SIGTERM → exit 0.
// Needs a build (`npm run build`), the npm registry (or a warm npm cache) and the test Postgres server.
//   npm run test:production-install        # CHECK_PORT (default 3170), NEXT_DIST_DIR (default .next)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.NEXT_DIST_DIR ?? '.next';
const port = Number(process.env.CHECK_PORT ?? 3170);
const log = (msg) => console.log(`[production-install] ${msg}`);
const fail = (msg) => {
  console.error(`[production-install] FAILED: ${msg}`);
  process.exitCode = 1;
};

if (!existsSync(join(root, dist, 'BUILD_ID')) || !existsSync(join(root, dist, 'cli', 'serve.mjs'))) {
  console.error(`[production-install] no full build in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const cmd = /^CMD \["sh", "-c", "(.+)"\]$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
if (!cmd) {
  console.error('[production-install] the Dockerfile has no CMD ["sh", "-c", "…"] line');
  process.exit(1);
}

const app = mkdtempSync(join(tmpdir(), 'claimdesk-production-'));
const started = Date.now();
// The build folder may be NEXT_DIST_DIR: the image always has it as .next.
const runCmd = cmd.replaceAll('.next/', `${dist}/`);
for (const path of ['package.json', 'package-lock.json', 'scripts/prisma-generate.mjs', 'next.config.js', 'prisma/migrations', 'prisma/fixtures']) {
  cpSync(join(root, path), join(app, path), { recursive: true });
}
cpSync(join(root, dist), join(app, dist), { recursive: true, filter: (src) => !src.includes(`${dist}/cache`) });
log(`artefact in ${app}; npm ci --omit=dev …`);
const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app, stdio: 'inherit' });
if (install.status !== 0) {
  fail(`npm ci --omit=dev exited ${install.status}`);
  process.exit(1);
}
for (const dev of ['tsx', 'vitest', 'esbuild', 'eslint']) if (existsSync(join(app, 'node_modules', dev))) fail(`${dev} (a dev dependency) is installed: not a production install`);
log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const serverUrl = process.env.TEST_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
const dbName = `claimdesk_prodinstall_${Date.now().toString(36)}`;
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  DATABASE_URL: url.toString(),
  AUTH_SECRET: 'production-install-check-0123456789abcdef',
  PORT: String(port),
  HOST: '127.0.0.1',
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: dist,
};
const node = (args) => spawnSync('node', args, { cwd: app, env, encoding: 'utf8' });
let server = null;
try {
  log(`running the Dockerfile's CMD: ${runCmd}`);
  server = spawn('sh', ['-c', runCmd], { cwd: app, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  let health = null;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && server.exitCode === null; ) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      health = { status: res.status, body: await res.json() };
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`health: ${JSON.stringify(health)}`);
  if (health?.status !== 200 || health.body.migrations !== 'current') fail('health is not 200 / migrations current');

  const created = node([`${dist}/cli/user.mjs`, 'create', '--email', 'it@prod.check', '--name', 'IT', '--role', 'ADMIN', '--password', 'production-check-pw']);
  if (created.status !== 0) fail(`user.mjs create exited ${created.status}: ${created.stderr}`);
  const minted = node([`${dist}/cli/user.mjs`, 'token', '--email', 'it@prod.check']);
  const token = minted.stdout.trim().split('\n').at(-1);
  if (minted.status !== 0 || !token) fail(`user.mjs token exited ${minted.status}: ${minted.stderr}`);
  // A fresh connection: the health poll's keep-alive socket may be closing by now (5 s idle timeout).
  const list = await fetch(`http://127.0.0.1:${port}/api/articles`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } }).catch(() =>
    fetch(`http://127.0.0.1:${port}/api/articles`, { headers: { authorization: `Bearer ${token}` } }),
  );
  log(`GET /api/articles with the new token → ${list.status}, X-Request-Id ${list.headers.get('x-request-id')}`);
  if (list.status !== 200) fail(`GET /api/articles answered ${list.status}`);

  // Documents are parsed by the compiled heavy worker (<dist>/cli/heavy-worker.mjs) with the production install's packages.
  const pdf = await PDFDocument.create();
  pdf.setTitle('Production check report');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Convoys were stopped at the river crossing twice this week.', { x: 56, y: 760, size: 11, font });
  const page = '<!doctype html><html><head><title>Crossing reopens</title><meta property="og:site_name" content="The Ledger"></head><body><nav><a href="/">Home</a></nav><article><h1>Crossing reopens</h1><p>The northern crossing reopened on Monday after an eleven-day closure, officials said.</p><p>Grain shipments resumed under escort.</p></article></body></html>';
  for (const [name, bytes, format] of [['report.pdf', await pdf.save(), 'pdf'], ['page.html', new TextEncoder().encode(page), 'html']]) {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    const res = await fetch(`http://127.0.0.1:${port}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${token}`, connection: 'close' }, body: form });
    const body = await res.json().catch(() => null);
    log(`POST /api/articles with ${name} → ${res.status} ${JSON.stringify(body?.version ?? body?.error ?? null)}`);
    if (res.status !== 201 || body?.version?.format !== format) fail(`importing ${name} answered ${res.status} (format ${body?.version?.format})`);
  }

  const signalled = Date.now();
  server.kill('SIGTERM');
  const code = await exited;
  log(`SIGTERM → exit ${code} in ${Date.now() - signalled} ms`);
  if (code !== 0) fail(`the server exited ${code} after SIGTERM`);
} finally {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  rmSync(app, { recursive: true, force: true });
}
log(process.exitCode ? 'FAILED' : `PASS in ${((Date.now() - started) / 1000).toFixed(0)} s`);
