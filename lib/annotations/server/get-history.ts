import 'server-only';
import { notFound } from '@/lib/api/app-error';
import { isoDate, mapTotal } from '@/lib/api/total-map';
import type { AnnotationEventDto } from '@/lib/annotations/annotation-event-dto';
import type { Actor } from '@/lib/core/actor';
import type { JsonValue } from '@/lib/core/json-value';
import { canReadDeletedContent } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';
import { canReadAnnotation } from '@/lib/core/permissions';

/**
 * An annotation's audit log, oldest first. Any signed-in user may read it, deleted annotations
 * included; the text of a deleted reply (copied into its created/updated events) is replaced by
 * `"redacted": true` for everyone but admins, so deleting a reply really takes its words away.
 * A colleague's blind work outside the actor's scope is a 404, like everywhere else.
 */
export async function getHistory(db: Db, actor: Actor, annotationId: string): Promise<AnnotationEventDto[]> {
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, select: { id: true, articleId: true, authorId: true, curated: true } });
  if (!annotation) throw notFound('The annotation');
  // Deleted ones keep their history; the blind rule is judged as if live.
  if (!canReadAnnotation(actor, { ...annotation, deletedAt: null }, await loadAnnotationScope(db, actor, annotation.articleId)).ok) throw notFound('The annotation');
  const [events, deletedReplies] = await Promise.all([
    db.annotationEvent.findMany({
      where: { annotationId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { id: true, action: true, at: true, before: true, after: true, actor: { select: { id: true, name: true } } },
    }),
    canReadDeletedContent(actor).ok
      ? Promise.resolve([])
      : db.reply.findMany({ where: { annotationId, deletedAt: { not: null } }, select: { id: true } }),
  ]);
  const deleted = new Set(deletedReplies.map((r) => r.id));
  const redact = (value: JsonValue | null) => (deleted.size > 0 ? redactDeletedReply(value, deleted) : value);
  return mapTotal(
    events,
    (e) => ({ id: e.id, action: e.action, actor: e.actor, at: isoDate(e.at), before: redact(e.before as JsonValue | null), after: redact(e.after as JsonValue | null) }),
    'history event',
  );
}

function redactDeletedReply(value: JsonValue | null, deleted: ReadonlySet<string>): JsonValue | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const replyId = value.replyId;
  if (typeof replyId !== 'string' || !deleted.has(replyId) || !('body' in value)) return value;
  const { body: _body, ...rest } = value;
  return { ...rest, body: null, redacted: true };
}
