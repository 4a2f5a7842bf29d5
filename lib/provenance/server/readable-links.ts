import 'server-only';
import type { Subject } from '@/lib/core/permissions';
import { canReadAnnotation, mayReadAllBlindWork } from '@/lib/core/permissions';
import { scopesOf } from '@/lib/assignments/server/read-scope';
import type { Db, Tx } from '@/lib/db/server/prisma';

type CitedAnnotation = { articleId: string; authorId: string; curated?: boolean };

/**
 * The links the actor may know of: a link quoting another annotation counts only when the actor may
 * read that annotation in its own article's scope (blind work elsewhere stays hidden, #17). The one
 * filter behind a claim's evidence list, its brief and its provenance chip, so the three agree.
 */
export async function readableLinks<T extends { targetAnnotation: CitedAnnotation | null }>(db: Db | Tx, actor: Subject, rows: readonly T[]): Promise<T[]> {
  const scopeOf = await scopesOf(db, actor, rows.flatMap((r) => (r.targetAnnotation ? [r.targetAnnotation.articleId] : [])));
  return rows.filter((r) => !r.targetAnnotation || canReadAnnotation(actor, { ...r.targetAnnotation, deletedAt: null }, scopeOf(r.targetAnnotation.articleId)).ok);
}

/**
 * Of these links (by id, deleted ones included), those citing an annotation the actor may not read
 * (readableLinks): the claim's history leaves their events out, as its evidence list leaves them out.
 * No query for reviewers and admins.
 */
export async function hiddenLinkIds(db: Db | Tx, actor: Subject, evidenceIds: readonly string[]): Promise<Set<string>> {
  if (mayReadAllBlindWork(actor) || evidenceIds.length === 0) return new Set();
  const rows = await db.evidence.findMany({
    where: { id: { in: [...new Set(evidenceIds)] }, targetAnnotationId: { not: null } },
    select: { id: true, targetAnnotation: { select: { articleId: true, authorId: true, curated: true } } },
  });
  const readable = new Set((await readableLinks(db, actor, rows)).map((r) => r.id));
  return new Set(rows.filter((r) => !readable.has(r.id)).map((r) => r.id));
}
