import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { AnnotationEventDto } from '@/lib/annotations/annotation-event-dto';
import type { Db } from '@/lib/db/server/prisma';

/** An annotation's audit log, oldest first. Any signed-in user may read it, deleted annotations included. */
export async function getHistory(db: Db, annotationId: string): Promise<AnnotationEventDto[]> {
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, select: { id: true } });
  if (!annotation) throw notFound('The annotation');
  const events = await db.annotationEvent.findMany({
    where: { annotationId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { id: true, action: true, at: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  return events.map((e) => ({ id: e.id, action: e.action, actor: e.actor, at: e.at.toISOString(), before: e.before, after: e.after }));
}
