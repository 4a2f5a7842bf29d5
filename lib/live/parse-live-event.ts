import { LIVE_EVENT_TYPES, type LiveEvent } from '@/lib/live/live-event';

/** A NOTIFY payload as a LiveEvent, or null if it is not one (the channel is not trusted blindly). */
export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  if (!payload) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!isString(e.eventId) || !isString(e.articleId) || !isString(e.id) || !isString(e.actorId) || !isString(e.at)) return null;
  if (!(LIVE_EVENT_TYPES as readonly unknown[]).includes(e.type)) return null;
  if (e.annotationId !== undefined && !isString(e.annotationId)) return null;
  return {
    eventId: e.eventId,
    type: e.type as LiveEvent['type'],
    articleId: e.articleId,
    id: e.id,
    ...(e.annotationId === undefined ? {} : { annotationId: e.annotationId }),
    actorId: e.actorId,
    at: e.at,
  };
}
