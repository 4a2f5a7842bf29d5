import { json } from '@/lib/api/respond';
import { readJson } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { updateAnnotationSchema } from '@/lib/annotations/annotation-schemas';
import { deleteAnnotation } from '@/lib/annotations/server/delete-annotation';
import { readAnnotation } from '@/lib/annotations/server/get-annotation';
import { updateAnnotation } from '@/lib/annotations/server/update-annotation';
import { db } from '@/lib/db/server/prisma';

export const GET = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ annotation: await readAnnotation(db, actor, params.id) }));

/** Author-only edit with optimistic concurrency: a stale `revision` → 409 with the current annotation. */
export const PATCH = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const input = await readJson(req, updateAnnotationSchema);
  return json({ annotation: await updateAnnotation(db, actor, params.id, input) });
});

/** Soft delete (author or admin) → 204. */
export const DELETE = authedRoute<{ id: string }>(async (_req, { actor, params }) => {
  await deleteAnnotation(db, actor, params.id);
  return new Response(null, { status: 204 });
});
