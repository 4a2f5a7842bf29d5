// Process-wide fan-in of live events, fanned out to the SSE streams of this app instance.
//
// Two sources, one ordered feed per article that someone here is watching:
//  - Postgres LISTEN on one dedicated connection per process: events committed by any app instance;
//  - the in-process bus (local-bus.ts): this instance's own events, right after commit. PGlite
//    (the embedded database) never delivers NOTIFY to another connection, so this is required.
// Each feed hands its subscribers every event exactly once and in sequence order: duplicates (an
// own event arrives through both sources) are dropped by number, and an event that overtakes an
// earlier one (our own commit reported before another instance's NOTIFY) waits briefly for it; a
// number still missing then — or after the LISTEN connection was lost — is read from the replay log.
import 'server-only';
import pg from 'pg';
import { db } from '@/lib/db/server/prisma';
import { registerResource } from '@/lib/lifecycle/server/shutdown';
import { LIVE_CHANNEL } from '@/lib/live/channel';
import type { LiveEvent } from '@/lib/live/live-event';
import { onLocalLiveEvent } from '@/lib/live/server/local-bus';
import { prismaLiveLog, type LiveLog } from '@/lib/live/server/live-log';
import { parseNotifyBody, parseNotifyHeader } from '@/lib/live/notify-payload';

export type LiveSubscriber = {
  onEvent: (event: LiveEvent) => void;
  /**
   * Called with the number of open streams on this article (on this instance) when it changed —
   * coalesced: at most once per `presenceIntervalMs`, however many join or leave meanwhile.
   */
  onPresence?: (viewers: number) => void;
  /** Events up to `seq` are lost to this feed (the log no longer has them): the subscriber must resync. */
  onGap?: (seq: number) => void;
};

export type Subscription = {
  /** The sequence number after which this subscriber receives every event (the article's, when it joined). */
  ready: Promise<number>;
  unsubscribe: () => void;
};

export type LiveHubOptions = {
  /** Where to LISTEN; null turns LISTEN off (the local bus still works). */
  databaseUrl: string | null;
  log?: LiveLog;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long an event that overtook an earlier one waits for it before the log is asked. */
  gapWaitMs?: number;
  /** Presence goes out at most this often per article (default 1 s). */
  presenceIntervalMs?: number;
};

/**
 * Presence is a count, sent at most once a second per article: with a message per join or leave to
 * every viewer, n viewers arriving cost n² messages (1,000 streams of one token stalled the server).
 */
export const PRESENCE_INTERVAL_MS = 1_000;

type Feed = {
  articleId: string;
  subscribers: Set<LiveSubscriber>;
  /** The last number handed to subscribers; null until the article's current number is known. */
  seq: number | null;
  loaded: Promise<number>;
  /** Arrived ahead of seq + 1 (or before seq was known). */
  pending: Map<number, LiveEvent>;
  /** The highest number announced (a NOTIFY too large to carry its event says only its number). */
  announced: number;
  gapTimer: ReturnType<typeof setTimeout> | null;
  filling: boolean;
  presenceTimer: ReturnType<typeof setTimeout> | null;
  /** When presence last went out, and the count it said (nothing is sent when the count is back where it was). */
  presenceAt: number;
  presenceSent: number;
};

export class LiveHub {
  private readonly feeds = new Map<string, Feed>();
  private readonly log: LiveLog;
  private offLocal: (() => void) | null = null;
  private client: pg.Client | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private connectedOnce = false;
  private stopped = false;
  private started = false;
  private listening: Promise<void> = Promise.resolve();
  private markListening: () => void = () => undefined;

  constructor(private readonly options: LiveHubOptions) {
    this.log = options.log ?? prismaLiveLog(db);
  }

  /** Receives every live event of one article, in order, from `ready` on, until unsubscribed. */
  subscribe(articleId: string, subscriber: LiveSubscriber): Subscription {
    this.start();
    const feed = this.feeds.get(articleId) ?? this.openFeed(articleId);
    feed.subscribers.add(subscriber);
    const ready = feed.seq === null ? feed.loaded : Promise.resolve(feed.seq);
    this.schedulePresence(feed);
    let active = true;
    return {
      ready,
      unsubscribe: () => {
        if (!active) return;
        active = false;
        feed.subscribers.delete(subscriber);
        if (feed.subscribers.size === 0 && this.feeds.get(articleId) === feed) {
          this.feeds.delete(articleId);
          if (feed.gapTimer) clearTimeout(feed.gapTimer);
          if (feed.presenceTimer) clearTimeout(feed.presenceTimer);
          return;
        }
        this.schedulePresence(feed);
      },
    };
  }

  viewers(articleId: string): number {
    return this.feeds.get(articleId)?.subscribers.size ?? 0;
  }

  /** Open streams on this instance, all articles. */
  totalViewers(): number {
    let n = 0;
    for (const feed of this.feeds.values()) n += feed.subscribers.size;
    return n;
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
    for (const feed of this.feeds.values()) {
      if (feed.gapTimer) clearTimeout(feed.gapTimer);
      if (feed.presenceTimer) clearTimeout(feed.presenceTimer);
    }
    const client = this.client;
    this.client = null;
    this.markListening();
    await client?.end().catch(() => undefined);
  }

  /** An event from either source; handed on once, in order, if anyone here watches its article. */
  dispatch(event: LiveEvent): void {
    const feed = this.feeds.get(event.articleId);
    if (!feed || (feed.seq !== null && event.seq <= feed.seq)) return;
    feed.pending.set(event.seq, event);
    feed.announced = Math.max(feed.announced, event.seq);
    this.drain(feed);
  }

  /** A number announced without its event (too large for NOTIFY): read from the log at once. */
  private announce(articleId: string, seq: number): void {
    const feed = this.feeds.get(articleId);
    if (!feed || (feed.seq !== null && seq <= feed.seq)) return;
    feed.announced = Math.max(feed.announced, seq);
    this.scheduleFill(feed, 0);
  }

  private openFeed(articleId: string): Feed {
    const feed: Feed = { articleId, subscribers: new Set(), seq: null, loaded: Promise.resolve(0), pending: new Map(), announced: 0, gapTimer: null, filling: false, presenceTimer: null, presenceAt: 0, presenceSent: 0 };
    feed.loaded = this.log.currentSeq(articleId).then(
      (seq) => {
        feed.seq ??= seq;
        // Subscribers so far start here; what waited in `pending` beyond it goes to them next.
        const start = feed.seq;
        this.drain(feed);
        return start;
      },
      (error: unknown) => {
        // Nothing can be ordered without the current number: this feed's subscribers fail to open
        // (the browser retries), and the next subscriber starts a fresh feed.
        if (this.feeds.get(articleId) === feed) this.feeds.delete(articleId);
        throw error;
      },
    );
    // Each subscriber sees the failure through its own `ready`; this keeps it from being unhandled.
    feed.loaded.catch(() => undefined);
    this.feeds.set(articleId, feed);
    return feed;
  }

  private drain(feed: Feed): void {
    if (feed.seq === null) return;
    for (const seq of feed.pending.keys()) if (seq <= feed.seq) feed.pending.delete(seq);
    let next = feed.pending.get(feed.seq + 1);
    while (next) {
      feed.pending.delete(next.seq);
      feed.seq = next.seq;
      for (const subscriber of [...feed.subscribers]) {
        try {
          subscriber.onEvent(next);
        } catch (error) {
          console.error('[claimdesk] live subscriber failed', error);
        }
      }
      next = feed.pending.get(feed.seq + 1);
    }
    if (feed.pending.size > 0 || feed.announced > feed.seq) this.scheduleFill(feed, this.options.gapWaitMs ?? 150);
  }

  private scheduleFill(feed: Feed, delayMs: number): void {
    if (feed.gapTimer || feed.filling || this.stopped) return;
    feed.gapTimer = setTimeout(() => {
      feed.gapTimer = null;
      void this.fill(feed);
    }, delayMs);
    feed.gapTimer.unref?.();
  }

  /** Reads the missing numbers of a feed from the log (also after LISTEN was lost: `upTo` open). */
  private async fill(feed: Feed, { open = false } = {}): Promise<void> {
    if (feed.filling || feed.seq === null || this.feeds.get(feed.articleId) !== feed) return;
    feed.filling = true;
    try {
      const from = feed.seq;
      const upTo = open ? undefined : Math.max(feed.announced, ...feed.pending.keys());
      for (const event of await this.log.eventsAfter(feed.articleId, from, { upTo })) if (event.seq > from) feed.pending.set(event.seq, event);
      if (feed.seq === from && !feed.pending.has(from + 1)) {
        // Numbers are gapless and an event's log row commits with it, so a number the log lacks
        // while a later one is known was pruned: subscribers resync from where they are.
        // (Only an event actually held proves it; a bare announcement the log lacks is not believed.)
        feed.announced = Math.min(feed.announced, Math.max(from, ...feed.pending.keys()));
        const next = feed.pending.size > 0 ? Math.min(...feed.pending.keys()) : Infinity;
        if (Number.isFinite(next)) {
          feed.seq = next - 1;
          for (const subscriber of [...feed.subscribers]) subscriber.onGap?.(next - 1);
        }
      }
    } catch (error) {
      console.error('[claimdesk] live: could not read the replay log', error instanceof Error ? error.message : error);
    } finally {
      feed.filling = false;
    }
    this.drain(feed);
  }

  /** The count goes out once the interval since the last one has passed (at once after a quiet spell). */
  private schedulePresence(feed: Feed): void {
    if (feed.presenceTimer || this.stopped) return;
    const wait = Math.max(0, feed.presenceAt + (this.options.presenceIntervalMs ?? PRESENCE_INTERVAL_MS) - Date.now());
    feed.presenceTimer = setTimeout(() => {
      feed.presenceTimer = null;
      const viewers = feed.subscribers.size;
      if (viewers === feed.presenceSent || this.feeds.get(feed.articleId) !== feed) return;
      feed.presenceSent = viewers;
      feed.presenceAt = Date.now();
      for (const subscriber of [...feed.subscribers]) {
        try {
          subscriber.onPresence?.(viewers);
        } catch (error) {
          console.error('[claimdesk] live subscriber failed', error);
        }
      }
    }, wait);
    feed.presenceTimer.unref?.();
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
      const header = parseNotifyHeader(message.payload);
      // Nobody here watches that article: not even parsed.
      if (!header || !this.feeds.has(header.articleId)) return;
      const event = parseNotifyBody(header);
      if (event) this.dispatch(event);
      else this.announce(header.articleId, header.seq);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.failures = 0;
      // NOTIFYs sent while we were not listening are gone: catch every watched article up from the log.
      if (this.connectedOnce) for (const feed of this.feeds.values()) void this.fill(feed, { open: true });
      this.connectedOnce = true;
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
  if (!globalHub.claimdeskLiveHub) {
    globalHub.claimdeskLiveHub = new LiveHub({ databaseUrl: process.env.CLAIMDESK_LIVE_LISTEN === '0' ? null : (process.env.DATABASE_URL ?? null) });
    // On SIGTERM: after the streams are closed and before the database pool (lib/lifecycle/server/shutdown).
    registerResource('live LISTEN connection', 10, stopLiveHub);
  }
  return globalHub.claimdeskLiveHub;
}

/** Stops the process-wide hub; the next getLiveHub() starts a fresh one. */
export async function stopLiveHub(): Promise<void> {
  const hub = globalHub.claimdeskLiveHub;
  globalHub.claimdeskLiveHub = undefined;
  await hub?.stop();
}
