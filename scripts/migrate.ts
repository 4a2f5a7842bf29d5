import { join } from 'node:path';
import { migrate } from '@/lib/db/server/migrate';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set (run through `npm run db:migrate`).');
const result = await migrate(url, join(process.cwd(), 'prisma/migrations'));
console.log(
  result.applied.length
    ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
    : `Database is up to date (${result.alreadyApplied.length} migration(s) applied).`,
);
