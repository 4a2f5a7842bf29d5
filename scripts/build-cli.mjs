#!/usr/bin/env node
// Compiles the production server entry and the command-line tools to plain ESM in <dist>/cli/
// (dist = NEXT_DIST_DIR or .next), so a production install runs them with `node`, without tsx:
//   serve.mjs (npm start, the container), prepare-db.mjs (migrate + seed an empty database + keys),
//   migrate.mjs, seed.mjs, user.mjs, and heavy-worker.mjs (the thread pool's worker for CPU-heavy
//   work, lib/jobs/server/heavy-worker.ts, loaded by the server from here in production).
// Packages stay external: they are loaded from node_modules, so everything they need at run time
// must be in package.json "dependencies" (tests/unit/deploy/runtime-dependencies.test.ts checks).
// Part of `npm run build`; takes about a second.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, process.env.NEXT_DIST_DIR ?? '.next', 'cli');
const TOOLS = ['serve', 'prepare-db', 'migrate', 'seed', 'user'];

// `server-only` is a build-time marker (Next resolves it to an empty module on the server).
const serverOnly = {
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: { ...Object.fromEntries(TOOLS.map((name) => [name, `scripts/${name}.ts`])), 'heavy-worker': 'lib/jobs/server/heavy-worker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.json',
  sourcemap: true,
  plugins: [serverOnly],
  logLevel: 'warning',
});
console.error(`[build-cli] ${TOOLS.join(', ')}, heavy-worker → ${outdir} in ${Date.now() - started} ms`);
