import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { getHistory } from '@/lib/annotations/server/get-history';
import { db } from '@/lib/db/server/prisma';

/** The annotation's audit timeline, oldest first → { events }. */
export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ events: await getHistory(db, actor, params.id) }));
