// Process-wide fan-in of live events, fanned out to the SSE streams of this app instance.
//
// Two sources, one stream per article:
//  - Postgres LISTEN on one dedicated connection: events committed by any app instance;
//  - the in-process bus (local-bus.ts): this instance's own events, right after commit. PGlite
//    (the embedded database) never delivers NOTIFY to another connection, so this is required.
// With a real Postgres every local event arrives twice, so events are deduplicated by eventId.
import 'server-only';
import pg from 'pg';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import type { LiveEvent } from '@/lib/live/live-event';
import { onLocalLiveEvent } from '@/lib/live/server/local-bus';
import { parseLiveEvent } from '@/lib/live/parse-live-event';
import { RecentIds } from '@/lib/live/recent-ids';

export type LiveSubscriber = {
  onEvent: (event: LiveEvent) => void;
  /** Called with the number of open streams on this article (on this instance) whenever it changes. */
  onPresence?: (viewers: number) => void;
};

export type LiveHubOptions = {
  /** Where to LISTEN; null turns LISTEN off (the local bus still works). */
  databaseUrl: string | null;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export class LiveHub {
  private readonly subscribers = new Map<string, Set<LiveSubscriber>>();
  private readonly seen = new RecentIds(4096);
  private offLocal: (() => void) | null = null;
  private client: pg.Client | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  private started = false;
  private listening: Promise<void> = Promise.resolve();
  private markListening: () => void = () => undefined;

  constructor(private readonly options: LiveHubOptions) {}

  /** Receives every live event of one article until the returned function is called. */
  subscribe(articleId: string, subscriber: LiveSubscriber): () => void {
    this.start();
    let set = this.subscribers.get(articleId);
    if (!set) this.subscribers.set(articleId, (set = new Set()));
    set.add(subscriber);
    this.announcePresence(articleId);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.subscribers.get(articleId);
      if (!current) return;
      current.delete(subscriber);
      if (current.size === 0) this.subscribers.delete(articleId);
      this.announcePresence(articleId);
    };
  }

  viewers(articleId: string): number {
    return this.subscribers.get(articleId)?.size ?? 0;
  }

  /** Resolves once LISTEN is active (immediately when LISTEN is off). */
  ready(): Promise<void> {
    this.start();
    return this.listening;
  }

  /** Closes the LISTEN connection and detaches from the local bus (tests, shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.offLocal?.();
    this.offLocal = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const client = this.client;
    this.client = null;
    this.markListening();
    await client?.end().catch(() => undefined);
  }

  /** Delivers an event to the article's subscribers, once per eventId whichever source brought it. */
  dispatch(event: LiveEvent): void {
    if (!this.seen.add(event.eventId)) return;
    for (const subscriber of [...(this.subscribers.get(event.articleId) ?? [])]) {
      try {
        subscriber.onEvent(event);
      } catch (error) {
        console.error('[claimdesk] live subscriber failed', error);
      }
    }
  }

  private announcePresence(articleId: string): void {
    const set = this.subscribers.get(articleId);
    const viewers = set?.size ?? 0;
    for (const subscriber of [...(set ?? [])]) {
      try {
        subscriber.onPresence?.(viewers);
      } catch (error) {
        console.error('[claimdesk] live subscriber failed', error);
      }
    }
  }

  private start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.offLocal = onLocalLiveEvent((event) => this.dispatch(event));
    if (this.options.databaseUrl) {
      this.listening = new Promise((resolve) => (this.markListening = resolve));
      void this.connect();
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped || !this.options.databaseUrl) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, keepAlive: true, application_name: 'claimdesk-live' });
    this.client = client;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || this.stopped || this.client !== client) return;
      failed = true;
      this.client = null;
      console.error('[claimdesk] live LISTEN connection lost; reconnecting', error instanceof Error ? error.message : error);
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL) return;
      const event = parseLiveEvent(message.payload);
      if (event) this.dispatch(event);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.failures = 0;
      this.markListening();
    } catch (error) {
      fail(error);
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const min = this.options.minBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** this.failures) * (0.75 + Math.random() * 0.5);
    this.failures++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref?.();
  }
}

// One hub per process, kept across hot reloads in development.
const globalHub = globalThis as unknown as { claimdeskLiveHub?: LiveHub };

export function getLiveHub(): LiveHub {
  globalHub.claimdeskLiveHub ??= new LiveHub({ databaseUrl: process.env.CLAIMDESK_LIVE_LISTEN === '0' ? null : (process.env.DATABASE_URL ?? null) });
  return globalHub.claimdeskLiveHub;
}

/** Subscribes to one article's live events on the process-wide hub. */
export function subscribeToArticle(articleId: string, subscriber: LiveSubscriber): () => void {
  return getLiveHub().subscribe(articleId, subscriber);
}

/** Stops the process-wide hub; the next getLiveHub() starts a fresh one. */
export async function stopLiveHub(): Promise<void> {
  const hub = globalHub.claimdeskLiveHub;
  globalHub.claimdeskLiveHub = undefined;
  await hub?.stop();
}
