import 'server-only';
import type { LiveEvent } from '@/lib/live/live-event';

type Listener = (event: LiveEvent) => void;

/**
 * In-process fan-out of live events. Postgres LISTEN/NOTIFY carries events between app instances;
 * this bus also receives each instance's own events directly after commit, because the embedded
 * database (PGlite) does not deliver NOTIFY to other connections. Subscribers dedupe by eventId.
 */
const globalBus = globalThis as unknown as { claimdeskLiveListeners?: Set<Listener> };
const listeners = (globalBus.claimdeskLiveListeners ??= new Set<Listener>());

export function onLocalLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call only after the transaction that published the events has committed (runWrite does). */
export function emitAfterCommit(events: LiveEvent[]): void {
  for (const event of events) for (const listener of listeners) listener(event);
}
