/**
 * Server CPU per annotation create and per 304 list, in-process: the route handlers that `next start`
 * runs (token auth, zod, the domain function, one transaction with its audit, claim keys, conflicts and
 * live event, JSON), called with real `Request`s against a throwaway Postgres database, measured as
 * this process's CPU time (user + system) divided by the number of requests. Next's own request
 * handling is not included: it is the same for every route and outside this code's control.
 * Targets from issue #20: ≤ 5 ms per create, ≤ 1 ms per 304 list.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '@/lib/db/server/migrate';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { createUserWithToken, demoArticle, pickSpans, tagIds, withClient } from './support/data';
import type { BenchResult } from './types';

const CREATES = Number(process.env.BENCH_CREATES ?? 400);
const WARMUP = 40;
const LISTS = 1000;
const FULL_LISTS = 200;

/** Counts the statements sent to Postgres (each one a round trip: pg sends one query per call), and logs them with BENCH_LOG_SQL=1. */
function countRoundTrips(): { read(): number } {
  let count = 0;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count++;
    if (process.env.BENCH_LOG_SQL) {
      const q = args[0];
      console.error('SQL', (typeof q === 'string' ? q : (q as { text?: string })?.text ?? '').replace(/\s+/g, ' ').slice(0, 200));
    }
    return original.apply(this, args);
  };
  return { read: () => count };
}

/**
 * With BENCH_CPU_PROFILE=<prefix>, V8 CPU profiles of the measured loops alone: <prefix>-create.cpuprofile
 * and <prefix>-list304.cpuprofile (open them in Chrome's DevTools). The profiler samples wall time:
 * time off the CPU inside a socket write (Postgres woken on the same core) shows as `writev`.
 */
async function profileOf<T>(name: string, work: () => Promise<T>): Promise<T> {
  const prefix = process.env.BENCH_CPU_PROFILE;
  if (!prefix) return work();
  const file = `${prefix}-${name}.cpuprofile`;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return result;
}

export async function run(): Promise<BenchResult[]> {
  const trips = countRoundTrips();
  const { name, url } = await createThrowawayDatabase('claimdesk_bench_cpu');
  try {
    await migrate(url, join(process.cwd(), 'prisma/migrations'));
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= 'bench-secret-0123456789abcdef0123456789abcdef';
    const { seed } = await import('@/lib/db/server/seed');
    const { db, disconnectDb } = await import('@/lib/db/server/prisma');
    await seed(db);
    const { user, article, tags } = await withClient(url, async (c) => ({ user: await createUserWithToken(c), article: await demoArticle(c), tags: await tagIds(c) }));
    const route = await import('@/app/api/articles/[id]/annotations/route');
    const spans = pickSpans(article.text, CREATES + WARMUP, 7);
    const headers = { host: 'localhost:3000', authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
    const ctx = { params: Promise.resolve({ id: article.articleId }) };
    const base = `http://localhost:3000/api/articles/${article.articleId}/annotations`;

    const create = async (i: number) => {
      const s = spans[i]!;
      const body = JSON.stringify({ start: s.start, end: s.end, exact: s.exact, tag: tags[i % tags.length]!.key, note: `bench ${i}` });
      const res = await route.POST(new Request(base, { method: 'POST', headers: { ...headers, 'idempotency-key': `cpu-${i}-${Date.now()}` }, body }), ctx);
      if (res.status !== 201) throw new Error(`create ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < WARMUP; i++) await create(i);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const trips0 = trips.read();
    await profileOf('create', async () => {
      for (let i = WARMUP; i < WARMUP + CREATES; i++) await create(i);
    });
    const createUsage = process.cpuUsage(cpu0);
    const createCpu = cpuMs(createUsage) / CREATES;
    console.error(`create: user ${(createUsage.user / 1000 / CREATES).toFixed(2)} ms, system ${(createUsage.system / 1000 / CREATES).toFixed(2)} ms`);
    const createWall = (performance.now() - t0) / CREATES;
    const createTrips = (trips.read() - trips0) / CREATES;

    const first = await route.GET(new Request(base, { headers }), ctx);
    const etag = first.headers.get('etag');
    await first.arrayBuffer();
    if (!etag) throw new Error('the list sent no ETag');
    const list304 = async () => {
      const res = await route.GET(new Request(base, { headers: { ...headers, 'if-none-match': etag } }), ctx);
      if (res.status !== 304) throw new Error(`list: ${res.status}`);
    };
    for (let i = 0; i < 50; i++) await list304();
    const cpu1 = process.cpuUsage();
    const trips1 = trips.read();
    await profileOf('list304', async () => {
      for (let i = 0; i < LISTS; i++) await list304();
    });
    const listCpu = cpuMs(process.cpuUsage(cpu1)) / LISTS;
    const listTrips = (trips.read() - trips1) / LISTS;

    // A viewer opening the article: the whole list, no If-None-Match (the body read to the end).
    const listFull = async () => {
      const res = await route.GET(new Request(base, { headers }), ctx);
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 20; i++) await listFull();
    const listed = ((await (await route.GET(new Request(base, { headers }), ctx)).json()) as { annotations: unknown[] }).annotations.length;
    const cpu2 = process.cpuUsage();
    const trips2 = trips.read();
    await profileOf('list', async () => {
      for (let i = 0; i < FULL_LISTS; i++) await listFull();
    });
    const fullCpu = cpuMs(process.cpuUsage(cpu2)) / FULL_LISTS;
    const fullTrips = (trips.read() - trips2) / FULL_LISTS;
    await disconnectDb();
    console.error(`create: ${createCpu.toFixed(2)} ms CPU, ${createWall.toFixed(1)} ms wall, ${createTrips.toFixed(1)} round trips; 304 list: ${listCpu.toFixed(2)} ms CPU, ${listTrips.toFixed(1)} round trips; full list (${listed}): ${fullCpu.toFixed(2)} ms CPU, ${fullTrips.toFixed(1)} round trips`);
    return [
      { suite: 'api', name: 'create: server CPU per request, in-process (route + domain + transaction)', value: createCpu, unit: 'ms', target: { op: '<', value: 5 }, notes: `wall ${createWall.toFixed(1)} ms each, one at a time; ${createTrips.toFixed(1)} database round trips each` },
      { suite: 'api', name: 'list 304 (If-None-Match): server CPU per request, in-process', value: listCpu, unit: 'ms', target: { op: '<', value: 1 }, notes: `${listTrips.toFixed(1)} database round trips each` },
      { suite: 'api', name: `full list (${listed} annotations, no If-None-Match): server CPU per request, in-process`, value: fullCpu, unit: 'ms', notes: `${fullTrips.toFixed(1)} database round trips each; nothing written between requests` },
    ];
  } finally {
    await dropDatabase(name);
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
