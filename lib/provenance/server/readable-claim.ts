import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canLinkEvidence, canReadAnnotation } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';

export type ClaimRef = { id: string; articleId: string; authorId: string; deletedAt: Date | null };

const claimSelect = { id: true, articleId: true, authorId: true, deletedAt: true } as const;

/**
 * The claim an evidence request is about, when the actor may read it; 404 otherwise (an unreadable
 * claim looks exactly like a missing one, so its existence does not leak).
 */
export async function readableClaim(db: Db | Tx, actor: Actor, annotationId: string, { toLink = false } = {}): Promise<ClaimRef> {
  const claim = await db.annotation.findUnique({ where: { id: annotationId }, select: claimSelect });
  if (!claim) throw notFound('The annotation');
  const scope = await loadAnnotationScope(db, actor, claim.articleId);
  const decision = toLink ? canLinkEvidence(actor, claim, scope) : canReadAnnotation(actor, claim, scope);
  if (!decision.ok) throw notFound('The annotation');
  return claim;
}
