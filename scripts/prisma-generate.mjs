// `prisma generate` offline: Prisma 7's CLI wants to download a native schema engine it does not
// run for generate. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// A production install (`npm ci --omit=dev`, the Dockerfile's production-deps stage) needs no client:
// the build already contains it. It may lack the schema, and npm may still install the CLI as
// @prisma/client's peer dependency, so look for both.
if (!existsSync(join(root, 'prisma/schema.prisma')) || !existsSync(join(root, 'node_modules/prisma/build/index.js'))) {
  console.error('[claimdesk] prisma generate skipped: no schema or no Prisma CLI here (a production install; the build contains the client).');
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
