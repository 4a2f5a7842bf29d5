import 'server-only';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { canReadAnnotation, mayReadAllBlindWork, type Subject } from '@/lib/core/permissions';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import type { Db } from '@/lib/db/server/prisma';
import type { LiveEvent, LiveEventView } from '@/lib/live/live-event';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';

// The part of a viewer's copy of a live event that depends on other articles than the stream's: an
// event is published once, with its claim's provenance counted over every link and its evidence link
// in full, but a link may cite blind work on another article that this viewer may not read. The
// stream knows only its own article's scope (lib/live/live-audience.ts), so it asks here, and only
// for events that can be affected: a claim that has links, or a link citing another article.

type Event = LiveEvent | LiveEventView;

function annotationOf(e: Event): AnnotationDto | undefined {
  return 'annotation' in e ? e.annotation : undefined;
}

function citedElsewhere(e: Event, articleId: string) {
  const cited = 'evidence' in e ? e.evidence.targetAnnotation : null;
  return cited && cited.articleId !== articleId ? cited : null;
}

/** Whether this viewer's copy of the event may differ from the published one (no query: reviewers and admins never). */
export function needsViewerCopy(actor: Subject, articleId: string, e: Event): boolean {
  if (mayReadAllBlindWork(actor)) return false;
  const annotation = annotationOf(e);
  return !!annotation && (annotation.evidenceCount > 0 || citedElsewhere(e, articleId) !== null);
}

/**
 * The events as this viewer may receive them, in order: an evidence event citing an annotation the
 * viewer may not read is left out, and each claim's provenance and evidence count are those of the
 * links the viewer may read (withViewerProvenance, the rule the API's lists apply).
 */
export async function viewerCopies<T extends Event>(db: Db, actor: Subject, articleId: string, events: T[]): Promise<T[]> {
  const pending = events.filter((e) => needsViewerCopy(actor, articleId, e));
  if (pending.length === 0) return events;
  const scopeOf = await scopesOf(db, actor, pending.flatMap((e) => citedElsewhere(e, articleId)?.articleId ?? []));
  const hidden = new Set(
    pending.filter((e) => {
      const cited = citedElsewhere(e, articleId);
      return cited && !canReadAnnotation(actor, { authorId: cited.authorId, deletedAt: null }, scopeOf(cited.articleId)).ok;
    }),
  );
  const annotations = pending.filter((e) => !hidden.has(e)).flatMap((e) => annotationOf(e) ?? []);
  const seen = await withViewerProvenance(db, actor, annotations);
  const copyOf = new Map(annotations.map((a, i) => [a, seen[i]]));
  return events.flatMap((e) => {
    if (hidden.has(e)) return [];
    const annotation = annotationOf(e);
    const copy = annotation && copyOf.get(annotation);
    return copy && copy !== annotation ? [{ ...e, annotation: copy }] : [e];
  });
}
