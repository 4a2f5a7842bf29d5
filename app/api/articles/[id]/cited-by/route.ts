import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { listCitedBy } from '@/lib/provenance/server/list-cited-by';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ evidence: await listCitedBy(db, actor, params.id) }));
