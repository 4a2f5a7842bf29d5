#!/usr/bin/env node
// Crash tests on a production build: annotation creates across a SIGKILL (tests/reliability/durability.ts),
// live updates across a server restart (tests/reliability/live-restart.ts) and between two app instances
// on one Postgres (tests/reliability/two-instances.ts), a SIGTERM under load on the compiled
// production server (tests/reliability/graceful-stop.ts; compiled here first, about a second), and the
// request thread's latency during heavy imports and exports (tests/reliability/heavy-request.ts).
// Needs a production build (`next build`; NEXT_DIST_DIR picks another build folder) and the test Postgres server.
//   node scripts/test-durability.mjs            # scenarios postgres + pglite
//   DURABILITY_SCENARIOS=pglite node scripts/test-durability.mjs
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(join(root, dist, 'BUILD_ID'))) {
  console.error(`[durability] no production build in ${dist}: run \`next build\` first (npm test does).`);
  process.exit(1);
}
/** Runs one reliability check with a hard deadline: a hung server must fail the step, not the whole run. */
function check(file, seconds) {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--conditions=react-server', file], { cwd: root, stdio: 'inherit', env: process.env });
    const deadline = setTimeout(() => {
      console.error(`[reliability] FAILED: ${file} took longer than ${seconds} s`);
      child.kill('SIGTERM');
    }, seconds * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const durability = await check('tests/reliability/durability.ts', 240);
const liveRestart = await check('tests/reliability/live-restart.ts', 180);
const twoInstances = await check('tests/reliability/two-instances.ts', 180);
// `npm start`'s server entry and the heavy-work worker are compiled by `npm run build`; `npm test` runs `next build` only.
const cli = spawnSync('node', ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit', env: process.env });
const gracefulStop = cli.status === 0 ? await check('tests/reliability/graceful-stop.ts', 120) : 1;
// /api/health under 200 ms while a hostile import, big DOCX exports, a new version's re-anchoring and
// two document imports run (issue #11 item 2), on the compiled server too.
const heavyRequest = cli.status === 0 ? await check('tests/reliability/heavy-request.ts', 300) : 1;
process.exit(durability || liveRestart || twoInstances || gracefulStop || heavyRequest);
