#!/usr/bin/env node
// `npm test`: typecheck, Vitest (unit + integration on a throwaway database), then a production
// build, the crash-durability check on it, and Playwright in Chromium against `next start` on another
// throwaway database.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;
const only = process.argv[2]; // optional: unit | e2e

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
async function step(name, cmd, args, env) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const code = await run(cmd, args, env);
  results.push({ name, ok: code === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return code === 0;
}

let ok = true;
if (!only || only === 'unit') {
  ok = (await step('typecheck', bin('tsc'), ['--noEmit'])) && ok;
  ok = (await step('lint', bin('eslint'), ['.'])) && ok;
  ok = (await step('import cycles', 'npm', ['run', '-s', 'lint:cycles'])) && ok;
  ok = (await step('vitest (unit + integration)', bin('vitest'), ['run'])) && ok;
}
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    ok = false;
  } else {
    const built = await step('next build', bin('next'), ['build']);
    ok = built && ok;
    // Crash durability of annotation creates on the build just made (tests/reliability/durability.ts).
    if (built) ok = (await step('durability (SIGKILL + retry)', 'node', ['scripts/test-durability.mjs'])) && ok;
    ok = (await step('playwright (e2e)', bin('playwright'), ['test'])) && ok;
  }
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
