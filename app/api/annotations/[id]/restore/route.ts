import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { restoreAnnotation } from '@/lib/annotations/server/restore-annotation';
import { db } from '@/lib/db/server/prisma';

/** Undo a soft delete: the author within the undo window, an admin at any time → { annotation }. */
export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ annotation: await restoreAnnotation(db, actor, params.id) }));
