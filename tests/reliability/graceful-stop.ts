// Graceful shutdown (issue 13): start the app as `npm start` does (with-db --production serve, the
// compiled server), fire annotation creates at it concurrently, send SIGTERM mid-load, and check:
//   - the process exits with code 0 within 10 s of the signal;
//   - every request either answered 2xx and is stored exactly once under its key with the id it was
//     given, or was refused before it started (503 "unavailable", or no connection) and is not stored:
//     nothing is cut mid-write, nothing committed goes unanswered, no 5xx but the 503 refusal;
//   - requests in flight at the signal were finished (at least one 2xx answered after it);
//   - an open live-event stream got a `retry:` hint after the signal and was closed by the server;
//   - the server logged closing the LISTEN connection and the database pool.
// Run by scripts/test-durability.mjs. Env: NEXT_DIST_DIR, GRACEFUL_STOP_PORT (default DURABILITY_PORT + 4,
// else 3156), GRACEFUL_SELF_TEST=kill (SIGKILL instead of SIGTERM: the checks must fail), KEEP_TEST_DB=1.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '@/bench/support/app-server';
import { createUserWithToken, demoArticle, newId, pickSpans, tagIds, withClient } from '@/bench/support/data';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT = Number(process.env.GRACEFUL_STOP_PORT ?? (process.env.DURABILITY_PORT ? Number(process.env.DURABILITY_PORT) + 4 : 3156));
const SELF_TEST = process.env.GRACEFUL_SELF_TEST;
const CONCURRENCY = 12;
const SIGNAL_AFTER = 15; // acknowledged creates before the SIGTERM
const MAX_REQUESTS = 600;
const EXIT_WITHIN_MS = 10_000;
const LOG = join(tmpdir(), `claimdesk-graceful-${PORT}.log`);

type Result = { key: string; startedAt: number; endedAt: number; status?: number; id?: string | null; code?: string; error?: string };
const log = (msg: string) => console.log(`[graceful] ${msg}`);
const problems: string[] = [];

writeFileSync(LOG, '');
const database = await createThrowawayDatabase('claimdesk_graceful');
const t0 = Date.now();
let exitedAt = 0;
let exitCode: number | null = null;
try {
  const app = await startApp({ port: PORT, databaseUrl: database.url, distDir: DIST, production: true, logFile: LOG });
  app.child.once('exit', (code, signal) => {
    exitedAt = Date.now();
    exitCode = code ?? (signal ? 128 : 0);
  });
  log(`app (with-db --production serve) up on :${PORT} in ${((Date.now() - t0) / 1000).toFixed(1)} s; server output in ${LOG}`);
  const { user, article, tags } = await withClient(database.url, async (c) => ({
    user: await createUserWithToken(c, 'ANALYST', 'Graceful'),
    article: await demoArticle(c),
    tags: (await tagIds(c)).map((t) => t.key),
  }));
  const spans = pickSpans(article.text, MAX_REQUESTS, 7);

  // A viewer's live stream, read until the server ends it.
  let sseText = '';
  let sseTextAtSignal = -1;
  const sseDone = (async () => {
    const res = await fetch(`${app.url}/api/articles/${article.articleId}/events`, { headers: { authorization: `Bearer ${user.token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`the event stream answered ${res.status}`);
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) sseText += decoder.decode(part.value, { stream: true });
  })().then(
    () => 'closed by the server',
    (error: unknown) => `failed: ${(error as Error).cause ?? error}`,
  );

  let signalledAt = 0;
  let acknowledged = 0;
  let next = 0;
  const results: Result[] = [];
  const send = async (i: number): Promise<Result> => {
    const key = `graceful-${i}-${newId('')}`;
    const span = spans[i]!;
    const result: Result = { key, startedAt: Date.now(), endedAt: 0 };
    try {
      const res = await fetch(`${app.url}/api/articles/${article.articleId}/annotations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ versionId: article.versionId, start: span.start, end: span.end, exact: span.exact, tag: tags[i % tags.length], note: `graceful ${i}` }),
        signal: AbortSignal.timeout(20_000),
      });
      const body = (await res.json().catch(() => null)) as { annotation?: { id?: string }; error?: { code?: string } } | null;
      Object.assign(result, { status: res.status, id: body?.annotation?.id ?? null, code: body?.error?.code });
    } catch (error) {
      result.error = String((error as Error).cause ?? error);
    }
    result.endedAt = Date.now();
    return result;
  };
  const stopSignal = SELF_TEST === 'kill' ? 'SIGKILL' : 'SIGTERM';
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MAX_REQUESTS && !exitedAt) {
        const r = await send(next++);
        results.push(r);
        if (r.status && r.status >= 200 && r.status < 300 && ++acknowledged === SIGNAL_AFTER) {
          signalledAt = Date.now();
          sseTextAtSignal = sseText.length;
          log(`${acknowledged} creates acknowledged → ${stopSignal} to the server (as a supervisor or \`docker stop\` sends it)`);
          // with-db forwards it to the server, waits for it, then stops the database it hosts.
          app.child.kill(stopSignal);
        }
        // Once the server refuses connections, keep hammering a little, then stop.
        if (r.error?.includes('ECONNREFUSED') && Date.now() - signalledAt > 300) break;
      }
    }),
  );
  if (!signalledAt) throw new Error(`only ${acknowledged} creates were acknowledged: the server never got the signal`);
  await Promise.race([app.exited, new Promise((r) => setTimeout(r, EXIT_WITHIN_MS + 5_000))]);
  if (!exitedAt) {
    problems.push(`the server had not exited ${EXIT_WITHIN_MS + 5_000} ms after ${stopSignal}`);
    app.signal('SIGKILL');
  } else {
    const ms = exitedAt - signalledAt;
    log(`server exited with code ${exitCode} ${ms} ms after the signal`);
    if (ms > EXIT_WITHIN_MS) problems.push(`the server took ${ms} ms to exit (limit ${EXIT_WITHIN_MS})`);
    if (exitCode !== 0) problems.push(`the server exited with code ${exitCode}, expected 0`);
  }
  app.signal('SIGKILL'); // anything left of the process group

  // What each request did, against what the database holds.
  const stored = await withClient(database.url, async (c) => {
    const { rows } = await c.query<{ id: string; key: string; created: string }>(
      `SELECT a.id, a."idempotencyKey" AS key,
              (SELECT count(*) FROM "AnnotationEvent" e WHERE e."annotationId" = a.id AND e.action = 'created') AS created
         FROM "Annotation" a WHERE a."authorId" = $1`,
      [user.id],
    );
    return rows;
  });
  const byKey = new Map<string, typeof stored>();
  for (const row of stored) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const counts = new Map<string, number>();
  const count = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  let finishedAfterSignal = 0;
  for (const r of results) {
    const rows = byKey.get(r.key) ?? [];
    const ok = r.status !== undefined && r.status >= 200 && r.status < 300;
    if (ok) {
      count(`${r.status}`);
      if (r.startedAt < signalledAt && r.endedAt > signalledAt) finishedAfterSignal++;
      if (rows.length !== 1) problems.push(`${r.key} was answered ${r.status} but is stored ${rows.length} times`);
      else if (rows[0]!.id !== r.id) problems.push(`${r.key} was answered with ${r.id} but stored as ${rows[0]!.id}`);
      else if (Number(rows[0]!.created) !== 1) problems.push(`${r.key} has ${rows[0]!.created} "created" events`);
      continue;
    }
    if (r.status === 503 && r.code === 'unavailable') count('503 refused');
    else if (r.error) count(r.error.includes('ECONNREFUSED') ? 'connection refused' : `no answer (${r.error.replace(/^\w*Error: /, '').slice(0, 50)})`);
    else {
      count(`${r.status} ${r.code ?? ''}`.trim());
      problems.push(`${r.key} answered ${r.status} ${r.code ?? ''}: neither stored-and-acknowledged nor refused`);
    }
    if (rows.length) problems.push(`${r.key} got no 2xx (${r.status ?? r.error}) but was stored: a write cut mid-way or left unanswered`);
  }
  const before = results.filter((r) => r.startedAt < signalledAt).length;
  log(`${results.length} requests (${before} started before the signal): ${[...counts].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  log(`${finishedAfterSignal} request(s) in flight at the signal finished with 2xx after it; ${stored.length} annotations stored`);
  if (finishedAfterSignal === 0) problems.push('no request in flight at the signal was finished: the server did not drain');
  if (stored.length !== results.filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300).length) {
    problems.push(`${stored.length} annotations stored for ${results.filter((r) => r.status && r.status < 300).length} acknowledged creates`);
  }

  const sse = await Promise.race([sseDone, new Promise<string>((r) => setTimeout(() => r('still open'), 2_000))]);
  const afterSignal = sseTextAtSignal >= 0 ? sseText.slice(sseTextAtSignal) : '';
  log(`event stream: ${sse}; after the signal it received ${JSON.stringify(afterSignal.slice(-60))}`);
  if (sse !== 'closed by the server') problems.push(`the live-event stream was not closed cleanly by the server (${sse})`);
  if (!/^retry: \d+$/m.test(afterSignal)) problems.push('the live-event stream got no `retry:` hint after the signal');

  const lines = readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg?: string; closed?: string[] });
  const stopped = lines.find((l) => l.msg === 'stopped');
  if (!stopped) problems.push('the server did not log "stopped"');
  else if (!['live LISTEN connection', 'database pool'].every((name) => stopped.closed?.includes(name))) {
    problems.push(`the server closed ${JSON.stringify(stopped.closed)}, expected the LISTEN connection and the database pool`);
  }
} catch (error) {
  problems.push((error as Error).stack ?? String(error));
} finally {
  if (!process.env.KEEP_TEST_DB) await dropDatabase(database.name).catch((e: unknown) => console.error('[graceful] dropping the database failed:', e));
}
log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (problems.length) {
  console.error(`\n[graceful] FAILED (${problems.length}):\n${problems.slice(0, 30).map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
log('PASS: SIGTERM under load finished every started write, refused the rest before they ran, closed streams and pools, exited 0');
process.exit(0);
