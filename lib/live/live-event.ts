// The live events of one article, as the write pipeline publishes them and the SSE stream sends them
// (../shared/API.md, "Live"). Each carries the changed object in its API shape, so a viewer updates its
// cache without a request, and the article's sequence number (`seq`, also the SSE `id:`), so a viewer
// that reconnects says where it stopped.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { EvidenceDto } from '@/lib/provenance/evidence-dto';
import type { ReplyDto } from '@/lib/review/reply-dto';
import type { ReviewDto } from '@/lib/review/review-dto';

export const ANNOTATION_EVENT_TYPES = ['annotation.created', 'annotation.updated', 'annotation.deleted', 'annotation.restored', 'annotation.reanchored'] as const;
export const REPLY_EVENT_TYPES = ['reply.created', 'reply.updated', 'reply.deleted'] as const;
export const REVIEW_EVENT_TYPES = ['review.created'] as const;
/**
 * Events that change many annotations at once (a new version re-anchors them all, an import adds
 * hundreds): they carry no objects, the viewer fetches `?since=` the sequence number before them.
 */
export const BULK_EVENT_TYPES = ['version.created', 'annotations.changed', 'access.changed'] as const;
// `access.changed`: who reads what on the article changed (blind mode, an assignment, a submission,
// a reopening — lib/core/permissions.ts annotationScope). Every annotation counts as changed at its
// number, so `?since=` answers each viewer with what it now reads and, in `deleted`, what it no longer does.

/** An evidence link of a claim changed (a verdict on the link is an update): the link next to the claim's new state. */
export const EVIDENCE_EVENT_TYPES = ['evidence.created', 'evidence.updated', 'evidence.deleted'] as const;
export const LIVE_EVENT_TYPES = [...ANNOTATION_EVENT_TYPES, ...REPLY_EVENT_TYPES, ...REVIEW_EVENT_TYPES, ...EVIDENCE_EVENT_TYPES, ...BULK_EVENT_TYPES] as const;

export type AnnotationEventType = (typeof ANNOTATION_EVENT_TYPES)[number];
export type ReplyEventType = (typeof REPLY_EVENT_TYPES)[number];
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];
export type EvidenceEventType = (typeof EVIDENCE_EVENT_TYPES)[number];
export type BulkEventType = (typeof BULK_EVENT_TYPES)[number];
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

type Envelope = {
  /** The article's sequence number: gapless per article, in commit order. */
  seq: number;
  articleId: string;
  /** The id of the changed object (annotation, reply, review or version). */
  id: string;
  actorId: string;
  at: string;
};

export type AnnotationLiveEvent = Envelope & {
  type: AnnotationEventType;
  annotationId: string;
  annotation: AnnotationDto;
  /** The Idempotency-Key of the create, sent only to the author's own streams: their tab swaps its optimistic row. */
  clientKey?: string;
};
export type ReplyLiveEvent = Envelope & { type: ReplyEventType; annotationId: string; reply: ReplyDto; annotation: AnnotationDto };
export type ReviewLiveEvent = Envelope & { type: ReviewEventType; annotationId: string; review: ReviewDto; annotation: AnnotationDto };
export type EvidenceLiveEvent = Envelope & { type: EvidenceEventType; annotationId: string; evidence: EvidenceDto; annotation: AnnotationDto };
export type BulkLiveEvent = Envelope & {
  type: BulkEventType;
  /** Fetch GET …/annotations?since=<since> to catch up (the sequence number before this event). */
  since: number;
  version?: { id: string; number: number };
};

/** An event as published (server side, and the replay log): every object in full. */
export type LiveEvent = AnnotationLiveEvent | ReplyLiveEvent | ReviewLiveEvent | EvidenceLiveEvent | BulkLiveEvent;

/**
 * What one viewer receives: the event, or — for an annotation the viewer may no longer read (deleted,
 * for anyone but an admin) — the same envelope without the object, which says "drop this id".
 * `replayed` marks events re-sent after a reconnect, where earlier events about the same annotation
 * were folded into the last one (its replies and verdicts are refetched if shown).
 */
export type LiveEventView = (LiveEvent | (Omit<AnnotationLiveEvent, 'annotation'> & { annotation?: undefined })) & { replayed?: true };

/** Sent instead of a replay that is too long or reaches past the kept log: fetch `?since=`, or everything when `full`. */
export type ResyncMessage = { type: 'resync'; since: number; full?: true };

/**
 * What a domain write queues (runWrite's `w.live`): the pipeline adds seq, actor, time and the
 * annotation when it is not given, and folds many annotation events of one write into one
 * `annotations.changed`.
 */
export type LiveEventInput =
  | { type: AnnotationEventType; articleId: string; annotationId: string; annotation?: AnnotationDto; clientKey?: string }
  | { type: ReplyEventType; articleId: string; annotationId: string; reply: ReplyDto }
  | { type: ReviewEventType; articleId: string; annotationId: string; review: ReviewDto }
  | { type: EvidenceEventType; articleId: string; annotationId: string; evidence: EvidenceDto }
  | { type: 'version.created'; articleId: string; version: { id: string; number: number } }
  | { type: 'access.changed'; articleId: string };

export function isBulkEvent(event: { type: string }): event is BulkLiveEvent {
  return (BULK_EVENT_TYPES as readonly string[]).includes(event.type);
}
