// Live updates survive a server restart (issues 7 and 20): an analyst has the article open; the app
// server is SIGKILLed; annotations are written while it is down (straight through the domain, as
// another instance would) and right after it comes back, before the page has reconnected, and again
// after. Every highlight must appear in the open page without a reload and without the page ever
// asking for the whole list again: the missed ones through the replay after the reconnect
// (Last-Event-ID / ?since=), the later ones as live events. A second kill, with the replay log emptied
// while the server is down (as when the log was pruned), must heal through one `?since=` delta.
// Run by scripts/test-durability.mjs after the durability scenarios. Env: NEXT_DIST_DIR, LIVE_RESTART_PORT (3155).
import { chromium, type Browser, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppServer } from '@/bench/support/app-server';
import { withClient } from '@/bench/support/data';
import { createThrowawayDatabase, dropDatabase } from '@/tests/support/throwaway-db';

const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const PORT = Number(process.env.LIVE_RESTART_PORT ?? 3155);
const BASE = `http://127.0.0.1:${PORT}`;
const TITLE = 'UN Flags Militant Nexus Threatening Pakistan';
const log = (msg: string) => console.log(`[live-restart] ${msg}`);

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** Creates an annotation on `quote` from inside `page` (its session cookie, its origin); retries while the server is coming back. */
async function annotate(page: Page, articleId: string, quote: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const result = await page.evaluate(
      async ([id, q]) => {
        try {
          const article = await fetch(`/api/articles/${id}`);
          if (!article.ok) return { retry: `article ${article.status}` };
          const text = ((await article.json()) as { version: { text: string } }).version.text;
          const start = text.indexOf(q!);
          const res = await fetch(`/api/articles/${id}/annotations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ start, end: start + q!.length, exact: q, tag: 'intelligence' }),
          });
          if (res.status !== 201) return { retry: `create ${res.status}: ${await res.text()}` };
          return { id: ((await res.json()) as { annotation: { id: string } }).annotation.id };
        } catch (error) {
          return { retry: String(error) };
        }
      },
      [articleId, quote] as const,
    );
    if ('id' in result && result.id) return result.id;
    if (Date.now() > deadline) throw new Error(`could not create an annotation: ${result.retry}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Writes an annotation straight through the domain (the app server is down): as another instance would. */
async function annotateDirectly(databaseUrl: string, email: string, articleId: string, quote: string): Promise<string> {
  process.env.DATABASE_URL = databaseUrl;
  const [{ db }, { createAnnotation }] = await Promise.all([import('@/lib/db/server/prisma'), import('@/lib/annotations/server/create-annotation')]);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, text: true } });
  const start = version.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in the article: ${quote}`);
  const { annotation } = await createAnnotation(db, user, articleId, { start, end: start + quote.length, exact: quote, tag: 'intelligence' });
  return annotation.id;
}

async function main() {
  const db = await createThrowawayDatabase('claimdesk_live_restart');
  let app: AppServer | null = null;
  let browser: Browser | null = null;
  const logFile = join(tmpdir(), `claimdesk-live-restart-${PORT}.log`);
  try {
    app = await startApp({ port: PORT, databaseUrl: db.url, distDir: DIST, logFile });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    const amira = await signIn(browser, 'amira@claimdesk.test', 'claimdesk-analyst');
    const ben = await signIn(browser, 'ben@claimdesk.test', 'claimdesk-analyst');
    await amira.getByRole('link', { name: TITLE }).first().click();
    await amira.getByTestId('presence').and(amira.locator('.is-live')).waitFor({ timeout: 30_000 });
    const articleId = new URL(amira.url()).pathname.split('/').pop()!;
    // Survives only if the page is never reloaded.
    await amira.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    // Every annotation-list request the open page makes from here on: none may be the whole list.
    const listRequests: string[] = [];
    amira.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname === `/api/articles/${articleId}/annotations`) listRequests.push(url.search);
    });
    const shows = (id: string, timeout = 30_000) => amira.locator(`.cd-highlight[data-annotation-id="${id}"]`).first().waitFor({ timeout });

    // Hold the page's reconnection until the colleague's first annotation after the restart is in:
    // its live event is then certainly missed, and only the replay on reconnect can bring it.
    await amira.route('**/events*', (route) => route.abort());
    app.signal('SIGKILL');
    await app.exited;
    await amira.getByTestId('presence').and(amira.locator(':not(.is-live)')).waitFor({ timeout: 30_000 });
    log('server killed; the page shows it is offline');
    const whileDown = [
      await annotateDirectly(db.url, 'ben@claimdesk.test', articleId, 'more than 20 regional and international terrorist organisations'),
      await annotateDirectly(db.url, 'ben@claimdesk.test', articleId, 'carried out over 600 attacks in Pakistan in 2025 alone'),
    ];
    log('two annotations written while the server was down');

    app = await startApp({ port: PORT, databaseUrl: db.url, distDir: DIST, logFile });
    const beforeReconnect = await annotate(ben, articleId, 'Afghanistan has once again become a safe haven');
    log('server back; a colleague annotated before the page reconnected');
    await amira.unroute('**/events*');
    for (const id of [...whileDown, beforeReconnect]) await shows(id);
    await amira.getByTestId('presence').and(amira.locator('.is-live')).waitFor({ timeout: 30_000 });
    const afterReconnect = await annotate(ben, articleId, 'religious extremists and ethno-nationalist outfits');
    await shows(afterReconnect, 15_000);
    log(`replayed after the restart; list requests so far: ${JSON.stringify(listRequests)}`);

    // Second outage, and the replay log is lost meanwhile: the server answers `resync`, the page heals with `?since=`.
    app.signal('SIGKILL');
    await app.exited;
    await amira.getByTestId('presence').and(amira.locator(':not(.is-live)')).waitFor({ timeout: 30_000 });
    const whilePruned = await annotateDirectly(db.url, 'amira@claimdesk.test', articleId, 'UN Analytical Support and Sanctions Monitoring Team');
    await withClient(db.url, (c) => c.query('DELETE FROM "LiveEvent" WHERE "articleId" = $1', [articleId]));
    app = await startApp({ port: PORT, databaseUrl: db.url, distDir: DIST, logFile });
    await shows(whilePruned);
    await amira.getByTestId('presence').and(amira.locator('.is-live')).waitFor({ timeout: 30_000 });
    const last = await annotate(ben, articleId, 'repeated Taliban denials');
    await shows(last, 15_000);

    const same = await amira.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
    if (!same) throw new Error('the page was reloaded');
    const full = listRequests.filter((search) => !new URLSearchParams(search).has('since'));
    if (full.length > 0) throw new Error(`the page fetched the whole annotation list ${full.length} time(s): ${JSON.stringify(listRequests)}`);
    if (!listRequests.some((search) => new URLSearchParams(search).has('since'))) throw new Error('the lost replay log was not healed with a ?since= delta');
    log(`PASS: all ${whileDown.length + 4} annotations reached the open page without a reload or a full-list request (list requests: ${JSON.stringify(listRequests)})`);
  } finally {
    await browser?.close();
    await app?.stop();
    if (process.env.DATABASE_URL === db.url) await import('@/lib/db/server/prisma').then((m) => m.disconnectDb()).catch(() => undefined);
    await dropDatabase(db.name).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(`[live-restart] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
