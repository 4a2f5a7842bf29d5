// Prints the SQL that turns one schema.prisma into another, offline, with Prisma 6.19's WASM engine.
// Usage: node tools/prisma6/migration-sql.mjs <from.prisma|--empty> <to.prisma>
// Needs a reachable Postgres (DATABASE_URL or postgres@127.0.0.1:5432); nothing in it is changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error('usage: migration-sql.mjs <from.prisma|--empty> <to.prisma>');
  process.exit(2);
}
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(join(tmpdir(), 'prisma6-'));

// Prisma 6 requires `url` in the datasource block, which Prisma 7 forbids: work on copies.
function prisma6Copy(file, name) {
  const src = readFileSync(resolve(file), 'utf8')
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"')
    .replace(/^\s*moduleFormat\s*=.*$/m, '')
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*"postgresql")/, '$1\n  url = env("DATABASE_URL")');
  const out = join(dir, name);
  writeFileSync(out, src);
  return out;
}
const toFile = prisma6Copy(to, 'to.prisma');
const fromArgs = from === '--empty' ? ['--from-empty'] : ['--from-schema-datamodel', prisma6Copy(from, 'from.prisma')];
const config = join(dir, 'prisma.config.ts');
writeFileSync(
  config,
  `import { PrismaPg } from ${JSON.stringify(join(here, 'node_modules/@prisma/adapter-pg/dist/index.js'))};
export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: ${JSON.stringify(toFile)},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(url)} }),
};
`,
);
const env = {
  ...process.env,
  DATABASE_URL: url,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const r = spawnSync(
  process.execPath,
  [join(here, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', '--config', config, ...fromArgs, '--to-schema-datamodel', toFile, '--script'],
  { env, encoding: 'utf8', cwd: dir },
);
if (r.status !== 0) {
  process.stderr.write(r.stderr + r.stdout);
  process.exit(r.status ?? 1);
}
process.stdout.write(r.stdout);
