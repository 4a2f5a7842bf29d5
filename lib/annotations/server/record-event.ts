import 'server-only';
import { newRowId } from '@/lib/db/server/new-row-id';
import { Prisma, type Tx } from '@/lib/db/server/prisma';

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

/**
 * Many audit entries in one statement (runWrite's `w.auditMany`), for a bulk write's thousands of
 * rows. Raw SQL: Prisma's createMany compiles its whole payload on the request thread (~0.5 ms a row).
 */
export async function recordEvents(tx: Tx, events: readonly AuditEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.$executeRaw(auditInsertSql(events));
}

/**
 * The INSERT of audit entries, to run alone or as a part (a CTE) of the statement that makes the
 * change they record, so the change and its audit cost one round trip (createAnnotation); with
 * `onlyIf`, only when that SQL condition holds (the change was made).
 */
export function auditInsertSql(events: readonly AuditEvent[], { onlyIf = Prisma.sql`TRUE` }: { onlyIf?: Prisma.Sql } = {}): Prisma.Sql {
  const json = (v: Prisma.InputJsonValue | null | undefined) => (v === null || v === undefined ? null : JSON.stringify(v));
  const ids = events.map(() => newRowId());
  return Prisma.sql`
    INSERT INTO "AnnotationEvent" (id, "annotationId", "actorId", action, before, after)
    SELECT t.id, t.annotation, t.actor, t.action, t.before::jsonb, t.after::jsonb
    FROM unnest(${ids}::text[], ${events.map((e) => e.annotationId)}::text[], ${events.map((e) => e.actorId)}::text[],
                ${events.map((e) => e.action)}::text[], ${events.map((e) => json(e.before))}::text[], ${events.map((e) => json(e.after))}::text[])
      AS t(id, annotation, actor, action, before, after)
    WHERE ${onlyIf}`;
}
