import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { listConflicts } from '@/lib/review/server/list-conflicts';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ conflicts: await listConflicts(db, actor, params.id) }));
