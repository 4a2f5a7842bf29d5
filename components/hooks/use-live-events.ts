'use client';

// Live updates for one article over Server-Sent Events (../shared/API.md, "Live"). Each event carries
// the changed annotation and the article's sequence number: it is applied to the list in the query
// cache (setQueryData) in sequence order, never by refetching the list. The stream continues from the
// list's own sequence number (`?since=`); after a reconnect the browser's Last-Event-ID makes the
// server replay what was missed, or answer `resync`, healed here with a `?since=` delta — the whole
// list is fetched again only when the server says the gap cannot be bridged (`resync` with `full`).
import { hashKey, useQueryClient, type Query, type QueryCacheNotifyEvent } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { fetchAnnotationChanges, TEMP_ID_PREFIX } from '@/lib/client/annotations-api';
import { notificationKeys } from '@/lib/client/notifications-api';
import { applyAnnotationChanges, applyLiveEvent } from '@/lib/live/live-cache';
import { EVIDENCE_EVENT_TYPES, isBulkEvent, LIVE_EVENT_TYPES, REPLY_EVENT_TYPES, REVIEW_EVENT_TYPES, type EvidenceLiveEvent, type LiveEventView, type ResyncMessage } from '@/lib/live/live-event';
import { dropEvidence, putEvidence } from '@/components/hooks/use-provenance';

export type LiveState = { connected: boolean; viewers: number | null; viewerNames: string[] };

/** What the stream sends besides events: `presence` (how many view the article), `resync` and `end`. */
type PresenceMessage = { viewers: number; names?: string[] };

/** Applied events kept to re-apply over a list read that started before they committed. */
const KEEP_APPLIED = 200;
const REOPEN_MS = 2_000;

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function isEventView(data: unknown, articleId: string): data is LiveEventView {
  if (!data || typeof data !== 'object') return false;
  const e = data as { type?: unknown; seq?: unknown; articleId?: unknown };
  return (LIVE_EVENT_TYPES as readonly unknown[]).includes(e.type) && typeof e.seq === 'number' && e.articleId === articleId;
}

function isEvidenceEvent(event: LiveEventView): event is EvidenceLiveEvent {
  return (EVIDENCE_EVENT_TYPES as readonly string[]).includes(event.type) && 'evidence' in event && Boolean(event.evidence);
}

export function useLiveEvents(articleId: string, options: { initialSeq?: number; currentUserId?: string } = {}): LiveState {
  const client = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ connected: false, viewers: null, viewerNames: [] });
  const { initialSeq, currentUserId } = options;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const listKey = annotationKeys.byArticle(articleId);
    const listHash = hashKey(listKey);
    const seqKey = annotationKeys.listSeq(articleId);
    const liveKey = annotationKeys.live(articleId);
    if (initialSeq !== undefined && client.getQueryData<number>(seqKey) === undefined) client.setQueryData(seqKey, initialSeq);

    /** The last sequence number the cached list reflects; null until the list (and so its number) is known. */
    let seq: number | null = client.getQueryData<number>(seqKey) ?? null;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let disposed = false;
    const applied: LiveEventView[] = [];
    // Events and deltas are handled one after another, in arrival order (the server sends them in sequence order).
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (step: () => void | Promise<void>) => {
      chain = chain.then(step).catch((error: unknown) => console.error('[claimdesk] live update failed', error));
    };

    const setList = (update: (list: AnnotationDto[]) => AnnotationDto[]) => {
      if (client.getQueryData(listKey) === undefined) return; // not loaded yet: its fetch brings the state
      client.setQueryData<AnnotationDto[]>(listKey, (list) => update(list ?? []));
    };
    // Queries about one annotation (its replies, verdicts, history) are small: refetched only if shown.
    const touches = (ids: string[]) => (query: Query) =>
      query.queryHash !== listHash && query.queryKey.some((part) => typeof part === 'string' && ids.includes(part));

    const apply = (event: LiveEventView) => {
      if (seq !== null && event.seq <= seq) return; // already in the list (replayed, or both sources)
      if (isBulkEvent(event)) {
        // Many annotations changed at once (a new version, an import): one delta instead of the objects.
        const since = seq ?? event.since;
        if (event.type === 'version.created') {
          void client.invalidateQueries({ predicate: (q) => q.queryHash !== listHash && touches([articleId])(q) });
          router.refresh();
        }
        return heal(since);
      }
      setList((list) => applyLiveEvent(list, event, TEMP_ID_PREFIX));
      if (isEvidenceEvent(event)) {
        // The link itself goes into its claim's evidence list (the claim's new state came with the list above).
        if (event.type === 'evidence.deleted') dropEvidence(client, event.annotationId, event.evidence.id);
        else putEvidence(client, event.evidence);
      }
      seq = event.seq;
      client.setQueryData(seqKey, seq);
      applied.push(event);
      if (applied.length > KEEP_APPLIED) applied.shift();
      const ids = [event.annotationId, event.id];
      if (event.type === 'annotation.deleted' || event.type === 'annotation.restored') ids.push(articleId);
      void client.invalidateQueries({ predicate: touches(ids) });
      // A colleague's reply or verdict on one of this viewer's claims is a notification: the bell
      // learns of it from the stream instead of polling for it.
      if (currentUserId && isActivityFor(event, currentUserId)) void client.invalidateQueries({ queryKey: notificationKeys.all });
    };

    /** Brings the list up to date from `since` with one `?since=` request; retried while the server is away. */
    const heal = async (since: number): Promise<void> => {
      for (let attempt = 0; !disposed; attempt++) {
        try {
          const changes = await fetchAnnotationChanges(articleId, since);
          if (disposed) return;
          setList((list) => applyAnnotationChanges(list, changes));
          seq = Math.max(seq ?? 0, changes.seq);
          client.setQueryData(seqKey, seq);
          return;
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, REOPEN_MS));
        }
      }
    };

    const refetchAll = () => {
      seq = null;
      applied.length = 0;
      void client.invalidateQueries({ queryKey: listKey, exact: true });
    };

    const onEvent = (message: MessageEvent<string>) => {
      const data = parse(message.data);
      if (isEventView(data, articleId)) enqueue(() => apply(data));
    };
    const onResync = (message: MessageEvent<string>) => {
      const data = parse(message.data) as ResyncMessage | null;
      if (!data || typeof data.since !== 'number') return;
      enqueue(() => (data.full || seq === null ? refetchAll() : heal(Math.min(seq, data.since))));
    };
    const onPresence = (message: MessageEvent<string>) => {
      const data = parse(message.data) as PresenceMessage | null;
      if (!data || typeof data.viewers !== 'number') return;
      setState((s) => ({ ...s, viewers: data.viewers, viewerNames: Array.isArray(data.names) ? data.names.filter((n) => typeof n === 'string') : [] }));
    };
    const setConnected = (connected: boolean) => {
      client.setQueryData(liveKey, connected);
      setState((s) => (s.connected === connected ? s : { ...s, connected }));
    };

    const open = () => {
      if (disposed || seq === null) return;
      // `since` only matters on this first request: the browser's own reconnects send Last-Event-ID, which wins.
      const es = new EventSource(`/api/articles/${encodeURIComponent(articleId)}/events?since=${seq}`);
      source = es;
      es.addEventListener('open', () => setConnected(true));
      es.addEventListener('error', () => {
        setConnected(false);
        // The browser retries by itself after a network error, but gives up on an HTTP error (a
        // restarting server's 502/503): then a new stream continues from what the list holds.
        if (es.readyState === EventSource.CLOSED && !disposed && !reopenTimer) {
          reopenTimer = setTimeout(() => {
            reopenTimer = null;
            if (source === es) enqueue(open);
          }, REOPEN_MS);
        }
      });
      for (const type of LIVE_EVENT_TYPES) es.addEventListener(type, onEvent);
      es.addEventListener('resync', onResync);
      es.addEventListener('presence', onPresence);
      // The server closed this stream for good (the user opened too many elsewhere): stop, and come
      // back only when this tab is looked at again (closing, in turn, the user's oldest stream).
      es.addEventListener('end', () => {
        es.close();
        if (source === es) source = null;
        ended = true;
        setConnected(false);
      });
    };
    let ended = false;
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !ended || source) return;
      ended = false;
      enqueue(open);
    };
    document.addEventListener('visibilitychange', onVisible);

    // A list read (first load, a full refetch, any other refetch) lands with its own number: events
    // already applied that it predates are applied again over it; the stream opens once a number is known.
    const onCache = (event: QueryCacheNotifyEvent) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
      if (event.query.queryHash !== listHash) return;
      const listSeq = client.getQueryData<number>(seqKey);
      if (listSeq === undefined) return;
      enqueue(() => {
        const ahead = seq ?? 0;
        if (listSeq < ahead) setList((list) => applied.filter((e) => e.seq > listSeq).reduce((l, e) => applyLiveEvent(l, e, TEMP_ID_PREFIX), list));
        seq = Math.max(listSeq, seq ?? 0);
        if (!source && !ended) open();
      });
    };
    const offCache = client.getQueryCache().subscribe(onCache);
    if (seq !== null) open();

    return () => {
      disposed = true;
      offCache();
      document.removeEventListener('visibilitychange', onVisible);
      if (reopenTimer) clearTimeout(reopenTimer);
      source?.close();
      client.setQueryData(liveKey, false);
    };
  }, [articleId, client, router, initialSeq, currentUserId]);

  return state;
}

/** A reply or a verdict by someone else on an annotation the viewer wrote. */
function isActivityFor(event: LiveEventView, userId: string): boolean {
  if (event.actorId === userId || !('annotation' in event) || !event.annotation) return false;
  const isReplyOrReview = (REPLY_EVENT_TYPES as readonly string[]).includes(event.type) || (REVIEW_EVENT_TYPES as readonly string[]).includes(event.type);
  return isReplyOrReview && event.annotation.author.id === userId;
}
