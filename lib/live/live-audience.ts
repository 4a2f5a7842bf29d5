// Who receives what of a live event: the stream's per-viewer filter. A viewer gets through the stream
// exactly what it could read through the API, decided by the read rules of lib/core/permissions.ts —
// so when blind annotation narrows canReadAnnotation, the stream follows without a change here.
import { canListDeletedAnnotations, canReadAnnotation, type Subject } from '@/lib/core/permissions';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isBulkEvent, type LiveEvent, type LiveEventView } from '@/lib/live/live-event';

/** `full`: the event as published; `removal`: the envelope only (drop this annotation); null: nothing. */
export type LiveAudience = 'full' | 'removal' | null;

function readable(viewer: Subject, annotation: AnnotationDto, deletedAt: string | null = annotation.deletedAt) {
  return canReadAnnotation(viewer, { authorId: annotation.author.id, articleId: annotation.articleId, deletedAt: deletedAt ? new Date(deletedAt) : null }).ok;
}

export function liveAudience(viewer: Subject, event: LiveEvent): LiveAudience {
  if (isBulkEvent(event)) return 'full'; // carries no object: "fetch what changed", itself filtered per viewer
  const { annotation } = event;
  // A link to another annotation quotes it: it goes only to viewers who may read that annotation too.
  if ('evidence' in event && event.evidence.targetAnnotation) {
    const cited = event.evidence.targetAnnotation;
    if (!canReadAnnotation(viewer, { authorId: cited.authorId, articleId: cited.articleId, deletedAt: null }).ok) return null;
  }
  if (readable(viewer, annotation)) return 'full';
  if (event.type !== 'annotation.deleted') return null;
  // Admins list deleted annotations (to restore them): they get the deleted one in full.
  if (canListDeletedAnnotations(viewer).ok) return 'full';
  // Anyone who could read it until now is told to drop it — its id, never its content.
  return readable(viewer, annotation, null) ? 'removal' : null;
}

/** The viewer's copy of an event; `own`: the viewer made the change (only then does the create's client key go along). */
export function liveEventView(event: LiveEvent, audience: Exclude<LiveAudience, null>, own: boolean): LiveEventView {
  if (audience === 'removal' && !isBulkEvent(event)) {
    const { seq, articleId, id, actorId, at, annotationId } = event;
    return { type: 'annotation.deleted', seq, articleId, id, annotationId, actorId, at };
  }
  if (!own && 'clientKey' in event && event.clientKey !== undefined) {
    const { clientKey: _key, ...rest } = event;
    void _key;
    return rest;
  }
  return event;
}
