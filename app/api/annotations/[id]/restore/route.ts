import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/route';
import { restoreAnnotation } from '@/lib/annotations/restore-annotation';
import { db } from '@/lib/db/prisma';

/** Undo a soft delete: the author within the undo window, an admin at any time → { annotation }. */
export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ annotation: await restoreAnnotation(db, actor, params.id) }));
