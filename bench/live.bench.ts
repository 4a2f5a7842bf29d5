// Live fan-out benchmark (issue 20) against `next start` (production build) on a throwaway Postgres
// database, on an article holding 600 annotations:
//   - browsers: 8 and 32 Chromium viewers (one context, one user each), 10 paced creates through the
//     API by another user: API requests and bytes per event per viewer (Chrome DevTools network
//     events of every viewer, the event stream included), server CPU for the creates ÷ the same creates
//     with nobody watching, and the time until the new highlight is in every viewer's reader (p95);
//   - SSE only (no browser): 200 and 1,000 event streams: server CPU per event and server memory;
//   - two instances: a second `next start` on the next port, the viewer on it, creates on the first:
//     delivery time from the event's commit to the viewer (p95).
// Server CPU and memory are those of the app's whole process group (with-db + next), from /proc.
// Needs a production build: reuses BENCH_DIST_DIR (default .next-bench) or builds it once.
// Env: BENCH_DIST_DIR, BENCH_LIVE_PORT (3160; the second instance uses the next port), CHROMIUM_PATH,
// BENCH_LIVE_VIEWERS (8,32), BENCH_LIVE_STREAMS (200,1000), BENCH_REBUILD=1.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { SseReader } from '@/tests/support/sse-reader';
import { ensureBuild, startApp, type AppServer } from './support/app-server';
import { createUserWithToken, demoArticle, insertAnnotations, newId, percentile, pickSpans, tagIds, withClient, type BenchUser, type Span } from './support/data';
import type { BenchResult } from './types';

export const needsBuild = true;

const DIST = process.env.BENCH_DIST_DIR ?? '.next-bench';
const PORT = Number(process.env.BENCH_LIVE_PORT ?? 3160);
const SECRET = 'bench-live-secret-0123456789abcdef0123456789ab';
const ANNOTATIONS = 600;
const CREATES = 10;
const PACE_MS = 1_000;
/** Live events each viewer gets before the measured ones (BENCH_LIVE_WARM). */
const WARM_EVENTS = Number(process.env.BENCH_LIVE_WARM ?? 3);
/** A comma-separated list of counts; `none` for none. */
const counts = (value: string) => (value === 'none' ? [] : value.split(',').map(Number));
const VIEWERS = counts(process.env.BENCH_LIVE_VIEWERS ?? '8,32');
const STREAMS = counts(process.env.BENCH_LIVE_STREAMS ?? '200,1000');
const READER = '[data-testid="article-reader"]';
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

declare global {
  interface Window {
    __seen?: Record<string, number>;
  }
}

/** The app's process group: CPU seconds so far, and resident memory (MB). */
function groupUsage(app: AppServer): { cpu: number; rssMb: number } {
  const pids = execFileSync('ps', ['-e', '-o', 'pid=,pgid='])
    .toString()
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, pgid]) => pgid === String(app.child.pid))
    .map(([pid]) => pid!);
  let ticks = 0;
  let rssKb = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return { cpu: ticks / TICKS, rssMb: rssKb / 1024 };
}

type Setup = { article: { articleId: string; text: string }; writer: BenchUser; tags: Array<{ id: string; key: string }> };

async function createOne(app: AppServer, setup: Setup, span: Span, i: number): Promise<{ id: string; sentAt: number }> {
  const sentAt = Date.now();
  const res = await fetch(`${app.url}/api/articles/${setup.article.articleId}/annotations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${setup.writer.token}`, 'content-type': 'application/json', 'idempotency-key': newId('live') },
    body: JSON.stringify({ ...span, tag: setup.tags[i % setup.tags.length]!.key }),
  });
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  return { id: ((await res.json()) as { annotation: { id: string } }).annotation.id, sentAt };
}

/** CREATES creates, PACE_MS apart; `after` waits for each to reach whoever watches. Returns server CPU seconds spent. */
async function pacedCreates(app: AppServer, setup: Setup, spans: Span[], after: (created: { id: string; sentAt: number }) => Promise<void>): Promise<number> {
  const before = groupUsage(app).cpu;
  for (let i = 0; i < CREATES; i++) {
    const started = Date.now();
    await after(await createOne(app, setup, spans[i]!, i));
    const rest = PACE_MS - (Date.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
  // The last event's fan-out has finished once every viewer has it (after() waited for that).
  return groupUsage(app).cpu - before;
}

/** `arrived`: when each annotation.created event was dispatched in the page (wall-clock ms; CDP's Network.eventSourceMessageReceived). */
type Viewer = { context: BrowserContext; page: Page; requests: string[]; bytes: number; arrived: Map<string, number> };

async function openViewer(browser: Browser, app: AppServer, user: BenchUser, pageUrl: string): Promise<Viewer> {
  // A session as auth.ts issues one: the user's session version (0 for a new user) and the sign-in time.
  const cookie = await encode({ token: { sub: user.id, name: user.name, sv: 0, authTime: Math.floor(Date.now() / 1000) }, secret: SECRET, salt: SESSION_COOKIE });
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const viewer: Viewer = { context, page, requests: [], bytes: 0, arrived: new Map() };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // CDP's timestamps are the browser's monotonic clock; a request's wallTime beside its timestamp converts them.
  let clockOffsetMs: number | null = null;
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    if (e.eventName !== 'annotation.created' || clockOffsetMs === null) return;
    const id = (JSON.parse(e.data) as { annotationId?: string }).annotationId;
    if (id) viewer.arrived.set(id, e.timestamp * 1000 + clockOffsetMs);
  });
  cdp.on('Network.requestWillBeSent', (e) => {
    clockOffsetMs ??= e.wallTime * 1000 - e.timestamp * 1000;
    if (new URL(e.request.url).pathname.startsWith('/api/')) viewer.requests.push(`${e.request.method} ${e.request.url}`);
  });
  cdp.on('Network.dataReceived', (e) => (viewer.bytes += e.encodedDataLength || e.dataLength));
  await page.goto(pageUrl);
  await page.getByTestId('presence').and(page.locator('.is-live')).waitFor({ timeout: 120_000 });
  await page.locator(`${READER} .cd-highlight`).first().waitFor({ timeout: 120_000 });
  // Every highlight id that appears from now on, with when (a string: tsx would wrap named functions in a helper the page lacks).
  await page.evaluate(`(() => {
    const root = document.querySelector('${READER}');
    const seen = (window.__seen = {});
    const known = new Set(Array.from(root.querySelectorAll('.cd-highlight[data-annotation-id]'), (el) => el.dataset.annotationId));
    // Only what changed is looked at: rescanning every highlight on each mutation would cost the viewer more than its update.
    const note = (el, at) => {
      if (!(el instanceof HTMLElement)) return;
      const id = el.dataset.annotationId;
      if (id && el.classList.contains('cd-highlight') && !known.has(id)) { known.add(id); seen[id] = at; }
    };
    new MutationObserver((records) => {
      const at = performance.timeOrigin + performance.now();
      for (const r of records) {
        if (r.type === 'attributes') note(r.target, at);
        for (const node of r.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          note(node, at);
          for (const el of node.querySelectorAll('.cd-highlight[data-annotation-id]')) note(el, at);
        }
      }
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-annotation-id'] });
  })()`);
  return viewer;
}

async function browserFanOut(browser: Browser, app: AppServer, setup: Setup, users: BenchUser[], n: number, spans: Span[], baselineCpu: number): Promise<BenchResult[]> {
  const pageUrl = `${app.url}/articles/${setup.article.articleId}`;
  const viewers: Viewer[] = [];
  try {
    for (let i = 0; i < n; i++) viewers.push(await openViewer(browser, app, users[i]!, pageUrl));
    await new Promise((r) => setTimeout(r, 2_000)); // presence and page loads settle
    // The viewers' code warm, as the server's is, before anything is measured: an analyst's reader has
    // seen live events before; a freshly loaded one compiles its update path on the first few.
    const seenEverywhere = (id: string) =>
      Promise.all(viewers.map((v) => v.page.waitForFunction((annotationId) => window.__seen?.[annotationId] ?? false, id, { polling: 20, timeout: 30_000 })));
    for (let i = 0; i < WARM_EVENTS; i++) {
      await seenEverywhere((await createOne(app, setup, spans[CREATES + i]!, i)).id);
      await new Promise((r) => setTimeout(r, PACE_MS));
    }
    for (const v of viewers) {
      v.requests.length = 0;
      v.bytes = 0;
    }
    const latencies: number[] = [];
    // Where the time goes: create → event dispatched in the page (server, network, the browser's IPC) → highlight (the app's work).
    const delivery: number[] = [];
    const rendering: number[] = [];
    const cpu = await pacedCreates(app, setup, spans, async ({ id, sentAt }) => {
      const seenAt = await Promise.all(
        viewers.map((v) =>
          v.page
            .waitForFunction((annotationId) => window.__seen?.[annotationId] ?? false, id, { polling: 20, timeout: 30_000 })
            .then((h) => h.jsonValue() as Promise<number>),
        ),
      );
      latencies.push(Math.max(...seenAt) - sentAt);
      if (process.env.BENCH_LIVE_DETAIL === '1') {
        const rel = (values: Array<number | undefined>) => values.map((t) => (t === undefined ? '-' : (t - sentAt).toFixed(0))).join(' ');
        console.error(`[bench] event ${latencies.length}: in the page ${rel(viewers.map((v) => v.arrived.get(id)))}\n          highlight   ${rel(seenAt)}`);
      }
      viewers.forEach((v, i) => {
        const arrived = v.arrived.get(id);
        if (arrived === undefined) return;
        delivery.push(arrived - sentAt);
        rendering.push(seenAt[i]! - arrived);
      });
    });
    const requests = viewers.reduce((sum, v) => sum + v.requests.length, 0);
    const bytes = viewers.reduce((sum, v) => sum + v.bytes, 0);
    const perViewerEvent = n * CREATES;
    const all = viewers.flatMap((v) => v.requests);
    // The notification bell polls every 30 s whatever happens; the list requests are the ones events could cause.
    const lists = all.filter((r) => /\/annotations(\?|$)/.test(r)).length;
    const polls = all.filter((r) => r.includes('/api/notifications')).length;
    const sample = all.filter((r) => !r.includes('/api/notifications')).slice(0, 5);
    return [
      { suite: 'live', name: `${n} browsers: API requests per event per viewer`, value: requests / perViewerEvent, unit: 'count', target: { op: '<', value: 0.05 }, notes: `${requests} requests: ${polls} notification polls, ${lists} annotation-list requests${sample.length ? `; ${sample.join(', ')}` : ''}` },
      { suite: 'live', name: `${n} browsers: KB per event per viewer`, value: bytes / perViewerEvent / 1024, unit: 'count', target: { op: '<', value: 2 }, notes: `${(bytes / 1024).toFixed(1)} KB in all` },
      { suite: 'live', name: `${n} browsers: server CPU for ${CREATES} creates ÷ no viewers`, value: cpu / baselineCpu, unit: 'ratio', target: { op: '<', value: 2 }, notes: `${(cpu * 1000).toFixed(0)} ms vs ${(baselineCpu * 1000).toFixed(0)} ms` },
      { suite: 'live', name: `${n} browsers: create → highlight in every viewer, p95`, value: percentile(latencies, 95), unit: 'ms', target: { op: '<', value: 500 }, notes: `all: ${latencies.map((l) => l.toFixed(0)).join(', ')} ms; per viewer and event, create → event in the page (CDP reports it as the page's EventSource dispatches it) p50/p95 ${percentile(delivery, 50).toFixed(0)}/${percentile(delivery, 95).toFixed(0)} ms, event → highlight p50/p95 ${percentile(rendering, 50).toFixed(0)}/${percentile(rendering, 95).toFixed(0)} ms (${delivery.length} of ${perViewerEvent})` },
    ];
  } finally {
    for (const v of viewers) await v.context.close().catch(() => undefined);
  }
}

async function sseFanOut(app: AppServer, setup: Setup, users: BenchUser[], n: number, spans: Span[], baselineCpu: number): Promise<BenchResult[]> {
  const before = groupUsage(app).rssMb;
  const streams: Array<{ reader: SseReader; close: () => void }> = [];
  try {
    for (let i = 0; i < n; i += 50) {
      await Promise.all(
        users.slice(i, Math.min(n, i + 50)).map(async (user) => {
          const controller = new AbortController();
          const res = await fetch(`${app.url}/api/articles/${setup.article.articleId}/events`, { headers: { authorization: `Bearer ${user.token}` }, signal: controller.signal });
          if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
          streams.push({ reader: new SseReader(res.body.getReader()), close: () => controller.abort() });
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = groupUsage(app).rssMb;
    const probe = streams.slice(0, 20);
    const cpu = await pacedCreates(app, setup, spans, async ({ id }) => {
      await Promise.all(probe.map((s) => s.reader.next((m) => m.event === 'annotation.created' && (m.data as { annotationId: string }).annotationId === id, 30_000)));
    });
    // Every stream must have had every event: read the rest without waiting.
    for (const s of streams) {
      const want = CREATES;
      let got = s.reader.seen.filter((m) => m.event === 'annotation.created').length;
      while (got < want) {
        await s.reader.next((m) => m.event === 'annotation.created', 30_000);
        got++;
      }
    }
    return [
      { suite: 'live', name: `${n} SSE streams: server CPU per event`, value: (cpu / CREATES) * 1000, unit: 'ms', notes: `no viewers: ${((baselineCpu / CREATES) * 1000).toFixed(1)} ms per create` },
      { suite: 'live', name: `${n} SSE streams: server memory (idle, connected)`, value: idle, unit: 'count', notes: `MB RSS of the app's processes; ${before.toFixed(0)} MB before the streams (${(((idle - before) * 1024) / n).toFixed(1)} KB per stream)` },
    ];
  } finally {
    for (const s of streams) s.close();
  }
}

async function crossInstance(a: AppServer, databaseUrl: string, setup: Setup, viewer: BenchUser, spans: Span[]): Promise<BenchResult[]> {
  const b = await startApp({ port: PORT + 1, databaseUrl, distDir: DIST, authSecret: SECRET, quiet: true });
  const controller = new AbortController();
  try {
    const res = await fetch(`${b.url}/api/articles/${setup.article.articleId}/events`, { headers: { authorization: `Bearer ${viewer.token}` }, signal: controller.signal });
    const reader = new SseReader(res.body!.getReader());
    await reader.next((m) => m.event === 'presence', 30_000);
    const delays: number[] = [];
    const warm = await createOne(a, setup, spans[0]!, 0);
    await reader.next((m) => m.event === 'annotation.created' && (m.data as { annotationId: string }).annotationId === warm.id, 30_000);
    for (let i = 1; i <= 20; i++) {
      const { id } = await createOne(a, setup, spans[i]!, i);
      const m = await reader.next((x) => x.event === 'annotation.created' && (x.data as { annotationId: string }).annotationId === id, 30_000);
      delays.push(Math.max(0, Date.now() - Date.parse((m.data as { at: string }).at)));
      await new Promise((r) => setTimeout(r, 200));
    }
    return [
      { suite: 'live', name: 'two instances: commit on A → event at a viewer on B, p95', value: percentile(delays, 95), unit: 'ms', target: { op: '<', value: 1_000 }, notes: `p50 ${percentile(delays, 50).toFixed(0)} ms, max ${Math.max(...delays).toFixed(0)} ms, 20 creates` },
    ];
  } finally {
    controller.abort();
    await b.stop();
  }
}

export async function run(): Promise<BenchResult[]> {
  await ensureBuild(DIST);
  const database = await createThrowawayDatabase('claimdesk_bench_live');
  let app: AppServer | null = null;
  let browser: Browser | null = null;
  const results: BenchResult[] = [];
  try {
    console.error(`[bench] live: next start on :${PORT} (${DIST}), database ${database.name}`);
    app = await startApp({ port: PORT, databaseUrl: database.url, distDir: DIST, authSecret: SECRET, quiet: true });
    const maxUsers = Math.max(...VIEWERS, ...STREAMS, 1);
    const setup = await withClient(database.url, async (c) => {
      const authors: BenchUser[] = [];
      for (const i of [1, 2, 3]) authors.push(await createUserWithToken(c, 'ANALYST', `Bench Author ${i}`));
      const article = await demoArticle(c);
      const tags = await tagIds(c);
      await insertAnnotations(c, article, authors.map((a) => a.id), tags, pickSpans(article.text, ANNOTATIONS, 5));
      // One user per viewer: a user holds at most 10 streams.
      const users: BenchUser[] = [];
      for (let i = 0; i < maxUsers; i++) users.push(await createUserWithToken(c, 'ANALYST', `Viewer ${i}`));
      return { article, tags, writer: await createUserWithToken(c, 'ANALYST', 'Bench Writer'), users };
    });
    const spans = (seed: number) => pickSpans(setup.article.text, 30, seed);
    // The list and the write path compiled and warm before anything is measured.
    for (let i = 0; i < 3; i++) await createOne(app, setup, spans(90)[i]!, i);

    const baselineCpu = await pacedCreates(app, setup, spans(100), async () => undefined);
    results.push({ suite: 'live', name: `no viewers: server CPU per create`, value: (baselineCpu / CREATES) * 1000, unit: 'ms', notes: `${CREATES} creates ${PACE_MS} ms apart, whole process group` });

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
    });
    for (const [i, n] of VIEWERS.entries()) {
      console.error(`[bench] live: ${n} browser viewers`);
      results.push(...(await browserFanOut(browser, app, setup, setup.users, n, spans(200 + i), baselineCpu)));
    }
    await browser.close();
    browser = null;
    for (const [i, n] of STREAMS.entries()) {
      console.error(`[bench] live: ${n} SSE streams`);
      results.push(...(await sseFanOut(app, setup, setup.users, n, spans(300 + i), baselineCpu)));
    }
    console.error('[bench] live: two instances');
    results.push(...(await crossInstance(app, database.url, setup, setup.users[0]!, spans(400))));
  } finally {
    await browser?.close();
    await app?.stop();
    await dropDatabase(database.name).catch((e: unknown) => console.error(`[bench] could not drop ${database.name}:`, e));
  }
  return results;
}
