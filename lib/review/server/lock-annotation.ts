import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { ReviewStatus } from '@/lib/core/enums';
import type { Tx } from '@/lib/db/server/prisma';

export type LockedAnnotation = {
  id: string;
  articleId: string;
  authorId: string;
  status: ReviewStatus;
  reopenedAt: Date | null;
  revision: number;
  /** Part of the curated layer: readable by analysts who have submitted (annotationScope). */
  curated: boolean;
};

/**
 * Locks a live annotation's row for the rest of the transaction, so verdicts, re-opens and grade
 * changes on one annotation are applied one at a time (a reviewer never ends up with two current
 * verdicts, and the stored status is always derived from the latest set). Deleted → 404.
 */
export async function lockLiveAnnotation(tx: Tx, annotationId: string): Promise<LockedAnnotation> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Annotation" WHERE id = ${annotationId} AND "deletedAt" IS NULL FOR UPDATE`;
  if (locked.length === 0) throw notFound('The annotation');
  return tx.annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: { id: true, articleId: true, authorId: true, status: true, reopenedAt: true, revision: true, curated: true },
  });
}
