// Who receives what of a live event: the stream's per-viewer filter. A viewer gets through the stream
// exactly what it could read through the API, decided by the read rules of lib/core/permissions.ts —
// The viewer's scope on the article (annotationScope: blind mode, submissions) is loaded by the stream
// and reloaded at every `access.changed`.
import { canListDeletedAnnotations, canReadAnnotation, READ_ALL, type AnnotationScope, type Subject } from '@/lib/core/permissions';
import { scopedAnnotation } from '@/lib/annotations/scoped-annotation';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isBulkEvent, type LiveEvent, type LiveEventView } from '@/lib/live/live-event';

/** `full`: the event as published; `removal`: the envelope only (drop this annotation); null: nothing. */
export type LiveAudience = 'full' | 'removal' | null;

function readable(viewer: Subject, scope: AnnotationScope, annotation: AnnotationDto, deletedAt: string | null = annotation.deletedAt) {
  return canReadAnnotation(viewer, { authorId: annotation.author.id, curated: annotation.curated, deletedAt: deletedAt ? new Date(deletedAt) : null }, scope).ok;
}

export function liveAudience(viewer: Subject, event: LiveEvent, scope: AnnotationScope): LiveAudience {
  if (isBulkEvent(event)) return 'full'; // carries no object: "fetch what changed", itself filtered per viewer
  const { annotation } = event;
  // A link to another annotation quotes it: it goes only to viewers who may read that annotation too.
  if ('evidence' in event && event.evidence.targetAnnotation) {
    const cited = event.evidence.targetAnnotation;
    // The viewer's scope is known for this article; one elsewhere is checked against its own article's scope by the stream (lib/live/server/viewer-copies.ts).
    const citedScope = cited.articleId === event.articleId ? scope : READ_ALL;
    if (!canReadAnnotation(viewer, { authorId: cited.authorId, deletedAt: null }, citedScope).ok) return null;
  }
  if (readable(viewer, scope, annotation)) return 'full';
  if (event.type !== 'annotation.deleted') return null;
  // Admins list deleted annotations (to restore them): they get the deleted one in full.
  if (canListDeletedAnnotations(viewer).ok) return 'full';
  // Anyone who could read it until now is told to drop it — its id, never its content.
  return readable(viewer, scope, annotation, null) ? 'removal' : null;
}

/** The viewer's copy of an event; `own`: the viewer made the change (only then does the create's client key go along). */
export function liveEventView(event: LiveEvent, audience: Exclude<LiveAudience, null>, own: boolean, scope: AnnotationScope): LiveEventView {
  if (audience === 'removal' && !isBulkEvent(event)) {
    const { seq, articleId, id, actorId, at, annotationId } = event;
    return { type: 'annotation.deleted', seq, articleId, id, annotationId, actorId, at };
  }
  if (!scope.all && !isBulkEvent(event)) event = { ...event, annotation: scopedAnnotation(event.annotation, scope) };
  if (!own && 'clientKey' in event && event.clientKey !== undefined) {
    const { clientKey: _key, ...rest } = event;
    void _key;
    return rest;
  }
  return event;
}
