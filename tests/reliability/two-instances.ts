// Two app instances on one Postgres (issue 20): two `next start` processes on different ports, one
// database, one shared AUTH_SECRET — the way a desk outgrows one machine (N instances behind any HTTP
// load balancer). Checks:
//   - a session cookie signed in on A, and an API token, work on B;
//   - an annotation created on A reaches an SSE viewer on B within 1 s (LISTEN/NOTIFY), every time,
//     in order, with the annotation in the event;
//   - each process holds one LISTEN connection however many viewers it serves.
// Run by scripts/test-durability.mjs. Env: NEXT_DIST_DIR, TWO_INSTANCES_PORT (LIVE_RESTART_PORT + 1, i.e.
// 3156; B uses the next port). Prints the cross-instance delivery times (bench/live.bench.ts reports them too).
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startApp, type AppServer } from '@/bench/support/app-server';
import { createUserWithToken, demoArticle, percentile, pickSpans, withClient } from '@/bench/support/data';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { SseReader } from '@/tests/support/sse-reader';

const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT_A = Number(process.env.TWO_INSTANCES_PORT ?? Number(process.env.LIVE_RESTART_PORT ?? 3155) + 1);
const PORT_B = PORT_A + 1;
const SECRET = `two-instances-${Date.now()}-0123456789abcdef0123456789abcdef`;
const CREATES = 10;
const DELIVERY_LIMIT_MS = 1_000;
const log = (msg: string) => console.log(`[two-instances] ${msg}`);

/** Signs in through Auth.js' credentials endpoint on `base`; returns the Cookie header of the session. */
async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in on ${base} set no session cookie (status ${res.status})`);
  return cookie();
}

async function openEvents(base: string, articleId: string, auth: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/articles/${articleId}/events`, { headers: { accept: 'text/event-stream', ...auth }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events on ${base}: ${res.status}`);
  const reader = new SseReader(res.body.getReader());
  await reader.next((m) => m.event === 'presence', 10_000);
  return { reader, close: () => controller.abort() };
}

function prepare(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/prepare-db.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare-db exited with ${code}`))));
  });
}

async function main() {
  const db = await createThrowawayDatabase('claimdesk_two_instances');
  const apps: AppServer[] = [];
  const closers: Array<() => void> = [];
  const logFile = (port: number) => join(tmpdir(), `claimdesk-two-instances-${port}.log`);
  const started = Date.now();
  try {
    // Migrations and the seed once, here; then both instances start side by side and find the database ready.
    await prepare(db.url);
    const [a, b] = await Promise.all(
      [PORT_A, PORT_B].map((port) => startApp({ port, databaseUrl: db.url, distDir: DIST, authSecret: SECRET, logFile: logFile(port) }).then((app) => (apps.push(app), app))),
    );
    log(`A on ${a.url}, B on ${b.url} (${((Date.now() - started) / 1000).toFixed(1)} s to start both)`);

    const { article, user } = await withClient(db.url, async (c) => ({ article: await demoArticle(c), user: await createUserWithToken(c, 'ANALYST', 'Token analyst') }));

    // A session signed in on A is accepted by B (same AUTH_SECRET), and an API token works on both.
    const cookie = await signInCookie(a.url, 'amira@claimdesk.test', 'claimdesk-analyst');
    for (const app of apps) {
      const bySession = await fetch(`${app.url}/api/articles`, { headers: { cookie } });
      if (bySession.status !== 200) throw new Error(`the session from A got ${bySession.status} on ${app.url}`);
      const byToken = await fetch(`${app.url}/api/articles`, { headers: { authorization: `Bearer ${user.token}` } });
      if (byToken.status !== 200) throw new Error(`the API token got ${byToken.status} on ${app.url}`);
    }
    log('a session signed in on A and an API token both work on A and B');

    // Viewers: the session's on B (measured), more on both so each process serves several.
    const viewer = await openEvents(b.url, article.articleId, { cookie });
    closers.push(viewer.close);
    for (const app of apps) for (let i = 0; i < 3; i++) closers.push((await openEvents(app.url, article.articleId, { authorization: `Bearer ${user.token}` })).close);

    const listeners = await withClient(db.url, (c) =>
      c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimdesk-live'`),
    );
    if (listeners.rows[0]!.n !== apps.length) throw new Error(`expected one LISTEN connection per process (${apps.length}), found ${listeners.rows[0]!.n}`);
    log(`${listeners.rows[0]!.n} LISTEN connections for 2 processes and 7 viewers`);

    const create = async (span: { start: number; end: number; exact: string }) => {
      const res = await fetch(`${a.url}/api/articles/${article.articleId}/annotations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...span, tag: 'un' }),
      });
      if (res.status !== 201) throw new Error(`create on A: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { annotation: { id: string } }).annotation.id;
    };
    const [warmUp, ...spans] = pickSpans(article.text, CREATES + 1, 7);
    // Both instances compile their routes on first use: one create first, as any running desk has had.
    const first = await create(warmUp!);
    await viewer.reader.next((m) => m.event === 'annotation.created' && (m.data as { annotationId: string }).annotationId === first, 10_000);

    // Delivery: from the event's time (stamped in A's transaction, just before its commit) to its arrival at B's viewer.
    const delays: number[] = [];
    let lastSeq = 0;
    for (const span of spans) {
      const id = await create(span);
      const message = await viewer.reader.next((m) => m.event === 'annotation.created' && (m.data as { annotationId: string }).annotationId === id, 5_000);
      const data = message.data as { seq: number; at: string; annotation?: { id: string } };
      delays.push(Math.max(0, Date.now() - Date.parse(data.at)));
      if (data.annotation?.id !== id) throw new Error('the event on B does not carry the annotation');
      if (data.seq <= lastSeq) throw new Error(`events out of order on B: ${data.seq} after ${lastSeq}`);
      lastSeq = data.seq;
      await new Promise((r) => setTimeout(r, 100));
    }
    const worst = Math.max(...delays);
    log(`create on A → event on B: p50 ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${worst.toFixed(0)} ms`);
    if (worst > DELIVERY_LIMIT_MS) throw new Error(`an annotation took ${worst.toFixed(0)} ms to reach the viewer on B (limit ${DELIVERY_LIMIT_MS} ms)`);
    log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const close of closers) close();
    await Promise.all(apps.map((app) => app.stop()));
    await dropDatabase(db.name).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(`[two-instances] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
