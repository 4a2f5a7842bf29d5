import { json } from '@/lib/api/respond';
import { readJson, readQuery } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { createAnnotationSchema, listAnnotationsQuerySchema, readIdempotencyKey } from '@/lib/annotations/annotation-schemas';
import { createAnnotation } from '@/lib/annotations/server/create-annotation';
import { listAnnotations } from '@/lib/annotations/server/list-annotations';
import { db } from '@/lib/db/server/prisma';

/** Annotations on the article's current version, in document order → { annotations }. */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const query = readQuery(req, listAnnotationsQuerySchema);
  return json({ annotations: await listAnnotations(db, actor, params.id, query) });
});

/** A new annotation → 201 { annotation }; a replayed Idempotency-Key → 200 with the first one. */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const idempotencyKey = readIdempotencyKey(req.headers);
  const input = await readJson(req, createAnnotationSchema);
  const { annotation, created } = await createAnnotation(db, actor, params.id, input, { idempotencyKey });
  return json({ annotation }, created ? 201 : 200);
});
