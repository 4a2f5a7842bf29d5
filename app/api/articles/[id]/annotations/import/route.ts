import { readText } from '@/lib/api/read-body';
import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { importAnnotations } from '@/lib/export/server/import-annotations';

export const runtime = 'nodejs';

/**
 * W3C AnnotationCollection / AnnotationPage / Annotation / array, at most 1 MB (413 beyond). The
 * body is parsed in the heavy-work pool with the rest of the import, not on the request thread.
 */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const summary = await importAnnotations(db, actor, params.id, await readText(req));
  return json(summary, 201);
});
