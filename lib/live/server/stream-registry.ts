import 'server-only';

/**
 * Open SSE streams per user on this process: past the cap the user's oldest stream is closed (told
 * `end` first, so its tab stops reconnecting), so one token cannot hold a thousand streams. Also the
 * handle to close every stream of a user at once (revoked sessions, a disabled account).
 */
export const MAX_STREAMS_PER_USER = 10;

type Close = (reason: StreamEndReason) => void;
export type StreamEndReason = 'too-many-streams' | 'signed-out';

const globalRegistry = globalThis as unknown as { claimdeskLiveStreams?: Map<string, Set<Close>> };
const streams = (globalRegistry.claimdeskLiveStreams ??= new Map());

/** Registers an open stream of `userId` (oldest first); returns its deregistration. */
export function registerStream(userId: string, close: Close, max = MAX_STREAMS_PER_USER): () => void {
  let open = streams.get(userId);
  if (!open) streams.set(userId, (open = new Set()));
  open.add(close);
  for (const oldest of open) {
    if (open.size <= max) break;
    open.delete(oldest);
    oldest('too-many-streams');
  }
  const own = open;
  return () => {
    own.delete(close);
    if (own.size === 0 && streams.get(userId) === own) streams.delete(userId);
  };
}

/** Closes every open stream of `userId` on this process. */
export function closeStreamsOf(userId: string, reason: StreamEndReason = 'signed-out'): void {
  for (const close of [...(streams.get(userId) ?? [])]) close(reason);
}

export function openStreamCount(userId: string): number {
  return streams.get(userId)?.size ?? 0;
}
