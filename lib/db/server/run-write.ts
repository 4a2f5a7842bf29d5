import 'server-only';
import { recordEvent, recordEvents, type AuditEvent } from '@/lib/annotations/server/record-event';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma, Tx } from '@/lib/db/server/prisma';
import type { LiveEvent, LiveEventInput } from '@/lib/live/live-event';
import { emitAfterCommit } from '@/lib/live/server/local-bus';
import { publishLiveEvents } from '@/lib/live/server/publish';

/** What a domain write gets: the transaction, and the two side channels every change feeds. */
export type Write = {
  readonly tx: Tx;
  /** Appends to the audit log inside this transaction, as the acting user. */
  audit(event: Omit<AuditEvent, 'actorId'>): Promise<void>;
  /** `audit` for many events at once (one statement per call: a bulk write passes them in chunks). */
  auditMany(events: ReadonlyArray<Omit<AuditEvent, 'actorId'>>): Promise<void>;
  /**
   * Queues a live event for the article's viewers. Nothing leaves before the commit: queued events
   * are published as the transaction's last statements (numbered, logged for replay, NOTIFY) and
   * never for a write that rolls back. Pass the annotation's DTO when it is at hand; else it is loaded.
   */
  live(event: LiveEventInput): void;
  /** Appends to the tag vocabulary's audit log inside this transaction, as the acting user. */
  auditTag(event: TagAuditEvent): Promise<void>;
  /** Appends to an article's audit log (blind mode, assignments, submissions) inside this transaction. */
  auditArticle(event: ArticleAuditEvent): Promise<void>;
};

export type ArticleAuditEvent = {
  articleId: string;
  action: 'blind_on' | 'blind_off' | 'assigned' | 'unassigned' | 'due_changed' | 'submitted' | 'reopened' | 'details_changed';
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

export type TagAuditEvent = {
  tagId: string;
  action: 'created' | 'updated' | 'moved' | 'archived' | 'unarchived';
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

export type WriteOptions = {
  /** Longest the transaction may run (re-anchoring a whole article takes longer than a single edit). */
  timeoutMs?: number;
};

/**
 * The one way a domain function changes data. `work` decides who may act, reads what it needs and
 * writes through `w.tx`; its audit events share the transaction; its live events go out with the
 * commit (pg_notify, which Postgres delivers to every app instance only if the transaction commits)
 * and to this instance's streams right after it. A thrown error rolls everything back.
 *
 * `actor` is null for the trusted command line, which neither audits nor publishes.
 */
export async function runWrite<T>(db: Db, actor: Pick<Actor, 'id'> | null, work: (w: Write) => Promise<T>, { timeoutMs = 20_000 }: WriteOptions = {}): Promise<T> {
  let published: LiveEvent[] = [];
  const result = await db.$transaction(
    async (tx) => {
      const queued: LiveEventInput[] = [];
      const write: Write = {
        tx,
        audit: (event) => recordEvent(tx, { ...event, actorId: actingId(actor) }),
        auditMany: (events) => recordEvents(tx, events.map((event) => ({ ...event, actorId: actingId(actor) }))),
        live: (event) => void queued.push(event),
        auditTag: async ({ before, after, ...event }) => {
          await tx.tagEvent.create({ data: { ...event, actorId: actingId(actor), before: before ?? undefined, after: after ?? undefined } });
        },
        auditArticle: async ({ before, after, ...event }) => {
          await tx.articleEvent.create({ data: { ...event, actorId: actingId(actor), before: before ?? undefined, after: after ?? undefined } });
        },
      };
      const value = await work(write);
      if (queued.length) published = await publishLiveEvents(tx, actingId(actor), queued);
      return value;
    },
    { maxWait: 10_000, timeout: timeoutMs },
  );
  emitAfterCommit(published);
  return result;
}

function actingId(actor: Pick<Actor, 'id'> | null): string {
  if (!actor) throw new Error('A write without an acting user cannot be audited or published.');
  return actor.id;
}
