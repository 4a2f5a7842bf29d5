// Run before the app starts: check the configuration, apply migrations, then seed the demo data on an
// empty database.
import { join } from 'node:path';
import { readEnvOrExit } from '@/lib/env';
import { migrate } from '@/lib/db/server/migrate';
import { db, disconnectDb } from '@/lib/db/server/prisma';
import { seed } from '@/lib/db/server/seed';
import { backfillClaimKeys } from '@/lib/matching/server/backfill-claim-keys';

const url = readEnvOrExit().DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set.');
const result = await migrate(url, join(process.cwd(), 'prisma/migrations'));
if (result.applied.length) console.error(`[claimdesk] applied migrations: ${result.applied.join(', ')}`);
if ((await db.user.count()) === 0) {
  const report = await seed(db);
  console.error(`[claimdesk] seeded demo data: ${report.usersCreated} accounts, ${report.articlesCreated} article(s), ${report.annotationsCreated} annotation(s)`);
}
// Annotations written before claim matching existed (or by the seed) get their matching keys.
const keyed = await backfillClaimKeys(db);
if (keyed) console.error(`[claimdesk] claim-matching keys for ${keyed} annotation(s)`);
await disconnectDb();
