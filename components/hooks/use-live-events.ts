'use client';

// Live updates for one article over Server-Sent Events: invalidates the queries an event touches,
// tracks who is viewing, and refetches everything after a reconnect so no event is missed.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { LIVE_EVENT_TYPES } from '@/lib/live/live-event';

export type LiveEvent = {
  eventId?: string;
  type: string;
  articleId?: string;
  id?: string;
  annotationId?: string;
  actorId?: string;
  at?: string;
};


export type LiveState = { connected: boolean; viewers: number | null; viewerNames: string[] };

function viewersOf(data: unknown): { count: number; names: string[] } | null {
  if (!data || typeof data !== 'object') return null;
  const viewers = (data as { viewers?: unknown }).viewers;
  if (typeof viewers === 'number') return { count: viewers, names: [] };
  if (Array.isArray(viewers)) {
    const names = viewers
      .map((v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : ''))
      .filter(Boolean);
    return { count: viewers.length, names };
  }
  return null;
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

export function useLiveEvents(articleId: string): LiveState {
  const client = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ connected: false, viewers: null, viewerNames: [] });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/articles/${encodeURIComponent(articleId)}/events`);
    const seen = new Set<string>();
    let hadError = false;

    const touches = (ids: string[]) => (query: Query) => query.queryKey.some((part) => typeof part === 'string' && ids.includes(part));

    const handle = (event: LiveEvent) => {
      if (event.eventId) {
        if (seen.has(event.eventId)) return;
        seen.add(event.eventId);
        if (seen.size > 500) seen.clear();
      }
      if (event.articleId && event.articleId !== articleId) return;
      const annotationId = event.annotationId ?? (event.type.startsWith('annotation.') ? event.id : undefined);
      void client.invalidateQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const ids = [annotationId, event.id].filter((x): x is string => Boolean(x));
      if (ids.length) void client.invalidateQueries({ predicate: touches(ids) });
      if (event.type === 'version.created') {
        void client.invalidateQueries({ predicate: touches([articleId]) });
        router.refresh();
      }
    };

    const onTyped = (message: MessageEvent<string>) => {
      const data = parse(message.data);
      if (message.type === 'presence' || (data && typeof data === 'object' && (data as { type?: unknown }).type === 'presence')) {
        const viewers = viewersOf(data);
        if (viewers) setState((s) => ({ ...s, viewers: viewers.count, viewerNames: viewers.names }));
        return;
      }
      if (!data || typeof data !== 'object') return;
      const event = data as LiveEvent;
      const type = typeof event.type === 'string' ? event.type : message.type;
      if (type === 'message' || type === 'ping') return;
      handle({ ...event, type });
    };

    const onOpen = () => {
      setState((s) => ({ ...s, connected: true }));
      if (hadError) {
        // Events sent while we were disconnected are lost: refetch everything.
        hadError = false;
        void client.invalidateQueries();
      }
    };
    const onError = () => {
      hadError = true;
      setState((s) => ({ ...s, connected: false }));
    };

    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    source.addEventListener('message', onTyped);
    source.addEventListener('presence', onTyped);
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, onTyped);
    return () => source.close();
  }, [articleId, client, router]);

  return state;
}
