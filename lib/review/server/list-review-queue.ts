import 'server-only';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { viewerAnnotations } from '@/lib/annotations/server/viewer-annotations';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { readableAcrossArticles } from '@/lib/assignments/server/read-scope';
import { canReview, mayReadAllBlindWork, type Subject } from '@/lib/core/permissions';
import { getDeskSettings } from '@/lib/review/server/get-desk-settings';
import { loadConflictMap } from '@/lib/annotations/server/annotation-conflicts';
import { quoteContext, type QuoteContext } from '@/lib/review/quote-context';
import type { ReviewQueueQuery } from '@/lib/review/review-schemas';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';

const QUEUE_LIMIT = 500;

export type ReviewQueue = {
  annotations: AnnotationDto[];
  /** annotation id → the paragraph around its quote, for reviewing the claim in context. */
  contexts: Record<string, QuoteContext>;
  /** Article titles by id, for the list. */
  articles: Record<string, string>;
  /** False for analysts while peer review is off: the queue is shown but verdicts would be refused. */
  canReview: boolean;
};

/**
 * Others' live annotations (not deleted, not orphaned) without a current verdict of mine, oldest
 * first, among those the actor may read (a colleague's blind work waits until both submitted). A
 * verdict given before the author re-opened no longer counts, so those come back. Each claim as the
 * actor may see it (lib/annotations/server/viewer-annotations.ts), and `provenance=unlinked` judged on
 * that copy: a claim whose only links cite work the actor may not read is unlinked for them.
 */
export async function listReviewQueue(db: Db, actor: Actor, query: ReviewQueueQuery): Promise<ReviewQueue> {
  const readable = await readableAcrossArticles(db, actor);
  const unlinked = query.provenance === 'unlinked';
  const rows = await db.annotation.findMany({
    where: {
      ...readable,
      deletedAt: null,
      anchorState: { not: 'orphaned' },
      authorId: query.author ? { equals: query.author, not: actor.id } : { not: actor.id },
      ...(query.articleId ? { articleId: query.articleId } : {}),
      ...(query.tag ? { tag: { key: query.tag } } : {}),
      // The same notion of a live link as the claim's provenance state (lib/provenance/live-evidence.ts). For a viewer
      // who may not read every link, only a passage or not_found link (readable with the claim) rules a claim out
      // here; one citing another annotation may be hidden from them, so those claims are judged below.
      ...(unlinked ? { evidence: { none: mayReadAllBlindWork(actor) ? LIVE_EVIDENCE : { ...LIVE_EVIDENCE, targetAnnotationId: null } } } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      ...annotationDtoSelect,
      reopenedAt: true,
      reviews: { where: { reviewerId: actor.id, supersededAt: null }, select: { createdAt: true } },
      version: { select: { text: true } },
      article: { select: { title: true } },
    },
  });
  const waiting = rows.filter((r) => !r.reviews.some((review) => !r.reopenedAt || review.createdAt.getTime() > r.reopenedAt.getTime()));
  const pending = (unlinked ? await unlinkedForViewer(db, actor, waiting) : waiting).slice(0, QUEUE_LIMIT);

  const articleIds = [...new Set(pending.map((r) => r.articleId))];
  const conflicts = new Map<string, string[]>();
  for (const map of await Promise.all(articleIds.map((id) => loadConflictMap(db, id)))) for (const [id, ids] of map) conflicts.set(id, ids);

  const desk = await getDeskSettings(db);
  return {
    annotations: await viewerAnnotations(db, actor, pending.map((r) => toAnnotationDto(r, conflicts.get(r.id) ?? []))),
    contexts: Object.fromEntries(pending.map((r) => [r.id, quoteContext(r.version.text, r.start, r.end)])),
    articles: Object.fromEntries(pending.map((r) => [r.articleId, r.article.title])),
    // Ownership is excluded above, so only the role / peer-review rule can still refuse.
    canReview: canReview({ actor, annotationAuthorId: '', peerReview: desk.peerReview }).ok,
  };
}

/** The rows left whose live links (all citing other annotations, by the query) the actor may read none of. */
async function unlinkedForViewer<T extends AnnotationRow>(db: Db, actor: Subject, rows: T[]): Promise<T[]> {
  const linked = rows.filter((r) => (r.evidence?.length ?? 0) > 0);
  if (linked.length === 0) return rows;
  const seen = await withViewerProvenance(db, actor, linked.map((r) => toAnnotationDto(r)));
  const stillLinked = new Set(seen.filter((a) => a.evidenceCount > 0).map((a) => a.id));
  return rows.filter((r) => !stillLinked.has(r.id));
}
