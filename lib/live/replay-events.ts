// What a reconnecting viewer is sent for the events it missed (pure; the stream reads them from the log).
import type { AnnotationScope, Subject } from '@/lib/core/permissions';
import { liveAudience, liveEventView } from '@/lib/live/live-audience';
import { isBulkEvent, type LiveEvent, type LiveEventView, type ResyncMessage } from '@/lib/live/live-event';

/** Longest replay sent as events; further behind, the viewer fetches `?since=` instead. */
export const REPLAY_MAX_EVENTS = 500;

/**
 * The missed events `after < seq ≤ upTo` as this viewer receives them, or a resync when they cannot
 * be replayed: the log no longer reaches back (pruned), there are too many, or one of them changed
 * many annotations at once (a new version, an import), which `?since=` answers better anyway.
 *
 * Every event carries its annotation's whole state, so only the last event about each annotation is
 * sent, judged on that last state: a claim created and deleted while the viewer was away reaches it
 * as a bare deletion, never with the text it no longer may read. (Folded replies and verdicts are
 * refetched by the client when shown: the events are marked `replayed`.) `scope` is the viewer's
 * scope now (an access change in between is a bulk event, which resyncs).
 */
export function replayEvents(viewer: Subject, scope: AnnotationScope, after: number, upTo: number, logged: readonly LiveEvent[]): LiveEventView[] | ResyncMessage {
  if (after > upTo) return { type: 'resync', since: after, full: true }; // a number this article never had (another database?)
  const events = logged.filter((e) => e.seq > after && e.seq <= upTo);
  const complete = events.length === upTo - after && events.every((e, i) => e.seq === after + 1 + i);
  if (!complete || events.length > REPLAY_MAX_EVENTS || events.some(isBulkEvent)) return { type: 'resync', since: after };
  const last = new Map<string, LiveEvent>();
  for (const event of events) {
    const key = 'annotationId' in event ? event.annotationId : `${event.type}:${event.id}`;
    last.delete(key); // re-inserted: the Map keeps the order of each annotation's last event
    last.set(key, event);
  }
  const out: LiveEventView[] = [];
  for (const event of last.values()) {
    const audience = liveAudience(viewer, event, scope);
    if (audience) out.push({ ...liveEventView(event, audience, event.actorId === viewer.id, scope), replayed: true });
  }
  return out;
}
