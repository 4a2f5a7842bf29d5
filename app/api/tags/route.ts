import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/prisma';
import { listSourceTags } from '@/lib/tags/list-source-tags';

export const GET = authedRoute(async () => json({ tags: await listSourceTags(db) }));
