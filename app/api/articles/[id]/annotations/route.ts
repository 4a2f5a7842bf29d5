import { json } from '@/lib/api/respond';
import { readJson, readQuery } from '@/lib/api/read-body';
import { authedRoute } from '@/lib/api/server/route';
import { assertSinceAlone, createAnnotationSchema, listAnnotationsQuerySchema, readIdempotencyKey } from '@/lib/annotations/annotation-schemas';
import { createAnnotation } from '@/lib/annotations/server/create-annotation';
import { listAnnotationChanges } from '@/lib/annotations/server/list-annotation-changes';
import { respondAnnotationList } from '@/lib/annotations/server/respond-annotation-list';
import { db } from '@/lib/db/server/prisma';

/**
 * Annotations on the article's current version, in document order → { annotations, seq } (ETag;
 * If-None-Match → 304); with ?since=<seq>, only what changed after it → { annotations, deleted, seq }.
 */
export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const query = readQuery(req, listAnnotationsQuerySchema);
  assertSinceAlone(query);
  if (query.since !== undefined) return json(await listAnnotationChanges(db, actor, params.id, query.since));
  return respondAnnotationList(db, actor, params.id, query, req.headers);
});

/** A new annotation → 201 { annotation }; a replayed Idempotency-Key → 200 with the first one. */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const idempotencyKey = readIdempotencyKey(req.headers);
  const input = await readJson(req, createAnnotationSchema);
  const { annotation, created } = await createAnnotation(db, actor, params.id, input, { idempotencyKey });
  return json({ annotation }, created ? 201 : 200);
});
