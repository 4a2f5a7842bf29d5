import 'server-only';
import { annotationScope, canReadAnnotation, mayReadAllBlindWork, READ_ALL, type AnnotationScope, type BlindState, type Subject } from '@/lib/core/permissions';
import type { Db, Prisma, Tx } from '@/lib/db/server/prisma';

// The database side of the one visibility rule (lib/core/permissions.ts, annotationScope): loads an
// article's blind state and turns the actor's scope into a Prisma filter. Every query that returns
// annotations (or what they say: counts, spans, replies, verdicts) goes through one of these.

/** An article's blind state: blind mode and the assignees who have submitted (reopened ones have not). */
export async function loadBlindState(db: Db | Tx, articleId: string): Promise<BlindState> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { blind: true, assignments: { where: { submittedAt: { not: null } }, select: { userId: true } } },
  });
  return { blind: article?.blind ?? false, submitted: article?.assignments.map((a) => a.userId) ?? [] };
}

/** The actor's scope on one article; no query for reviewers and admins, who read everything. */
export async function loadAnnotationScope(db: Db | Tx, actor: Subject, articleId: string): Promise<AnnotationScope> {
  if (mayReadAllBlindWork(actor)) return READ_ALL;
  return annotationScope(actor, await loadBlindState(db, articleId));
}

/** The scope as a filter on one article's annotations. */
export function scopeWhere(scope: AnnotationScope): Prisma.AnnotationWhereInput {
  if (scope.all) return {};
  return { OR: [{ authorId: { in: [...scope.authorIds] } }, ...(scope.curated ? [{ curated: true }] : [])] };
}

/** The filter of one article's annotations the actor may read (the scope loaded). */
export async function readableOnArticle(db: Db | Tx, actor: Subject, articleId: string): Promise<Prisma.AnnotationWhereInput> {
  return scopeWhere(await loadAnnotationScope(db, actor, articleId));
}

/**
 * The filter of annotations across articles (the review queue, the library's counts, claim
 * matching): non-blind articles as they are, each blind article narrowed to the actor's scope there.
 * Blind articles are few (those under a double-blind check), so they are listed.
 */
export async function readableAcrossArticles(db: Db | Tx, actor: Subject): Promise<Prisma.AnnotationWhereInput> {
  if (mayReadAllBlindWork(actor)) return {};
  const blind = await db.article.findMany({
    where: { blind: true },
    select: { id: true, assignments: { where: { submittedAt: { not: null } }, select: { userId: true } } },
  });
  if (blind.length === 0) return {};
  return {
    OR: [
      { articleId: { notIn: blind.map((a) => a.id) } },
      ...blind.map((a) => ({ articleId: a.id, ...scopeWhere(annotationScope(actor, { blind: true, submitted: a.assignments.map((s) => s.userId) })) })),
    ],
  };
}

/** The actor's scope per article, for in-memory filtering of annotations from many articles. */
export async function scopesOf(db: Db | Tx, actor: Subject, articleIds: readonly string[]): Promise<(articleId: string) => AnnotationScope> {
  if (mayReadAllBlindWork(actor) || articleIds.length === 0) return () => READ_ALL;
  const blind = await db.article.findMany({
    where: { id: { in: [...new Set(articleIds)] }, blind: true },
    select: { id: true, assignments: { where: { submittedAt: { not: null } }, select: { userId: true } } },
  });
  const scopes = new Map(blind.map((a) => [a.id, annotationScope(actor, { blind: true, submitted: a.assignments.map((s) => s.userId) })]));
  return (articleId) => scopes.get(articleId) ?? READ_ALL;
}

/** Whether the actor may read this annotation row (its article's scope loaded): single reads 404 when not. */
export async function mayReadRow(
  db: Db | Tx,
  actor: Subject,
  row: { articleId: string; authorId: string; curated?: boolean; deletedAt: Date | null },
): Promise<boolean> {
  if (row.deletedAt) return false;
  return canReadAnnotation(actor, row, await loadAnnotationScope(db, actor, row.articleId)).ok;
}
