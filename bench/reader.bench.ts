// Reader benchmark in Chromium (Playwright) against `next start` (production build) on a throwaway
// Postgres database:
//   - render: navigation start → the reader shows every highlight, with 0, 500 and 2,000 annotations
//     (inserted directly on valid spans of the article's canonical text);
//   - first interaction: navigation start → a double-click on a word (repeated until the page responds)
//     opens the annotate popover, i.e. the page is hydrated and handles input;
//   - live: another user creates an annotation through the API → its highlight appears in the open page.
// Needs a production build: reuses BENCH_DIST_DIR (default .next-bench) or builds it once.
// Env: BENCH_DIST_DIR, BENCH_READER_PORT (3151), CHROMIUM_PATH (/usr/bin/chromium), BENCH_REBUILD=1.
import { chromium, type Browser, type Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { SESSION_COOKIE } from '@/lib/auth/server/session-cookie';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';
import { ensureBuild, startApp, type AppServer } from './support/app-server';
import { createUserWithToken, demoArticle, insertAnnotations, median, newId, pickSpans, tagIds, withClient } from './support/data';
import type { BenchResult } from './types';

export const needsBuild = true;

const DIST = process.env.BENCH_DIST_DIR ?? '.next-bench';
const PORT = Number(process.env.BENCH_READER_PORT ?? 3151);
const SECRET = 'bench-reader-secret-0123456789abcdef0123456789';
const SIZES = [0, 500, 2_000];
const LOADS = 3; // page loads per size (median reported)
const LIVE_RUNS = 5; // live annotations per measured size
const SELECTION_RUNS = 15; // j presses per measured size
const READER = '[data-testid="article-reader"]';

declare global {
  interface Window {
    __newHighlight?: { id: string; at: number } | null;
  }
}

type Load = { render: number; interactive: number; clicks: number };

/** One page load: navigation start → all `expected` highlights drawn; → the first double-click handled. */
async function measureLoad(page: Page, url: string, expected: number): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const render = await page
    .waitForFunction(
      ({ reader, n }) => {
        const root = document.querySelector(reader);
        if (!root || !root.querySelector('h1')) return false;
        if (n > 0) {
          const ids = new Set<string>();
          for (const el of root.querySelectorAll<HTMLElement>('.cd-highlight[data-annotation-id]')) ids.add(el.dataset.annotationId!);
          if (ids.size < n) return false;
        }
        return performance.now();
      },
      { reader: READER, n: expected },
      { polling: 25, timeout: 60_000 },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  // Double-click a word of the first paragraph until the annotate popover opens (hydration done).
  const word = page.locator(`${READER} p`).first();
  const popover = page.getByRole('dialog', { name: 'Annotate selection' });
  let clicks = 0;
  for (;;) {
    clicks++;
    await word.dblclick({ position: { x: 12, y: 8 } });
    if (await popover.waitFor({ state: 'visible', timeout: 150 }).then(() => true, () => false)) break;
    if (clicks > 200) throw new Error('the annotate popover never opened');
  }
  const interactive = await page.evaluate(() => performance.now());
  return { render, interactive, clicks };
}

/**
 * Keydown `j` → the next annotation's highlight carries `cd-selected` and a frame has started after
 * it: the whole selection path (shortcut, React state, decoration update, DOM patch). Measured in
 * the page so Playwright's round trips are not counted. (A string, as for the live probe below.)
 */
async function measureSelectionChanges(page: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ms = await page.evaluate(`new Promise((resolve, reject) => {
      const root = document.querySelector('${READER.replace(/'/g, "\\'")}');
      const selectedId = () => root.querySelector('.cd-highlight.cd-selected')?.dataset.annotationId ?? null;
      const before = selectedId();
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        const now = selectedId();
        if (now && now !== before) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['class'], childList: true });
      setTimeout(() => { observer.disconnect(); reject(new Error('no new selection drawn')); }, 10000);
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    })`);
    times.push(ms as number);
    await page.waitForTimeout(150);
  }
  return times;
}

export async function run(): Promise<BenchResult[]> {
  await ensureBuild(DIST);
  const database = await createThrowawayDatabase('claimdesk_bench_reader');
  let server: AppServer | null = null;
  let browser: Browser | null = null;
  const results: BenchResult[] = [];
  try {
    console.error(`[bench] reader: next start on :${PORT} (${DIST}), database ${database.name}`);
    server = await startApp({ port: PORT, databaseUrl: database.url, distDir: DIST, authSecret: SECRET, quiet: true });
    const setup = await withClient(database.url, async (c) => {
      const authors = [];
      for (const i of [1, 2, 3, 4]) authors.push(await createUserWithToken(c, 'ANALYST', `Bench Author ${i}`));
      return {
        viewer: await createUserWithToken(c, 'ANALYST', 'Bench Viewer'),
        writer: await createUserWithToken(c, 'ANALYST', 'Bench Writer'),
        authors,
        article: await demoArticle(c),
        tags: await tagIds(c),
      };
    });
    const { article } = setup;
    const pageUrl = `${server.url}/articles/${article.articleId}`;
    // The claims the session check reads (lib/auth/server/session-cookie.ts): without `sv` and
    // `authTime` the page would send the viewer to sign-in and nothing below would be measured.
    const cookie = await encode({
      token: { sub: setup.viewer.id, name: setup.viewer.name, sv: 0, authTime: Math.floor(Date.now() / 1000) },
      secret: SECRET,
      salt: SESSION_COOKIE,
    });

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    const newPage = async () => {
      const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: server!.url, httpOnly: true, sameSite: 'Lax' }]);
      return context.newPage();
    };

    // Warm-up: the first request after start compiles/loads the page's server code.
    {
      const page = await newPage();
      await measureLoad(page, pageUrl, 0);
      await page.context().close();
    }

    const spans = pickSpans(article.text, SIZES[SIZES.length - 1]!, 11);
    let inserted = 0;
    for (const size of SIZES) {
      await withClient(database.url, (c) =>
        insertAnnotations(c, article, setup.authors.map((a) => a.id), setup.tags, spans.slice(inserted, size)),
      );
      inserted = size;
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await newPage();
        loads.push(await measureLoad(page, pageUrl, size));
        await page.context().close();
      }
      const notes = `median of ${LOADS} loads; ${loads.map((l) => `${l.render.toFixed(0)}/${l.interactive.toFixed(0)} ms, ${l.clicks} click(s)`).join('; ')}`;
      results.push(
        { suite: 'reader', name: `render, ${size} annotations (nav → all highlights)`, value: median(loads.map((l) => l.render)), unit: 'ms', notes },
        { suite: 'reader', name: `first interaction, ${size} annotations (nav → popover)`, value: median(loads.map((l) => l.interactive)), unit: 'ms' },
      );

      if (size > 0) {
        const page = await newPage();
        await measureLoad(page, pageUrl, size);
        await page.keyboard.press('Escape');
        const changes = await measureSelectionChanges(page, SELECTION_RUNS);
        results.push({
          suite: 'reader',
          name: `select an annotation (j) → drawn selected, ${size} annotations`,
          value: median(changes),
          unit: 'ms',
          notes: `median of ${SELECTION_RUNS}: ${changes.map((c) => c.toFixed(0)).join(', ')} ms`,
        });
        await page.context().close();
      }

      if (size === 0 || size === SIZES[SIZES.length - 1]) {
        const page = await newPage();
        await measureLoad(page, pageUrl, size);
        await page.keyboard.press('Escape');
        await page.getByTestId('presence').and(page.locator('.is-live')).waitFor({ timeout: 15_000 });
        const latencies: number[] = [];
        const posts: number[] = [];
        for (let i = 0; i < LIVE_RUNS; i++) {
          const span = pickSpans(article.text, 1, 1000 + i)[0]!;
          // Watch every frame for a highlight id the page did not have (no need to know the id yet).
          // (A string: tsx would wrap named inner functions in a `__name` helper the page does not have.)
          await page.evaluate(`(() => {
            const root = document.querySelector('${READER.replace(/'/g, "\\'")}');
            const ids = () => Array.from(root.querySelectorAll('.cd-highlight[data-annotation-id]'), (el) => el.dataset.annotationId);
            const known = new Set(ids());
            window.__newHighlight = null;
            const tick = () => {
              const fresh = ids().find((id) => !known.has(id));
              if (fresh) window.__newHighlight = { id: fresh, at: performance.timeOrigin + performance.now() };
              else requestAnimationFrame(tick);
            };
            tick();
          })()`);
          const t0 = Date.now();
          const res = await fetch(`${server.url}/api/articles/${article.articleId}/annotations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${setup.writer.token}`, 'content-type': 'application/json', 'idempotency-key': newId('live') },
            body: JSON.stringify({ start: span.start, end: span.end, exact: span.exact, tag: setup.tags[i % setup.tags.length]!.key }),
          });
          posts.push(Date.now() - t0);
          if (res.status !== 201) throw new Error(`live create answered ${res.status}: ${await res.text()}`);
          const { annotation } = (await res.json()) as { annotation: { id: string } };
          const seen = await page
            .waitForFunction(() => window.__newHighlight ?? false, undefined, { polling: 20, timeout: 30_000 })
            .then((h) => h.jsonValue() as Promise<{ id: string; at: number }>);
          if (seen.id !== annotation.id) throw new Error(`another highlight appeared (${seen.id}) instead of ${annotation.id}`);
          const seenAt = seen.at;
          latencies.push(seenAt - t0);
          await page.waitForTimeout(300);
        }
        results.push({
          suite: 'reader',
          name: `live annotation → highlight, ${size} annotations`,
          value: median(latencies),
          unit: 'ms',
          notes: `median of ${LIVE_RUNS}: ${latencies.map((l) => l.toFixed(0)).join(', ')} ms (POST itself ${posts.join(', ')} ms)`,
        });
        await page.context().close();
        // Back to exactly `size` annotations for the next step.
        await withClient(database.url, (c) => c.query(`DELETE FROM "Annotation" WHERE "authorId" = $1`, [setup.writer.id]));
      }
    }
    // The issue's target: 2,000 highlights interactive within 2x the plain article.
    const valueOf = (name: string) => results.find((r) => r.name === name)?.value;
    const largest = SIZES[SIZES.length - 1]!;
    for (const kind of ['render', 'first interaction'] as const) {
      const suffix = kind === 'render' ? 'nav → all highlights' : 'nav → popover';
      const plain = valueOf(`${kind}, 0 annotations (${suffix})`);
      const heavy = valueOf(`${kind}, ${largest} annotations (${suffix})`);
      if (plain && heavy) {
        results.push({ suite: 'reader', name: `${kind}: ${largest} annotations ÷ none`, value: heavy / plain, unit: 'ratio', target: { op: '<', value: 2 } });
      }
    }
  } finally {
    await browser?.close();
    await server?.stop();
    await dropDatabase(database.name).catch((e: unknown) => console.error(`[bench] could not drop ${database.name}:`, e));
  }
  return results;
}
