// `prisma generate` offline: Prisma 7's CLI wants to download a native schema engine it does not
// run for generate. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// A production install (`npm ci --omit=dev`) has no Prisma CLI and needs none: the build already
// contains the generated client.
if (!existsSync(join(root, 'node_modules/prisma/build/index.js'))) {
  console.error('[claimdesk] prisma generate skipped: the Prisma CLI is not installed (production install).');
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
