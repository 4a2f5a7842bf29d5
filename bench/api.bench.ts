// HTTP API benchmark: annotation create (POST, a distinct Idempotency-Key and a valid span per request)
// and list (GET) against `next start` (production build) on a throwaway Postgres database, with
// autocannon at 10 and 50 connections; then the same single-row INSERT done directly with `pg` at
// the same concurrency, so the ratio shows what the app adds on top of one database round trip.
//
// Needs a production build: reuses BENCH_DIST_DIR (default .next-bench) or builds it once.
// Env: BENCH_DIST_DIR, BENCH_API_PORT (3150), BENCH_API_SECONDS (10), BENCH_REBUILD=1.
import autocannon, { type AutocannonRequest } from 'autocannon';
import pg from 'pg';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { ensureBuild, startApp, type AppServer } from './support/app-server';
import { createUserWithToken, insertAnnotations, newId, percentile, pickSpans, tagIds, withClient, type Span } from './support/data';
import type { BenchResult } from './types';

export const needsBuild = true;

const DIST = process.env.BENCH_DIST_DIR ?? '.next-bench';
const PORT = Number(process.env.BENCH_API_PORT ?? 3150);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = [10, 50];
const LISTED = 200; // annotations on the article while the list endpoint is measured
const USERS = 50;

const RAW_INSERT = `INSERT INTO "Annotation" (id, "articleId", "versionId", "authorId", exact, prefix, suffix, start, "end", "tagId", "idempotencyKey", "updatedAt")
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`;

type Measured = { rps: number; p50: number; p95: number; p99: number; total: number; errors: number; non2xx: number; statuses: Record<string, number> };

async function cannon(opts: { url: string; connections: number; requests: AutocannonRequest[]; headers: Record<string, string>; overallRate?: number }): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: SECONDS,
    timeout: 30,
    headers: opts.headers,
    requests: opts.requests,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  return {
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    total: latencies.length,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  };
}

/** `connections` pg clients, each inserting one annotation row per round trip for SECONDS. */
async function rawInserts(url: string, connections: number, row: (i: number) => unknown[]): Promise<Measured> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const sql = RAW_INSERT;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await c.query(sql, row(i++));
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), total: latencies.length, errors, non2xx: 0, statuses: {} };
}

/**
 * `users` independent users, each sending one request a second at its own moment in the second (user
 * u at u × 1000/users ms): the arrivals of a desk whose analysts do not click in step. autocannon's
 * `overallRate` instead releases each second's requests together, so its "paced" run measures a burst
 * of 50 as much as the load. Latency is counted from the scheduled moment, so a request that had to
 * wait for its user's previous one counts the wait (no coordinated omission). `send` resolves to a
 * status (200/201 for success).
 */
async function staggered(users: number, send: (i: number) => Promise<number>): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let i = 0;
  const started = performance.now() + 100;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let k = 0; k < SECONDS; k++) {
        const at = started + k * 1000 + (u * 1000) / users;
        const wait = at - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        try {
          const status = await send(i++);
          statuses[status] = (statuses[status] ?? 0) + 1;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const non2xx = Object.entries(statuses).filter(([s]) => !s.startsWith('2')).reduce((n, [, c]) => n + c, 0);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), total: latencies.length, errors, non2xx, statuses };
}

/** The raw INSERT a create's row amounts to, sent by `staggered` over a pool of `users` connections. */
async function rawStaggered(url: string, users: number, row: (i: number) => unknown[]): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: users });
  try {
    // Connections opened before the clock starts, as the app's pool is warm.
    await Promise.all(Array.from({ length: users }, async () => (await pool.connect()).release()));
    return await staggered(users, async (i) => {
      await pool.query(RAW_INSERT, row(i));
      return 201;
    });
  } finally {
    await pool.end();
  }
}

function report(results: BenchResult[], name: string, m: Measured, notes = '') {
  const suite = 'api';
  const statusNote = Object.entries(m.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  results.push(
    { suite, name: `${name} throughput`, value: m.rps, unit: 'req/s', notes: `${m.total} requests in ${SECONDS} s${statusNote ? `; ${statusNote}` : ''}${notes ? `; ${notes}` : ''}` },
    { suite, name: `${name} p50`, value: m.p50, unit: 'ms' },
    { suite, name: `${name} p95`, value: m.p95, unit: 'ms' },
    { suite, name: `${name} p99`, value: m.p99, unit: 'ms' },
    { suite, name: `${name} errors + non-2xx`, value: m.errors + m.non2xx, unit: 'count', target: { op: '<', value: 1 } },
  );
}

/** The p95 row of a paced run carries the issue's target. */
function paced(results: BenchResult[], name: string) {
  const row = results.find((r) => r.name === `${name} p95`);
  if (row) row.target = { op: '<', value: 50 };
}

export async function run(): Promise<BenchResult[]> {
  const buildSeconds = await ensureBuild(DIST);
  const database = await createThrowawayDatabase('claimdesk_bench');
  let server: AppServer | null = null;
  const results: BenchResult[] = [];
  try {
    console.error(`[bench] api: next start on :${PORT} (${DIST}), database ${database.name}`);
    server = await startApp({ port: PORT, databaseUrl: database.url, distDir: DIST, quiet: true });
    const setup = await withClient(database.url, async (c) => {
      const user = await createUserWithToken(c, 'ANALYST', 'Bench Analyst');
      return { user, tags: await tagIds(c) };
    });
    const auth = { authorization: `Bearer ${setup.user.token}` };

    // The article as a client sees it: the canonical text that offsets refer to.
    const articles = (await (await fetch(`${server.url}/api/articles`, { headers: auth })).json()) as { articles: Array<{ id: string }> };
    const articleId = articles.articles[0]!.id;
    const { version } = (await (await fetch(`${server.url}/api/articles/${articleId}`, { headers: auth })).json()) as { version: { id: string; text: string } };
    const article = { articleId, versionId: version.id, text: version.text };
    const spans: Span[] = pickSpans(version.text, 5_000, 7);
    const path = `/api/articles/${articleId}/annotations`;

    // Warm-up: compile caches, open the Prisma pool.
    for (let i = 0; i < 20; i++) await fetch(`${server.url}${path}`, { headers: auth }).then((r) => r.arrayBuffer());

    await withClient(database.url, (c) => insertAnnotations(c, article, [setup.user.id], setup.tags, pickSpans(version.text, LISTED, 3)));
    for (const connections of CONNECTIONS) {
      const m = await cannon({ url: `${server.url}${path}`, connections, headers: auth, requests: [{ method: 'GET', path }] });
      report(results, `list (${LISTED} annotations) @${connections} conn`, m);
    }
    // The connections above never pause (a saturation test). Desk users do: 50 of them, each
    // sending one request a second, is the load the p95 < 50 ms target is checked against.
    {
      const m = await cannon({ url: `${server.url}${path}`, connections: USERS, overallRate: USERS, headers: auth, requests: [{ method: 'GET', path }] });
      report(results, `list (${LISTED} annotations) ${USERS} users × 1 req/s, each second's sent together`, m);
    }
    {
      const m = await staggered(USERS, async () => {
        const res = await fetch(`${server!.url}${path}`, { headers: auth });
        await res.arrayBuffer();
        return res.status;
      });
      report(results, `list (${LISTED} annotations) ${USERS} users × 1 req/s`, m);
      paced(results, `list (${LISTED} annotations) ${USERS} users × 1 req/s`);
    }

    let n = 0;
    const tags = setup.tags.map((t) => t.key);
    const createRequest: AutocannonRequest = {
      method: 'POST',
      path,
      setupRequest: (req) => {
        const i = n++;
        const span = spans[i % spans.length]!;
        return {
          ...req,
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${newId('k')}` },
          body: JSON.stringify({ start: span.start, end: span.end, exact: span.exact, tag: tags[i % tags.length], versionId: version.id, note: `bench ${i}` }),
        };
      },
    };
    let created201 = 0;
    for (const connections of CONNECTIONS) {
      const m = await cannon({ url: `${server.url}${path}`, connections, headers: {}, requests: [createRequest] });
      created201 += m.statuses['201'] ?? 0;
      report(results, `create @${connections} conn`, m);
    }
    {
      const m = await cannon({ url: `${server.url}${path}`, connections: USERS, overallRate: USERS, headers: {}, requests: [createRequest] });
      created201 += m.statuses['201'] ?? 0;
      report(results, `create ${USERS} users × 1 req/s, each second's sent together`, m);
    }
    const createBody = (i: number) => {
      const span = spans[i % spans.length]!;
      return JSON.stringify({ start: span.start, end: span.end, exact: span.exact, tag: tags[i % tags.length], versionId: version.id, note: `bench staggered ${i}` });
    };
    {
      const m = await staggered(USERS, async (i) => {
        const res = await fetch(`${server!.url}${path}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-s-${i}-${newId('k')}` },
          body: createBody(i),
        });
        await res.arrayBuffer();
        return res.status;
      });
      created201 += m.statuses['201'] ?? 0;
      report(results, `create ${USERS} users × 1 req/s`, m);
      paced(results, `create ${USERS} users × 1 req/s`);
    }
    // The floor under any route here, at the same load: Next's request handling and the health probe's
    // database round trips, no authentication, no transaction. The create's ratio to the raw INSERT
    // is read against this one's.
    {
      const m = await staggered(USERS, async () => {
        const res = await fetch(`${server!.url}/api/health`);
        await res.arrayBuffer();
        return res.status;
      });
      report(results, `health probe ${USERS} users × 1 req/s`, m);
    }
    const stored = await withClient(database.url, async (c) => {
      const { rows } = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Annotation" WHERE "authorId" = $1 AND "idempotencyKey" IS NOT NULL`, [setup.user.id]);
      return Number(rows[0]!.n);
    });
    results.push({
      suite: 'api',
      name: 'create: rows stored − 201 responses',
      value: stored - created201,
      unit: 'count',
      notes: `${stored} rows, ${created201} × 201 (requests cut off at the end of a run may still commit)`,
    });

    for (const connections of CONNECTIONS) {
      const apiRps = results.find((r) => r.name === `create @${connections} conn throughput`)!.value;
      const m = await rawInserts(database.url, connections, (i) => {
        const span = spans[i % spans.length]!;
        const context = article.text;
        return [newId('r'), articleId, version.id, setup.user.id, span.exact, context.slice(Math.max(0, span.start - 32), span.start), context.slice(span.end, span.end + 32), span.start, span.end, setup.tags[i % setup.tags.length]!.id, `raw-${i}-${newId('k')}`];
      });
      report(results, `raw pg INSERT @${connections} conn`, m);
      results.push({ suite: 'api', name: `raw pg ÷ API create @${connections} conn`, value: m.rps / Math.max(apiRps, 1e-9), unit: 'ratio', notes: 'how many times more inserts/s one bare round trip sustains' });
    }
    // The issue's comparison: the same offered load (50 users × 1 req/s, staggered) as bare INSERTs.
    {
      const m = await rawStaggered(database.url, USERS, (i) => {
        const span = spans[i % spans.length]!;
        return [newId('r'), articleId, version.id, setup.user.id, span.exact, article.text.slice(Math.max(0, span.start - 32), span.start), article.text.slice(span.end, span.end + 32), span.start, span.end, setup.tags[i % setup.tags.length]!.id, `raw-s-${i}-${newId('k')}`];
      });
      report(results, `raw pg INSERT ${USERS} users × 1 req/s`, m);
      const api = results.find((r) => r.name === `create ${USERS} users × 1 req/s p95`)!.value;
      results.push({ suite: 'api', name: `API create p95 ÷ raw pg INSERT p95, ${USERS} users × 1 req/s`, value: api / Math.max(m.p95, 1e-9), unit: 'ratio', target: { op: '<', value: 3 }, notes: 'same offered load, same run' });
      const health = results.find((r) => r.name === `health probe ${USERS} users × 1 req/s p95`)!.value;
      results.push({ suite: 'api', name: `health probe p95 ÷ raw pg INSERT p95, ${USERS} users × 1 req/s`, value: health / Math.max(m.p95, 1e-9), unit: 'ratio', notes: 'the floor: Next and one database check, same load, same run' });
      results.push({ suite: 'api', name: `API create p95 ÷ health probe p95, ${USERS} users × 1 req/s`, value: api / Math.max(health, 1e-9), unit: 'ratio', notes: 'what a create adds over the cheapest route' });
    }
    if (buildSeconds) results.push({ suite: 'api', name: 'next build (one-off)', value: buildSeconds * 1000, unit: 'ms' });
  } finally {
    await server?.stop();
    await dropDatabase(database.name).catch((e: unknown) => console.error(`[bench] could not drop ${database.name}:`, e));
  }
  return results;
}
