import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/server/prisma';
import { reopenAnnotation } from '@/lib/review/server/reopen-annotation';

export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ annotation: await reopenAnnotation(db, actor, params.id) }));
