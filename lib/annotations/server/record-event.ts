import 'server-only';
import type { Prisma, Tx } from '@/lib/db/server/prisma';

export type AnnotationAction =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'restored'
  | 'reanchored'
  | 'anchor_confirmed'
  | 'review'
  | 'reopened'
  | 'reply_created'
  | 'reply_updated'
  | 'reply_deleted'
  | 'conflict_resolved'
  | 'regraded';

/** Appends to the audit log; always called inside the transaction that made the change. */
export async function recordEvent(
  tx: Tx,
  event: { annotationId: string; actorId: string; action: AnnotationAction; before?: Prisma.InputJsonValue | null; after?: Prisma.InputJsonValue | null },
): Promise<void> {
  await tx.annotationEvent.create({
    data: {
      annotationId: event.annotationId,
      actorId: event.actorId,
      action: event.action,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
    },
  });
}
