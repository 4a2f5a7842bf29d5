import { db, disconnectDb } from '@/lib/db/server/prisma';
import { seed } from '@/lib/db/server/seed';

const report = await seed(db);
console.log(`Seed: ${report.tagsCreated} tag(s), ${report.usersCreated} user(s), ${report.articlesCreated} article(s), ${report.annotationsCreated} demo annotation(s) created.`);
await disconnectDb();
