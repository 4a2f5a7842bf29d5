#!/usr/bin/env node
// Crash test of annotation creates (tests/reliability/durability.ts): needs a production build
// (`next build`; NEXT_DIST_DIR picks another build folder) and the test Postgres server.
//   node scripts/test-durability.mjs            # scenarios postgres + pglite
//   DURABILITY_SCENARIOS=pglite node scripts/test-durability.mjs
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(join(root, dist, 'BUILD_ID'))) {
  console.error(`[durability] no production build in ${dist}: run \`next build\` first (npm test does).`);
  process.exit(1);
}
const child = spawn(join(root, 'node_modules/.bin/tsx'), ['tests/reliability/durability.ts'], { cwd: root, stdio: 'inherit', env: process.env });
// A hard deadline: a hung server must fail the step, not the whole run.
const deadline = setTimeout(() => {
  console.error('[durability] FAILED: took longer than 240 s');
  child.kill('SIGTERM');
}, 240_000);
child.on('exit', (code, signal) => {
  clearTimeout(deadline);
  process.exit(code ?? (signal ? 1 : 0));
});
