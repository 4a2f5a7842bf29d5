import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { AnnotationScope } from '@/lib/core/permissions';
import { loadAnnotationScope } from '@/lib/assignments/server/read-scope';
import type { Db } from '@/lib/db/server/prisma';
import { liveAudience, liveEventView, type LiveAudience } from '@/lib/live/live-audience';
import type { LiveEvent, LiveEventView, ResyncMessage } from '@/lib/live/live-event';
import { replayEvents, REPLAY_MAX_EVENTS } from '@/lib/live/replay-events';
import { sseMessage } from '@/lib/live/sse';
import { prismaLiveLog, type LiveLog } from '@/lib/live/server/live-log';
import { registerStream, MAX_STREAMS_PER_USER, type StreamEndReason } from '@/lib/live/server/stream-registry';
import { getLiveHub, type LiveHub } from '@/lib/live/server/subscribe';
import { onStop } from '@/lib/lifecycle/server/shutdown';
import { needsViewerCopy, viewerCopies } from '@/lib/live/server/viewer-copies';

export const SSE_RETRY_MS = 2_000;
export const SSE_PING_MS = 15_000;
/** The reconnect delay sent as a server stops (SIGTERM): long enough for another instance to take over. */
export const SSE_STOP_RETRY_MS = 1_000;
/**
 * Bytes queued for a client that does not read (a stalled tab, a dead network path). Past this the
 * stream is closed: the browser reconnects with Last-Event-ID and heals from the log, and the server
 * never holds more than this per connection.
 */
export const SSE_MAX_BUFFERED_BYTES = 256 * 1024;

export type StreamOptions = {
  hub?: LiveHub;
  log?: LiveLog;
  pingMs?: number;
  /** Where the viewer stopped: the `Last-Event-ID` header of a reconnect, or `?since=` of a first connect. */
  after?: number | null;
  maxBufferedBytes?: number;
  /** Open streams one user may hold on this process; the oldest is closed past it. */
  maxStreamsPerUser?: number;
  /** Asked at every ping: false (the user disabled, the token revoked, the session ended) closes the stream. */
  stillAllowed?: () => Promise<boolean>;
  /** The viewer's scope on the article, read at connect and at every `access.changed` (default: from the database). */
  loadScope?: () => Promise<AnnotationScope>;
};

const encoder = new TextEncoder();
/** One serialisation per event and audience, shared by every stream that sends that copy. */
const encoded = new WeakMap<LiveEvent, Map<string, Uint8Array>>();

function encodeFor(event: LiveEvent, audience: Exclude<LiveAudience, null>, own: boolean, scope: AnnotationScope): Uint8Array {
  // A narrowed scope's copy differs only in what scopedAnnotation removes, the same for every narrowed viewer.
  const key = `${audience}${own ? '+own' : ''}${scope.all ? '' : '+narrow'}`;
  let copies = encoded.get(event);
  if (!copies) encoded.set(event, (copies = new Map()));
  let bytes = copies.get(key);
  if (!bytes) copies.set(key, (bytes = encoder.encode(sseMessage(event.type, liveEventView(event, audience, own, scope), String(event.seq)))));
  return bytes;
}

/** Presence messages are the same bytes for every viewer of the same count. */
const presenceBytes = new Map<number, Uint8Array>();
function encodePresence(viewers: number): Uint8Array {
  let bytes = presenceBytes.get(viewers);
  if (!bytes) {
    if (presenceBytes.size > 1_000) presenceBytes.clear();
    presenceBytes.set(viewers, (bytes = encoder.encode(sseMessage('presence', { viewers }))));
  }
  return bytes;
}

/** The Last-Event-ID / since value as a sequence number, or null when absent or not one. */
export function parseSeq(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/**
 * A `text/event-stream` of one article's live events for a signed-in user: `retry` first; then, when
 * the viewer says where it stopped, the events it missed (or a `resync`); then each event as it
 * commits — `event: <type>` / `id: <seq>` / `data: <the viewer's copy>`, filtered for this viewer
 * (lib/live/live-audience.ts) — plus `presence` ({ viewers }) when the number of open streams changes
 * (coalesced, lib/live/server/subscribe.ts) and a comment every 15 s so proxies keep the connection
 * open. Ends when the client goes away (the request's signal aborts), the reader cancels, it stops
 * reading (SSE_MAX_BUFFERED_BYTES), or the user opens more than `maxStreamsPerUser` streams here (the
 * oldest gets `end` { reason } first).
 */
export async function openArticleStream(db: Db, actor: Actor, articleId: string, signal: AbortSignal, options: StreamOptions = {}): Promise<Response> {
  const { hub = getLiveHub(), log = prismaLiveLog(db), pingMs = SSE_PING_MS, after = null, maxBufferedBytes = SSE_MAX_BUFFERED_BYTES, maxStreamsPerUser = MAX_STREAMS_PER_USER, stillAllowed } = options;
  const loadScope = options.loadScope ?? (() => loadAnnotationScope(db, actor, articleId));
  // Every signed-in user may open every article; what each event shows is decided per event below.
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('The article');

  // Subscribe before reading the log: whatever commits meanwhile waits in `early`, nothing falls between.
  let send: ((event: LiveEvent) => void) | null = null;
  let presence: ((viewers: number) => void) | null = null;
  let resync: ((since: number) => void) | null = null;
  let lastSent = 0;
  const early: LiveEvent[] = [];
  const subscription = hub.subscribe(articleId, {
    onEvent: (event) => (send ? send(event) : early.push(event)),
    onPresence: (viewers) => presence?.(viewers),
    onGap: () => resync?.(lastSent),
  });
  let replay: LiveEventView[] | ResyncMessage = [];
  // Read after subscribing: an access change committed meanwhile arrives as an event and reloads it.
  let scope: AnnotationScope;
  try {
    const from = await subscription.ready;
    scope = await loadScope();
    lastSent = from;
    if (after !== null && after !== from) {
      replay = after > from ? replayEvents(actor, scope, after, from, []) : replayEvents(actor, scope, after, from, await log.eventsAfter(articleId, after, { upTo: from, limit: REPLAY_MAX_EVENTS + 1 }));
      if (Array.isArray(replay)) replay = await viewerCopies(db, actor, articleId, replay);
    }
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }

  let close = (_reason?: StreamEndReason) => undefined as void;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        let ping: ReturnType<typeof setInterval> | null = null;
        let deregister = () => undefined as void;
        let offStop = () => undefined as void;
        const onAbort = () => close();
        close = (reason) => {
          if (closed) return;
          // Told why, the tab stops reconnecting (a dropped slow client is not told: it should come back).
          if (reason) write(encoder.encode(sseMessage('end', { reason })));
          closed = true;
          offStop();
          send = presence = resync = null;
          if (ping) clearInterval(ping);
          subscription.unsubscribe();
          deregister();
          signal.removeEventListener('abort', onAbort);
          try {
            controller.close();
          } catch {
            // Already closed or errored by the reader.
          }
        };
        const write = (bytes: Uint8Array) => {
          if (closed) return;
          // desiredSize is the high-water mark (0) minus the bytes still queued for this client.
          if (controller.desiredSize !== null && -controller.desiredSize > maxBufferedBytes) return close();
          try {
            controller.enqueue(bytes);
          } catch {
            close();
          }
        };
        // `own`: a copy made for this viewer alone (viewerCopies), encoded for it rather than shared.
        const deliverNow = (event: LiveEvent, own = false) => {
          if (event.seq <= lastSent) return;
          lastSent = event.seq;
          const audience = liveAudience(actor, event, scope);
          if (!audience) return;
          const mine = event.actorId === actor.id;
          write(own ? encoder.encode(sseMessage(event.type, liveEventView(event, audience, mine, scope), String(event.seq))) : encodeFor(event, audience, mine, scope));
        };
        // An access change reloads the viewer's scope before it and anything after it is sent: events
        // wait in order behind the reload, so none is judged by the scope it no longer has. An event
        // whose copy depends on other articles' blind work (needsViewerCopy) waits in the same queue.
        let queue: Promise<void> | null = null;
        let queued = 0;
        const deliver = (event: LiveEvent) => {
          const copy = needsViewerCopy(actor, articleId, event);
          if (!queue && event.type !== 'access.changed' && !copy) return deliverNow(event);
          queued += 1;
          const run = async () => {
            if (event.type === 'access.changed') {
              try {
                scope = await loadScope();
              } catch {
                return close(); // Unsure what the viewer may read: end the stream; the browser reconnects and reads it afresh.
              }
            }
            if (!copy) return deliverNow(event);
            let copies: LiveEvent[];
            try {
              copies = await viewerCopies(db, actor, articleId, [event]);
            } catch {
              return close(); // As above: unsure what the viewer may read, reconnect and read afresh.
            }
            if (copies.length === 0) lastSent = Math.max(lastSent, event.seq);
            else deliverNow(copies[0], copies[0] !== event);
          };
          queue = (queue ?? Promise.resolve()).then(run).finally(() => {
            queued -= 1;
            if (queued === 0) queue = null;
          });
        };
        write(encoder.encode(`retry: ${SSE_RETRY_MS}\n\n`));
        if (signal.aborted) return close();
        signal.addEventListener('abort', onAbort);
        deregister = registerStream(actor.id, (reason) => close(reason), maxStreamsPerUser);
        // The server is stopping: no `end` (the browser must come back), a short retry, to this or another instance.
        offStop = onStop(() => {
          write(encoder.encode(`: server stopping\nretry: ${SSE_STOP_RETRY_MS}\n\n`));
          close();
        });
        if (Array.isArray(replay)) for (const view of replay) write(encoder.encode(sseMessage(view.type, view, String(view.seq))));
        // No id on a resync: the browser's Last-Event-ID stays where the viewer's data is.
        else write(encoder.encode(sseMessage('resync', replay)));
        for (const event of early.splice(0)) deliver(event);
        send = deliver;
        presence = (viewers) => write(encodePresence(viewers));
        resync = (since) => write(encoder.encode(sseMessage('resync', { type: 'resync', since } satisfies ResyncMessage)));
        presence(hub.viewers(articleId));
        ping = setInterval(() => {
          write(encoder.encode(': ping\n\n'));
          stillAllowed?.().then(
            (ok) => ok || close(),
            () => undefined, // A failed check (database busy) keeps the stream; the next ping asks again.
          );
        }, pingMs);
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
