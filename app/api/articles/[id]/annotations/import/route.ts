import { parseJsonText, readText } from '@/lib/api/read-body';
import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { importAnnotations } from '@/lib/export/server/import-annotations';

export const runtime = 'nodejs';

/** W3C AnnotationCollection / AnnotationPage / Annotation / array, at most 1 MB (413 beyond). */
export const POST = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const document = parseJsonText(await readText(req), 'Send a W3C AnnotationCollection, AnnotationPage, Annotation or an array of annotations.');
  const summary = await importAnnotations(db, actor, params.id, document);
  return json(summary, 201);
});
