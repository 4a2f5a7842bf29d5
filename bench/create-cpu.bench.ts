/**
 * Server CPU per annotation create and per 304 list, in-process: the route handlers that `next start`
 * runs (token auth, zod, the domain function, one transaction with its audit, claim keys, conflicts and
 * live event, JSON), called with real `Request`s against a throwaway Postgres database, measured as
 * this process's CPU time (user + system) divided by the number of requests. Next's own request
 * handling is not included: it is the same for every route and outside this code's control.
 * Targets from issue #20: ≤ 5 ms per create, ≤ 1 ms per 304 list.
 */
import { join } from 'node:path';
import { migrate } from '@/lib/db/server/migrate';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { createUserWithToken, demoArticle, pickSpans, tagIds, withClient } from './support/data';
import type { BenchResult } from './types';

const CREATES = Number(process.env.BENCH_CREATES ?? 400);
const WARMUP = 40;
const LISTS = 1000;

export async function run(): Promise<BenchResult[]> {
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
    for (let i = WARMUP; i < WARMUP + CREATES; i++) await create(i);
    const createCpu = cpuMs(process.cpuUsage(cpu0)) / CREATES;
    const createWall = (performance.now() - t0) / CREATES;

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
    for (let i = 0; i < LISTS; i++) await list304();
    const listCpu = cpuMs(process.cpuUsage(cpu1)) / LISTS;
    await disconnectDb();
    return [
      { suite: 'api', name: 'create: server CPU per request, in-process (route + domain + transaction)', value: createCpu, unit: 'ms', target: { op: '<', value: 5 }, notes: `wall ${createWall.toFixed(1)} ms each, one at a time` },
      { suite: 'api', name: 'list 304 (If-None-Match): server CPU per request, in-process', value: listCpu, unit: 'ms', target: { op: '<', value: 1 } },
    ];
  } finally {
    await dropDatabase(name);
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
