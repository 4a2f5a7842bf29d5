export const LIVE_EVENT_TYPES = [
  'annotation.created',
  'annotation.updated',
  'annotation.deleted',
  'reply.created',
  'reply.updated',
  'reply.deleted',
  'review.created',
  'version.created',
] as const;

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** What goes over the wire: ids only; clients refetch what they need (no data leaks through the stream). */
export type LiveEvent = { eventId: string; type: LiveEventType; articleId: string; id: string; annotationId?: string; actorId: string; at: string };

/** What a domain write says happened; the write pipeline adds the event id and time. */
export type LiveEventInput = Omit<LiveEvent, 'eventId' | 'at'>;
