import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import { canChangeBlindWork, canReadAnnotation, type BlindState, type Subject } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { loadAnnotationScope, loadBlindState } from '@/lib/assignments/server/read-scope';

/** Writes on an annotation start here: outside the actor's scope (a colleague's blind work) it does not exist for them. */
export async function assertMayReadAnnotation(db: Db | Tx, actor: Subject, row: { articleId: string; authorId: string; curated?: boolean }): Promise<void> {
  const scope = await loadAnnotationScope(db, actor, row.articleId);
  if (!canReadAnnotation(actor, { ...row, deletedAt: null }, scope).ok) throw notFound('The annotation');
}

/** Creating, editing or deleting one's own annotation of a blind article after submitting: refused until a reviewer reopens. */
export async function assertMayChangeBlindWork(db: Db | Tx, actor: Subject, articleId: string): Promise<void> {
  assertMayChangeBlindWorkIn(actor, await loadBlindState(db, articleId));
}

/** assertMayChangeBlindWork with the article's blind state already read (createAnnotation reads it with the rest of its context). */
export function assertMayChangeBlindWorkIn(actor: Subject, state: BlindState): void {
  const decision = canChangeBlindWork(actor, state);
  if (!decision.ok) throw forbidden(decision.reason);
}
