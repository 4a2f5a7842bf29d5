import 'server-only';

/**
 * What a graceful stop has to close, registered by whoever opens it: open event streams (closed
 * first, with a reconnect hint, so the HTTP server can drain) and long-lived resources (the LISTEN
 * connection, then the database pool, once no request is left). scripts/serve.ts drives it on
 * SIGTERM. The registry lives on globalThis because Next bundles a module once per server layer
 * and the server entry is bundled apart: every copy must see the same streams and pools.
 */
type Resource = { name: string; order: number; close: () => Promise<void> };
type Registry = { stopping: boolean; streams: Set<() => void>; resources: Map<string, Resource> };

const KEY = Symbol.for('claimdesk.lifecycle');

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { stopping: false, streams: new Set(), resources: new Map() });
}

export function isStopping(): boolean {
  return registry().stopping;
}

/** Registers an open stream's closer; returns its unregister. A stream opened while stopping is closed at once. */
export function onStop(closeStream: () => void): () => void {
  const r = registry();
  if (r.stopping) {
    queueMicrotask(closeStream);
    return () => undefined;
  }
  r.streams.add(closeStream);
  return () => void r.streams.delete(closeStream);
}

/** A resource to close after the requests have drained, lowest `order` first (re-registering replaces). */
export function registerResource(name: string, order: number, close: () => Promise<void>): void {
  registry().resources.set(name, { name, order, close });
}

/** Marks the process as stopping and closes every open stream; returns how many were open. */
export function closeStreams(): number {
  const r = registry();
  r.stopping = true;
  const closers = [...r.streams];
  r.streams.clear();
  for (const close of closers) {
    try {
      close();
    } catch {
      // A stream its client already dropped: nothing left to close.
    }
  }
  return closers.length;
}

/** Closes the registered resources in order; returns the names closed (failures are reported, not thrown). */
export async function closeResources(onError: (name: string, error: unknown) => void = () => undefined): Promise<string[]> {
  const r = registry();
  const closed: string[] = [];
  for (const resource of [...r.resources.values()].sort((a, b) => a.order - b.order)) {
    r.resources.delete(resource.name);
    try {
      await resource.close();
      closed.push(resource.name);
    } catch (error) {
      onError(resource.name, error);
    }
  }
  return closed;
}
