import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';

export const GET = authedRoute(async () => json({ tags: await listSourceTags(db) }));
