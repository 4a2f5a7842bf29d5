import { authedRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { db } from '@/lib/db/prisma';
import { reopenAnnotation } from '@/lib/review-server/reopen-annotation';

export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ annotation: await reopenAnnotation(db, actor, params.id) }));
