import { join } from 'node:path';
import { readEnvOrExit } from '@/lib/env';
import { migrate } from '@/lib/db/server/migrate';
import { db, disconnectDb } from '@/lib/db/server/prisma';
import { backfillClaimKeys } from '@/lib/matching/server/backfill-claim-keys';

const url = readEnvOrExit().DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (run through `npm run db:migrate`).');
const result = await migrate(url, join(process.cwd(), 'prisma/migrations'));
console.log(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
    : `Database is up to date (${result.alreadyApplied.length} migration(s) applied).`,
);
const keyed = await backfillClaimKeys(db);
if (keyed) console.log(`Claim-matching keys computed for ${keyed} annotation(s).`);
await disconnectDb();
