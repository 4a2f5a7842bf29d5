// No request freezes the server (issue #11 item 2): start the production server, then while a
// hostile W3C import (1,000 near-miss quotes with no position, each a whole-text approximate search
// on a 50,000-word article), three DOCX exports of a 10,000-annotation article, a new version of
// a second 10,000-annotation article (re-anchoring them all) and two document imports (a 4 MB saved
// web page and a 500-page PDF, parsed in the pool) run, ask
// /api/health every 50 ms from another connection and check every answer came within 200 ms
// (p99 and max). The heavy requests must end in a 2xx or their budget's 4xx, never a 5xx.
// Part of `npm test` (scripts/test-durability.mjs); alone: `npm run test:heavy`. Env: NEXT_DIST_DIR, HEAVY_REQUEST_PORT (default
// DURABILITY_PORT + 8, else 3158), HEAVY_REQUEST_SERVER=next-start (`next start` instead of the
// compiled server: the heavy-work pool then loads its worker from source), KEEP_TEST_DB=1.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startApp } from '@/bench/support/app-server';
import { createUserWithToken, demoArticle, insertAnnotations, percentile, pickSpans, tagIds, withClient } from '@/bench/support/data';
import { bigWebPage, hostileAnnotationDocument, longArticleText } from '@/tests/support/hostile-import';
import { makePdf, prose } from '@/tests/support/make-pdf';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT = Number(process.env.HEAVY_REQUEST_PORT ?? (process.env.DURABILITY_PORT ? Number(process.env.DURABILITY_PORT) + 8 : 3158));
const COMPILED = process.env.HEAVY_REQUEST_SERVER !== 'next-start';
const LIMIT_MS = 200;
const PROBE_EVERY_MS = 50;
const HOSTILE_QUOTES = 1_000;
const EXPORT_ANNOTATIONS = 10_000;
const VERSION_ANNOTATIONS = 10_000;
const PAGE_WORDS = 100_000;
const PAGE_SCRIPT_KB = 3_000;
const PDF_PAGES = 500;

const log = (msg: string) => console.log(`[heavy] ${msg}`);

type ProbeAnswer = { path: string; ms: number; at: number; status: number; error: string | null };

/**
 * Asks `paths` every PROBE_EVERY_MS from a separate process (latency-probe.mjs), raised in priority
 * when allowed: this process builds and sends megabytes of bodies, and on two cores a probe in it
 * measured its own wait for the CPU as the server's (a cpu profile showed the server's request thread
 * idle through the slowest such answers). The server keeps its normal priority.
 */
function startProbe(base: string, paths: string[], onAnswer: (answer: ProbeAnswer) => void) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./latency-probe.mjs', import.meta.url)), base, String(PROBE_EVERY_MS), ...paths], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    setPriority(child.pid!, -10);
  } catch {
    log('the probe runs at normal priority (no permission to raise it)');
  }
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => onAnswer(JSON.parse(line) as ProbeAnswer));
  // Every answer is read once its output closes (an 'exit' can come before the last lines).
  const exited = new Promise<void>((resolve) => lines.once('close', () => resolve()));
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
const problems: string[] = [];

const database = await createThrowawayDatabase('claimdesk_heavy');
const t0 = Date.now();
try {
  const app = await startApp({ port: PORT, databaseUrl: database.url, distDir: DIST, production: COMPILED, quiet: true });
  log(`app (${COMPILED ? 'compiled server, with-db --production serve' : 'next start'}) up on :${PORT} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const { importer, exporters, editor, documents, demo } = await withClient(database.url, async (c) => {
      const importer = await createUserWithToken(c, 'ANALYST', 'Hostile importer');
      const exporters = [await createUserWithToken(c, 'ANALYST', 'Exporter A'), await createUserWithToken(c, 'ANALYST', 'Exporter B')];
      const editor = await createUserWithToken(c, 'ANALYST', 'Version editor');
      const documents = await createUserWithToken(c, 'ANALYST', 'Document importer');
      const demo = await demoArticle(c);
      const author = await createUserWithToken(c, 'ANALYST', 'Prolific analyst');
      await insertAnnotations(c, demo, [author.id], await tagIds(c), pickSpans(demo.text, EXPORT_ANNOTATIONS, 3));
      return { importer, exporters, editor, documents, demo };
    });
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    // The second article: the demo text again, annotated as densely, to get a new version.
    const copy = await fetch(`${app.url}/api/articles`, {
      method: 'POST',
      headers: { ...auth(editor.token), 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'text', content: demo.text }),
    });
    if (copy.status !== 201) throw new Error(`creating the second article answered ${copy.status}: ${await copy.text()}`);
    const versioned = await withClient(database.url, async (c) => {
      const articleId = ((await copy.json()) as { article: { id: string } }).article.id;
      const { rows } = await c.query<{ versionId: string; text: string }>(`SELECT id AS "versionId", text FROM "ArticleVersion" WHERE "articleId" = $1`, [articleId]);
      const article = { articleId, ...rows[0]! };
      await insertAnnotations(c, article, [editor.id], await tagIds(c), pickSpans(article.text, VERSION_ANNOTATIONS, 5));
      return article;
    });
    // An editor's note on top and a corrected passage in every paragraph: the diff maps most claims, some need a search.
    const edited = ["Editor's note: this version corrects several figures and names.", ...versioned.text.split('\n').map((p, i) => (i % 2 ? p.replace(/\b(\w{5,})\b/, '$1s') : p))].join('\n');

    const created = await fetch(`${app.url}/api/articles`, {
      method: 'POST',
      headers: { ...auth(importer.token), 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'text', content: longArticleText(50_000) }),
    });
    if (created.status !== 201) throw new Error(`creating the long article answered ${created.status}: ${await created.text()}`);
    const articleId = ((await created.json()) as { article: { id: string } }).article.id;
    const text = await withClient(database.url, async (c) => (await c.query<{ text: string }>(`SELECT text FROM "ArticleVersion" WHERE "articleId" = $1`, [articleId])).rows[0]!.text);
    const hostile = JSON.stringify(hostileAnnotationDocument(text, HOSTILE_QUOTES, { quoteLength: 100 }));
    log(
      `long article: ${text.length} characters; hostile import: ${HOSTILE_QUOTES} quotes, ${(hostile.length / 1024).toFixed(0)} KB; export article: ${EXPORT_ANNOTATIONS} annotations; new version over ${VERSION_ANNOTATIONS} annotations`,
    );

    const page = bigWebPage(PAGE_WORDS, { scriptKb: PAGE_SCRIPT_KB });
    const pdf = await makePdf({
      title: 'A long situation report',
      runningHeader: 'A long situation report — page {n}',
      pageNumbers: true,
      pages: Array.from({ length: PDF_PAGES }, (_, i) => ({ blocks: [{ kind: 'heading' as const, text: `Section ${i + 1}`, size: 14 }, { kind: 'paragraph' as const, text: prose(i % 50, 8) }, { kind: 'paragraph' as const, text: prose((i + 7) % 50, 8) }] })),
    });
    log(`document imports: a saved web page of ${(page.length / 1024 / 1024).toFixed(1)} MB (${PAGE_WORDS} words), a ${PDF_PAGES}-page PDF of ${(pdf.length / 1024).toFixed(0)} KB`);
    const upload = (bytes: Uint8Array | string, name: string) => {
      const form = new FormData();
      form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
      return fetch(`${app.url}/api/articles`, { method: 'POST', headers: auth(documents.token), body: form, signal: AbortSignal.timeout(180_000) });
    };

    // A small export first, as a warm server would have had: the pool's thread is started.
    const warm = await fetch(`${app.url}/api/articles/${articleId}/export?format=md`, { headers: auth(importer.token) });
    if (warm.status !== 200) throw new Error(`the warm-up export answered ${warm.status}`);
    // Each heavy route once with a body it refuses at once, as a server that has served them would
    // have done: loading a route's modules the first time holds the request thread ~100–150 ms (once
    // per process), which is not what this check is about.
    const refused = await Promise.all([
      fetch(`${app.url}/api/articles/${articleId}/annotations/import`, { method: 'POST', headers: { ...auth(importer.token), 'content-type': 'application/ld+json' }, body: '{}' }),
      fetch(`${app.url}/api/articles/${versioned.articleId}/versions`, { method: 'POST', headers: { ...auth(editor.token), 'content-type': 'application/json' }, body: '{}' }),
      upload('', 'empty.txt'),
    ]);
    for (const res of refused) if (res.status < 400 || res.status >= 500) throw new Error(`a warm-up request answered ${res.status}: ${await res.text()}`);

    // /api/health asks the database; /icon.svg is answered by Next alone. A slow answer of both is the
    // request thread held; of /api/health alone, a database connection waited for.
    const samples: number[] = [];
    const slow: Array<{ at: number; ms: number; path: string }> = [];
    const staticSamples: number[] = [];
    const probe = startProbe(app.url, ['/api/health', '/icon.svg'], (answer) => {
      if (answer.error) problems.push(`${answer.path} failed: ${answer.error}`);
      else if (answer.status !== 200) problems.push(`${answer.path} answered ${answer.status}`);
      (answer.path === '/icon.svg' ? staticSamples : samples).push(answer.ms);
      if (answer.ms >= LIMIT_MS / 2) slow.push(answer);
    });
    await new Promise((r) => setTimeout(r, 500));

    const heavyStarted = Date.now();
    const ended: Array<{ what: string; at: number }> = [];
    const timed = async (what: string, work: () => Promise<Response>) => {
      const started = Date.now();
      const res = await work();
      const body = Buffer.from(await res.arrayBuffer());
      ended.push({ what, at: Date.now() });
      return { what, status: res.status, ms: Date.now() - started, body };
    };
    const exportDocx = (token: string) => () => fetch(`${app.url}/api/articles/${demo.articleId}/export?format=docx`, { headers: auth(token), signal: AbortSignal.timeout(180_000) });
    const heavy = await Promise.all([
      timed('hostile import', () =>
        fetch(`${app.url}/api/articles/${articleId}/annotations/import`, {
          method: 'POST',
          headers: { ...auth(importer.token), 'content-type': 'application/ld+json' },
          body: hostile,
          signal: AbortSignal.timeout(180_000),
        }),
      ),
      timed('new version', () =>
        fetch(`${app.url}/api/articles/${versioned.articleId}/versions`, {
          method: 'POST',
          headers: { ...auth(editor.token), 'content-type': 'application/json' },
          body: JSON.stringify({ format: 'text', content: edited }),
          signal: AbortSignal.timeout(180_000),
        }),
      ),
      timed('web page import', () => upload(page, 'long-read.html')),
      timed('PDF import', () => upload(pdf, 'long-report.pdf')),
      timed('DOCX export A1', exportDocx(exporters[0]!.token)),
      timed('DOCX export A2', exportDocx(exporters[0]!.token)),
      timed('DOCX export B', exportDocx(exporters[1]!.token)),
    ]);
    const heavyMs = Date.now() - heavyStarted;
    await new Promise((r) => setTimeout(r, 300));
    await probe.stop();

    for (const h of heavy) {
      const code = h.status >= 400 ? ((JSON.parse(h.body.toString('utf8') || '{}') as { error?: { code?: string; details?: { reason?: string } } }).error ?? {}) : {};
      log(`${h.what}: ${h.status}${code.code ? ` ${code.code}${code.details?.reason ? ` (${code.details.reason})` : ''}` : ''} in ${(h.ms / 1000).toFixed(1)} s, ${(h.body.length / 1024).toFixed(0)} KB`);
      if (h.what.startsWith('DOCX')) {
        if (h.status === 200 && h.body.subarray(0, 2).toString('latin1') !== 'PK') problems.push(`${h.what} answered 200 without a DOCX`);
        else if (h.status !== 200 && !(h.status === 422 && code.details?.reason === 'work_budget')) problems.push(`${h.what} answered ${h.status}`);
      } else if (h.what.endsWith('import') && h.what !== 'hostile import') {
        if (h.status !== 201 && !(h.status === 413 && code.details?.reason === 'work_budget')) problems.push(`the ${h.what} answered ${h.status}, neither 201 nor its budget's 413`);
      } else if (h.what === 'new version') {
        if (h.status !== 201 && !(h.status === 413 && code.details?.reason === 'work_budget')) problems.push(`the new version answered ${h.status}, neither 201 nor its budget's 413`);
      } else if (h.status !== 201 && !(h.status === 413 && code.details?.reason === 'work_budget')) {
        problems.push(`the hostile import answered ${h.status}, neither 201 nor its budget's 413`);
      }
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const max = Math.max(...samples);
    log(`/api/health while the heavy requests ran (${(heavyMs / 1000).toFixed(1)} s): ${samples.length} answers, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
    log(`/icon.svg (no database) meanwhile: ${staticSamples.length} answers, p50 ${percentile(staticSamples, 50).toFixed(1)} ms, p99 ${percentile(staticSamples, 99).toFixed(1)} ms, max ${Math.max(...staticSamples).toFixed(1)} ms`);
    // Where the slowest answers fell: seconds into the run, and which heavy requests ended within 2 s of them.
    for (const s of [...slow].sort((a, b) => b.ms - a.ms).slice(0, 6)) {
      const near = ended.filter((e) => Math.abs(e.at - s.at) <= 2_000).map((e) => `${e.what} ended ${((e.at - s.at) / 1000).toFixed(1)} s`);
      log(`  slow: ${s.path} ${s.ms.toFixed(0)} ms at ${((s.at - heavyStarted) / 1000).toFixed(1)} s${near.length ? ` (${near.join('; ')})` : ''}`);
    }
    if (samples.length < 20) problems.push(`only ${samples.length} health answers during the heavy requests`);
    if (p99 >= LIMIT_MS) problems.push(`/api/health p99 ${p99.toFixed(0)} ms (limit ${LIMIT_MS} ms): heavy work is holding the request thread`);
    if (max >= LIMIT_MS) problems.push(`/api/health max ${max.toFixed(0)} ms (limit ${LIMIT_MS} ms): heavy work is holding the request thread`);
  } finally {
    await app.stop();
  }
} catch (error) {
  problems.push((error as Error).stack ?? String(error));
} finally {
  if (!process.env.KEEP_TEST_DB) await dropDatabase(database.name).catch((e: unknown) => console.error('[heavy] dropping the database failed:', e));
}
log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (problems.length) {
  console.error(`\n[heavy] FAILED (${problems.length}):\n${problems.slice(0, 30).map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
log('PASS: the request thread answered within 200 ms throughout the hostile import, the big exports, the new version and the document imports');
process.exit(0);
