// Durability of annotation creates across a crash (issue 7): fire creates with Idempotency-Keys
// concurrently at `next start` (the production build), SIGKILL mid-run, restart, retry every request
// that got no 2xx with the same key (and replay the acknowledged ones), then check the database:
//   - every request answered 2xx is stored, exactly once, under its key, with the id it was given;
//   - no idempotency key is stored twice, no annotation has two "created" events;
//   - a replay after the restart returns 200 with the first annotation's id.
// Scenario "postgres": a throwaway database on the test Postgres server; the app process group is killed.
// Scenario "pglite": the embedded database (PGlite, as `npm start` without DATABASE_URL hosts it) on a
// scratch folder; the database process and the app are killed together, as when with-db dies.
//
// Run by scripts/test-durability.mjs (`npm run test:durability`, a step of `npm test` after `next build`).
// Env: NEXT_DIST_DIR (the build to start, default .next), DURABILITY_PORT (3152; the second scenario uses the next port),
// DURABILITY_PGLITE_PORT (3158),
// DURABILITY_SCENARIOS (postgres,pglite), DURABILITY_SELF_TEST=lose (deletes one acknowledged row
// before checking, to prove the check fails), KEEP_TEST_DB=1.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startApp, type AppServer } from '@/bench/support/app-server';
import { createUserWithToken, demoArticle, newId, pickSpans, tagIds, withClient, type Span } from '@/bench/support/data';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT = Number(process.env.DURABILITY_PORT ?? 3152);
const PGLITE_PORT = Number(process.env.DURABILITY_PGLITE_PORT ?? 3158);
const SCENARIOS = (process.env.DURABILITY_SCENARIOS ?? 'postgres,pglite').split(',').map((s) => s.trim());
const SELF_TEST = process.env.DURABILITY_SELF_TEST;
// The servers' own output (with-db, next start) goes to one file per scenario, not to the console.
const logFile = (port: number) => join(tmpdir(), `claimdesk-durability-${port}.log`);

const TOTAL = 120; // create requests per scenario
const CONCURRENCY = 12;
const KILL_AFTER = 30; // acknowledged creates before the SIGKILL
const REQUEST_TIMEOUT_MS = 20_000;

type Outcome = { status: number; id: string | null; body?: string } | { error: string };
type Job = { key: string; span: Span; tag: string; first?: Outcome; final?: Outcome; attempts: number };

const ok = (o: Outcome | undefined): o is { status: number; id: string | null } => !!o && 'status' in o && o.status >= 200 && o.status < 300;
const log = (msg: string) => console.log(`[durability] ${msg}`);

async function create(baseUrl: string, token: string, articleId: string, versionId: string, job: Job): Promise<Outcome> {
  try {
    const res = await fetch(`${baseUrl}/api/articles/${articleId}/annotations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': job.key },
      body: JSON.stringify({ start: job.span.start, end: job.span.end, exact: job.span.exact, tag: job.tag, versionId, note: `durability ${job.key}` }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let id: string | null = null;
    try {
      id = (JSON.parse(text) as { annotation?: { id?: string } }).annotation?.id ?? null;
    } catch {
      // not JSON (a proxy error page, a cut-off body)
    }
    return res.ok ? { status: res.status, id } : { status: res.status, id, body: text.slice(0, 300) };
  } catch (error) {
    return { error: (error as Error).cause ? String((error as Error).cause) : String(error) };
  }
}

/** Runs `jobs` with `concurrency` workers until done or `stop()` says so; in-flight requests finish either way. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>, stop: () => boolean = () => false) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length && !stop()) await work(items[next++]!);
    }),
  );
}

type Target = {
  /** Starts (or restarts) the database and the app; returns the app and the database URL. */
  up(): Promise<{ app: AppServer; databaseUrl: string }>;
  /** SIGKILL: whatever a crash takes down in this scenario. */
  crash(app: AppServer): Promise<void>;
  down(app: AppServer | null): Promise<void>;
};

async function scenario(name: string, target: Target): Promise<string[]> {
  const problems: string[] = [];
  const t0 = Date.now();
  let app: AppServer | null = null;
  try {
    let { app: started, databaseUrl } = await target.up();
    app = started;
    log(`${name}: app up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const { user, article, tags } = await withClient(databaseUrl, async (c) => ({
      user: await createUserWithToken(c, 'ANALYST', 'Durability'),
      article: await demoArticle(c),
      tags: (await tagIds(c)).map((t) => t.key),
    }));
    const spans = pickSpans(article.text, TOTAL, 99);
    const jobs: Job[] = spans.map((span, i) => ({ key: `dur-${name}-${i}-${newId('')}`, span, tag: tags[i % tags.length]!, attempts: 0 }));

    // Phase 1: concurrent creates, SIGKILL once KILL_AFTER are acknowledged (requests are in flight then).
    let acknowledged = 0;
    let killed: Promise<void> | null = null;
    const base = app.url;
    await pool(
      jobs,
      CONCURRENCY,
      async (job) => {
        job.attempts++;
        job.first = await create(base, user.token, article.articleId, article.versionId, job);
        if (ok(job.first) && ++acknowledged === KILL_AFTER && !killed) {
          log(`${name}: ${acknowledged} acknowledged → SIGKILL`);
          killed = target.crash(started);
        }
      },
      () => killed !== null,
    );
    // Too few acknowledgements to trigger it (every request failed or answered): crash now, so the
    // restart never opens a database folder a live process still holds.
    if (!killed) {
      log(`${name}: only ${acknowledged} acknowledged after all requests → SIGKILL`);
      killed = target.crash(started);
    }
    await killed;
    const sent = jobs.filter((j) => j.first);
    const firstOk = sent.filter((j) => ok(j.first));
    const failed = sent.filter((j) => !ok(j.first));
    log(`${name}: phase 1 sent ${sent.length}, ${firstOk.length} × 2xx, ${failed.length} failed (${summarize(failed.map((j) => j.first!))}), ${TOTAL - sent.length} not sent`);
    const samples = new Map<number, string>();
    for (const j of failed) if ('status' in j.first! && !samples.has(j.first.status)) samples.set(j.first.status, j.first.body ?? '');
    for (const [status, body] of samples) log(`${name}:   e.g. ${status}: ${body}`);
    if (firstOk.length < KILL_AFTER) problems.push(`${name}: only ${firstOk.length} creates succeeded before the crash (${summarize(failed.map((j) => j.first!))})`);
    for (const j of firstOk) {
      const first = j.first as { status: number; id: string | null };
      if (first.status !== 201 || !first.id) problems.push(`${name}: first request for ${j.key} answered ${first.status} (id ${first.id}), expected 201 with an id`);
    }

    // Phase 2: restart, then send every request again with its key (retries of the failed and not-sent
    // ones; replays of the acknowledged ones), retrying transient failures a few times.
    const t1 = Date.now();
    ({ app: started, databaseUrl } = await target.up());
    app = started;
    const survived = await withClient(databaseUrl, async (c) => {
      const users = await c.query(`SELECT 1 FROM "User" WHERE id = $1`, [user.id]);
      const tokens = await c.query(`SELECT 1 FROM "ApiToken" WHERE "userId" = $1`, [user.id]);
      const stored = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "Annotation" WHERE "authorId" = $1`, [user.id]);
      return { user: users.rowCount === 1, token: tokens.rowCount === 1, annotations: Number(stored.rows[0]!.n) };
    });
    log(`${name}: restarted in ${((Date.now() - t1) / 1000).toFixed(1)} s; after the crash: user ${survived.user ? 'present' : 'MISSING'}, token ${survived.token ? 'present' : 'MISSING'}, ${survived.annotations} annotation(s) stored (${firstOk.length} acknowledged)`);
    if (!survived.user || !survived.token) problems.push(`${name}: the user/token created before the run did not survive the crash`);
    if (survived.annotations < firstOk.length) problems.push(`${name}: only ${survived.annotations} annotations survived the crash, ${firstOk.length} had been acknowledged`);
    await pool(jobs, CONCURRENCY, async (job) => {
      for (let attempt = 0; attempt < 4; attempt++) {
        job.attempts++;
        const outcome = await create(started.url, user.token, article.articleId, article.versionId, job);
        job.final = outcome;
        // 4xx is an answer, not a transient failure: retrying would not change it.
        if ('status' in outcome && outcome.status < 500) break;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    });
    let committedButUnanswered = 0;
    for (const j of jobs) {
      if (!ok(j.final)) {
        problems.push(`${name}: retry of ${j.key} did not succeed: ${JSON.stringify(j.final)}`);
        continue;
      }
      if (ok(j.first)) {
        if (j.final.status !== 200) problems.push(`${name}: replay of acknowledged ${j.key} answered ${j.final.status}, expected 200 (a duplicate was created?)`);
        if (j.final.id !== j.first.id) problems.push(`${name}: replay of ${j.key} returned ${j.final.id}, the first answer was ${j.first.id}`);
      } else if (j.first && j.final.status === 200) committedButUnanswered++;
    }
    log(`${name}: phase 2 done; ${committedButUnanswered} request(s) had committed although the client saw a failure (replayed as 200)`);

    if (SELF_TEST === 'lose') {
      const victim = firstOk[0]!;
      await withClient(databaseUrl, (c) => c.query(`DELETE FROM "Annotation" WHERE "idempotencyKey" = $1`, [victim.key]));
      log(`${name}: self-test: deleted the acknowledged annotation of ${victim.key}; the checks below must fail`);
    }

    // Phase 3: the database.
    await withClient(databaseUrl, async (c) => {
      const { rows } = await c.query<{ id: string; key: string; deleted: boolean; created: string }>(
        `SELECT a.id, a."idempotencyKey" AS key, a."deletedAt" IS NOT NULL AS deleted,
                (SELECT count(*) FROM "AnnotationEvent" e WHERE e."annotationId" = a.id AND e.action = 'created') AS created
           FROM "Annotation" a WHERE a."authorId" = $1`,
        [user.id],
      );
      const byKey = new Map<string, typeof rows>();
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      for (const [key, list] of byKey) if (list.length > 1) problems.push(`${name}: idempotency key ${key} is stored ${list.length} times`);
      for (const r of rows) if (Number(r.created) !== 1) problems.push(`${name}: annotation ${r.id} has ${r.created} "created" events`);
      if (rows.length !== jobs.length) problems.push(`${name}: ${rows.length} annotations stored for ${jobs.length} distinct keys`);
      for (const j of jobs) {
        const stored = byKey.get(j.key) ?? [];
        const answered = [j.first, j.final].filter(ok).map((o) => o.id);
        if (stored.length !== 1) {
          problems.push(`${name}: ${j.key} (answered ${answered.length ? answered.join(', ') : 'never'}) is stored ${stored.length} times`);
          continue;
        }
        for (const id of answered) if (id !== stored[0]!.id) problems.push(`${name}: ${j.key} was answered with ${id} but stored as ${stored[0]!.id}`);
        if (stored[0]!.deleted) problems.push(`${name}: ${j.key} is stored deleted`);
      }
      log(`${name}: ${rows.length} annotations stored for ${jobs.length} keys; ${problems.length} problem(s)`);
    });
  } catch (error) {
    problems.push(`${name}: ${(error as Error).stack ?? String(error)}`);
  } finally {
    await target.down(app);
  }
  log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return problems;
}

function summarize(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const k = 'status' in o ? String(o.status) : o.error.replace(/^Error: /, '').slice(0, 60);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
}

function postgresTarget(port: number): Target & { cleanup(): Promise<void> } {
  let db: { name: string; url: string } | null = null;
  return {
    async up() {
      db ??= await createThrowawayDatabase('claimdesk_durability');
      const app = await startApp({ port, databaseUrl: db.url, distDir: DIST, logFile: logFile(port) });
      live.add(() => app.signal('SIGKILL'));
      return { app, databaseUrl: db.url };
    },
    async crash(app) {
      app.signal('SIGKILL');
      await app.exited;
    },
    async down(app) {
      await app?.stop();
    },
    async cleanup() {
      if (db && !process.env.KEEP_TEST_DB) await dropDatabase(db.name);
    },
  };
}

function startPglite(root: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['tests/reliability/pglite-host.mjs', root], {
      cwd: process.cwd(),
      env: { ...process.env, PGLITE_PORT: String(PGLITE_PORT) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('the embedded database did not start within 60 s')), 60_000);
    child.once('exit', (code, signal) => reject(new Error(`the embedded database exited (${code ?? signal}) while starting`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
  });
}

function pgliteTarget(port: number): Target & { cleanup(): Promise<void> } {
  const root = mkdtempSync(join(tmpdir(), 'claimdesk-durability-'));
  let host: { child: ChildProcess; url: string } | null = null;
  const killHost = async (signal: NodeJS.Signals) => {
    const child = host?.child;
    host = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await gone;
  };
  return {
    async up() {
      host = await startPglite(root);
      const child = host.child;
      live.add(() => child.kill('SIGKILL'));
      if (!host.url.includes(`:${PGLITE_PORT}/`)) log(`pglite: port ${PGLITE_PORT} was busy, serving on ${host.url}`);
      // As scripts/with-db.mjs runs the app on the embedded database: one pooled connection.
      const app = await startApp({ port, databaseUrl: host.url, distDir: DIST, logFile: logFile(port), env: { DATABASE_POOL_SIZE: '1' } });
      live.add(() => app.signal('SIGKILL'));
      return { app, databaseUrl: host.url };
    },
    async crash(app) {
      // The database process and the app at once, as when the with-db process tree is killed.
      app.signal('SIGKILL');
      await Promise.all([killHost('SIGKILL'), app.exited]);
    },
    async down(app) {
      await app?.stop();
      await killHost('SIGTERM');
    },
    async cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// Killed from outside (scripts/test-durability.mjs' deadline, Ctrl-C): take the servers down too.
const live = new Set<() => void>();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const kill of live) kill();
    console.error(`[durability] FAILED: interrupted (${signal})`);
    process.exit(1);
  });
}

// The scenarios run side by side (own app port each) to keep the step short.
const started = Date.now();
const results = await Promise.all(
  SCENARIOS.map(async (name, i) => {
    const port = PORT + i;
    const target = name === 'pglite' ? pgliteTarget(port) : name === 'postgres' ? postgresTarget(port) : null;
    if (!target) return [`unknown scenario "${name}" (postgres, pglite)`];
    writeFileSync(logFile(port), '');
    log(`${name}: app on :${port}, server output in ${logFile(port)}`);
    try {
      return await scenario(name, target);
    } finally {
      await target.cleanup().catch((e: unknown) => console.error(`[durability] cleanup of ${name} failed:`, e));
    }
  }),
);
const problems = results.flat();
log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
if (problems.length) {
  console.error(`\n[durability] FAILED (${problems.length}):\n${problems.slice(0, 40).map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
log('PASS: every acknowledged create survived the crash exactly once; retries with the same keys made no duplicates');
process.exit(0);
