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
import { hiddenLinkIds } from '@/lib/provenance/server/readable-links';

/**
 * An annotation's audit log, oldest first. Any signed-in user may read it, deleted annotations
 * included; the text of a deleted reply (copied into its created/updated events) is replaced by
 * `"redacted": true` for everyone but admins, so deleting a reply really takes its words away.
 * A colleague's blind work outside the actor's scope is a 404, like everywhere else, and the events
 * of a link citing it from a claim the actor may read are left out (the link is not in that claim's
 * evidence list or provenance for them either).
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
  const hidden = await hiddenLinkIds(db, actor, events.flatMap((e) => linkOf(e) ?? []));
  const deleted = new Set(deletedReplies.map((r) => r.id));
  const redact = (value: JsonValue | null) => (deleted.size > 0 ? redactDeletedReply(value, deleted) : value);
  return mapTotal(
    hidden.size > 0 ? events.filter((e) => !hidden.has(linkOf(e) ?? '')) : events,
    (e) => ({ id: e.id, action: e.action, actor: e.actor, at: isoDate(e.at), before: redact(e.before as JsonValue | null), after: redact(e.after as JsonValue | null) }),
    'history event',
  );
}

/** The evidence link an event is about (evidence_* events carry its id), if any. */
function linkOf(event: { before: unknown; after: unknown }): string | undefined {
  for (const value of [event.before, event.after]) {
    if (typeof value === 'object' && value !== null && 'evidenceId' in value && typeof value.evidenceId === 'string') return value.evidenceId;
  }
  return undefined;
}

function redactDeletedReply(value: JsonValue | null, deleted: ReadonlySet<string>): JsonValue | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const replyId = value.replyId;
  if (typeof replyId !== 'string' || !deleted.has(replyId) || !('body' in value)) return value;
  const { body: _body, ...rest } = value;
  return { ...rest, body: null, redacted: true };
}
