// The NOTIFY payload between app instances: "<articleId> <seq> <event JSON>", or without the JSON when
// the event is too large for pg_notify (the listener reads it from the replay log). The header comes
// first so an instance with no viewer of that article drops the message without parsing it.
import { LIVE_EVENT_TYPES, type LiveEvent } from '@/lib/live/live-event';

export function notifyPayload(articleId: string, seq: number, json: string | null): string {
  return `${articleId} ${seq}${json === null ? '' : ` ${json}`}`;
}

export type NotifyHeader = { articleId: string; seq: number; body: string | null };

/** The header of a payload, or null when it is not one of ours (the channel is not trusted blindly). */
export function parseNotifyHeader(payload: string | undefined): NotifyHeader | null {
  if (!payload) return null;
  const first = payload.indexOf(' ');
  if (first <= 0) return null;
  const second = payload.indexOf(' ', first + 1);
  const seqText = second < 0 ? payload.slice(first + 1) : payload.slice(first + 1, second);
  const seq = Number(seqText);
  if (!/^\d+$/.test(seqText) || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { articleId: payload.slice(0, first), seq, body: second < 0 ? null : payload.slice(second + 1) };
}

/** The event in a payload's body, checked to be the one its header announces; null when unreadable. */
export function parseNotifyBody(header: NotifyHeader): LiveEvent | null {
  if (header.body === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(header.body);
  } catch {
    return null;
  }
  return isLiveEvent(raw) && raw.articleId === header.articleId && raw.seq === header.seq ? raw : null;
}

/** The envelope fields every event has (the objects inside come from our own write pipeline). */
export function isLiveEvent(raw: unknown): raw is LiveEvent {
  if (typeof raw !== 'object' || raw === null) return false;
  const e = raw as Record<string, unknown>;
  const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (!isString(e.articleId) || !isString(e.id) || !isString(e.actorId) || !isString(e.at)) return false;
  if (typeof e.seq !== 'number' || !Number.isSafeInteger(e.seq)) return false;
  if (!(LIVE_EVENT_TYPES as readonly unknown[]).includes(e.type)) return false;
  if ('annotationId' in e && typeof e.annotationId === 'string') return typeof e.annotation === 'object' && e.annotation !== null;
  return typeof e.since === 'number';
}
