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
  | 'regraded'
  | 'evidence_created'
  | 'evidence_updated'
  | 'evidence_deleted'
  | 'evidence_reviewed'
  | 'evidence_reanchored';

export type AuditEvent = {
  annotationId: string;
  actorId: string;
  action: AnnotationAction;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Appends to the audit log inside the transaction that made the change (runWrite's `w.audit`). */
export async function recordEvent(tx: Tx, event: AuditEvent): Promise<void> {
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
