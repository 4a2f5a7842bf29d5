import { db, disconnectDb } from '@/lib/db/prisma';
import { seed } from '@/lib/db/seed';

const report = await seed(db);
console.log(`Seed: ${report.tagsCreated} tag(s), ${report.usersCreated} user(s), ${report.articlesCreated} article(s) created.`);
await disconnectDb();
