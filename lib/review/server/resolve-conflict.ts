import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import { canResolveConflicts, canReview } from '@/lib/core/permissions';
import { loadConflictResolutions } from '@/lib/annotations/server/load-conflict-resolutions';
import { openConflicts } from '@/lib/review/open-conflicts';
import { loadLiveSpans } from '@/lib/review/server/live-spans';
import { getAnnotation } from '@/lib/annotations/server/get-annotation';
import { lockLiveAnnotation } from '@/lib/review/server/lock-annotation';
import type { ResolveConflictInput } from '@/lib/review/review-schemas';
import { applyVerdict } from '@/lib/review/server/submit-review';

/**
 * A reviewer settles which tag is right for a claim two analysts tagged differently: an AGREE on
 * the annotation carrying the chosen tag and a DISPUTE suggesting it on the other (skipping
 * whichever the resolver wrote, since nobody reviews their own work), plus 'conflict_resolved'
 * audit events on both. Disputes on the kept annotation that suggested another tag are settled.
 */
export async function resolveConflict(db: Db, actor: Actor, articleId: string, input: ResolveConflictInput): Promise<{ keep: AnnotationDto; other: AnnotationDto }> {
  const decision = canResolveConflicts(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  if (input.keep === input.other) throw new AppError('validation_failed', 'keep and other must be two different annotations.');
  await runWrite(db, actor, async (w) => {
    const { tx, audit } = w;
    // Lock in id order so two resolvers of the same pair cannot deadlock.
    const [first, second] = [input.keep, input.other].sort();
    const lockedFirst = await lockLiveAnnotation(tx, first);
    const lockedSecond = await lockLiveAnnotation(tx, second);
    const keep = lockedFirst.id === input.keep ? lockedFirst : lockedSecond;
    const other = keep === lockedFirst ? lockedSecond : lockedFirst;
    if (keep.articleId !== articleId || other.articleId !== articleId) throw notFound('That annotation on this article');

    const spans = await loadLiveSpans(tx, articleId);
    const conflict = openConflicts(spans, await loadConflictResolutions(tx, articleId)).find((c) => (c.a === keep.id && c.b === other.id) || (c.a === other.id && c.b === keep.id));
    if (!conflict) throw new AppError('conflict', 'These two annotations are not (or no longer) in conflict.');
    const keepTag = spans.find((s) => s.id === keep.id)!.tag;
    const otherTag = spans.find((s) => s.id === other.id)!.tag;
    if (input.tag !== keepTag) {
      throw new AppError('validation_failed', `tag: the kept annotation is tagged "${keepTag}"; send tag "${keepTag}" (or swap keep and other).`, [{ path: 'tag', message: 'must be the kept annotation’s tag' }]);
    }

    // The resolver's own side gets no verdict (nobody reviews their own work), only the audit entry.
    const reviewable = (authorId: string) => canReview({ actor, annotationAuthorId: authorId, peerReview: true }).ok;
    const note = { resolution: 'conflict', keep: keep.id, other: other.id, tag: input.tag };
    if (reviewable(keep.authorId)) {
      const now = new Date();
      await tx.review.updateMany({
        where: { annotationId: keep.id, supersededAt: null, resolvedAt: null, verdict: 'DISPUTE', suggestedTag: { not: null, notIn: [input.tag] } },
        data: { resolvedAt: now },
      });
      await applyVerdict(w, actor, keep, { verdict: 'AGREE', comment: null, suggestedTag: null }, 'conflict_resolved', note);
    } else {
      await audit({ annotationId: keep.id, action: 'conflict_resolved', before: { tag: keepTag }, after: note });
      // No verdict, but its conflicts changed: viewers get its new shape.
      w.live({ type: 'annotation.updated', articleId, annotationId: keep.id });
    }
    if (reviewable(other.authorId)) {
      const comment = `Conflict resolved in favour of ${input.tag}`;
      await applyVerdict(w, actor, other, { verdict: 'DISPUTE', comment, suggestedTag: input.tag }, 'conflict_resolved', note);
    } else {
      await audit({ annotationId: other.id, action: 'conflict_resolved', before: { tag: otherTag }, after: note });
      w.live({ type: 'annotation.updated', articleId, annotationId: other.id });
    }
  });
  return { keep: await getAnnotation(db, input.keep, { includeDeleted: true }), other: await getAnnotation(db, input.other, { includeDeleted: true }) };
}
