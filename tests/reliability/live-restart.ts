// Live updates survive a server restart (issue 7): an analyst has the article open; the app server is
// SIGKILLed and restarted; a colleague annotates right after the restart, before the page has
// reconnected, and again after. Both highlights must appear in the open page without a reload: the
// first through the refetch on reconnect (nothing missed while away), the second through live events.
// Run by scripts/test-durability.mjs after the durability scenarios. Env: NEXT_DIST_DIR, LIVE_RESTART_PORT (3155).
import { chromium, type Browser, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppServer } from '@/bench/support/app-server';
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

    // Hold the page's reconnection until the colleague's first annotation is in: its live event is
    // then certainly missed, and only the refetch on reconnect can bring it.
    await amira.route('**/events', (route) => route.abort());
    app.signal('SIGKILL');
    await app.exited;
    await amira.getByTestId('presence').and(amira.locator(':not(.is-live)')).waitFor({ timeout: 30_000 });
    log('server killed; the page shows it is offline');

    app = await startApp({ port: PORT, databaseUrl: db.url, distDir: DIST, logFile });
    const whileAway = await annotate(ben, articleId, 'more than 20 regional and international terrorist organisations');
    log('server back; a colleague annotated before the page reconnected');
    await amira.unroute('**/events');
    await amira.locator(`.cd-highlight[data-annotation-id="${whileAway}"]`).first().waitFor({ timeout: 30_000 });
    await amira.getByTestId('presence').and(amira.locator('.is-live')).waitFor({ timeout: 30_000 });
    const afterReconnect = await annotate(ben, articleId, 'carried out over 600 attacks in Pakistan in 2025 alone');
    await amira.locator(`.cd-highlight[data-annotation-id="${afterReconnect}"]`).first().waitFor({ timeout: 15_000 });
    const same = await amira.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
    if (!same) throw new Error('the page was reloaded');
    log('PASS: both annotations reached the open page without a reload');
  } finally {
    await browser?.close();
    await app?.stop();
    await dropDatabase(db.name).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(`[live-restart] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
