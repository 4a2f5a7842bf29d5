// Suggestions: the sidebar toggle shows the engine's proposed claims as dashed outlines in the reader
// and as a list with reasons; Enter accepts one as a real annotation (seen live by a colleague), x
// rejects one for good. Works on its own copy of the demo article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
let counter = 0;

async function createArticle(request: APIRequestContext): Promise<string> {
  const title = `Suggest desk check ${Date.now().toString(36)}-${++counter}`;
  const content = [title, ...FIXTURE.split('\n').slice(1)].join('\n');
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content, title } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { article: { id: string } }).article.id;
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
}

async function turnOnSuggestions(page: Page) {
  const toggle = page.getByRole('switch', { name: 'Suggestions' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('suggestion-item').first()).toBeVisible();
}

test('accept a suggestion with the keyboard: it becomes a real annotation that a colleague sees live', async ({ browser }) => {
  const mine = await browser.newContext();
  const theirs = await browser.newContext();
  try {
    const page = await mine.newPage();
    const colleague = await theirs.newPage();
    await signIn(page, DEMO.ben);
    await signIn(colleague, DEMO.rhea);
    const articleId = await createArticle(page.request);
    await openArticle(page, articleId);
    await openArticle(colleague, articleId);
    await expect(page.getByTestId('annotation-count')).toHaveText('0 annotations');

    // Off by default: no outlines until the toggle is on.
    const outlines = page.getByTestId('article-reader').locator('.cd-suggestion');
    await expect(outlines).toHaveCount(0);
    await turnOnSuggestions(page);
    const items = page.getByTestId('suggestion-item');
    const total = await items.count();
    await expect(outlines).toHaveCount(total);
    await expect(page.getByTestId('suggestion-count')).toHaveText(`${total} proposed`);

    // The first tagged suggestion: dashed outline in its tag's colour, reason in the panel.
    const item = items.filter({ has: page.locator('.tag-chip') }).first();
    const key = (await item.getAttribute('data-suggestion-key'))!;
    const quote = (await item.locator('.cd-item-quote-static').innerText()).trim();
    const reason = (await item.getByTestId('suggestion-reason').innerText()).trim();
    expect(reason.length).toBeGreaterThan(0);
    const outline = page.locator(`[data-testid="article-reader"] .cd-suggestion[data-suggestion-key="${key}"]`);
    await expect(outline).toHaveCSS('outline-style', 'dashed');

    await item.focus();
    await expect(outline).toHaveClass(/is-active/);
    await page.keyboard.press('Enter');

    // Gone from the panel and the reader; a real annotation in its place, marked as suggested.
    await expect(page.locator(`[data-testid="suggestion-item"][data-suggestion-key="${key}"]`)).toHaveCount(0);
    await expect(outline).toHaveCount(0);
    await expect(items).toHaveCount(total - 1);
    await expect(page.getByTestId('annotation-count')).toHaveText('1 annotation');
    const annotation = page.getByTestId('annotation-item').filter({ hasText: quote });
    await expect(annotation).toBeVisible();
    await expect(annotation).toContainText(`Suggested: ${reason}`);
    await expect(annotation.getByTestId('annotation-author')).toHaveText(DEMO.ben.name);
    await expect(page.getByTestId('article-reader').locator('.cd-highlight')).toHaveCount(1);
    // Focus moved on to the next suggestion, ready for the next key press.
    await expect(items.first()).toBeFocused();

    // The colleague's reader and sidebar show it without reloading.
    await expect(colleague.getByTestId('annotation-item').filter({ hasText: quote })).toBeVisible();
    await expect(colleague.getByTestId('annotation-count')).toHaveText('1 annotation');

    // Persisted: after a reload it is still there and is not suggested again.
    await page.reload();
    await expect(page.getByTestId('annotation-item').filter({ hasText: quote })).toBeVisible();
    await turnOnSuggestions(page);
    await expect(page.getByTestId('suggestion-item')).toHaveCount(total - 1);
    await expect(page.locator(`[data-testid="suggestion-item"][data-suggestion-key="${key}"]`)).toHaveCount(0);
  } finally {
    await mine.close();
    await theirs.close();
  }
});

test('x rejects a suggestion for good; "accept all" of a tag asks first', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const articleId = await createArticle(page.request);
  await openArticle(page, articleId);
  await turnOnSuggestions(page);
  const items = page.getByTestId('suggestion-item');
  const total = await items.count();
  const first = items.first();
  const key = (await first.getAttribute('data-suggestion-key'))!;
  await first.focus();
  await page.keyboard.press('x');
  await expect(page.locator(`[data-testid="suggestion-item"][data-suggestion-key="${key}"]`)).toHaveCount(0);
  await expect(items).toHaveCount(total - 1);
  await expect(page.getByTestId('annotation-count')).toHaveText('0 annotations');

  await page.reload();
  await turnOnSuggestions(page);
  await expect(items).toHaveCount(total - 1);
  await expect(page.locator(`[data-suggestion-key="${key}"]`)).toHaveCount(0);

  // Accept all of one tag: nothing happens until confirmed.
  const bulk = page.getByRole('button', { name: /^Accept all \d+ · Intelligence$/ });
  const n = Number((await bulk.innerText()).match(/\d+/)![0]);
  await bulk.click();
  const confirm = page.getByRole('alertdialog', { name: 'Confirm accept all' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('annotation-count')).toHaveText('0 annotations');
  await bulk.click();
  await confirm.getByRole('button', { name: `Accept ${n}` }).click();
  await expect(page.getByTestId('annotation-count')).toHaveText(`${n} annotation${n === 1 ? '' : 's'}`);
  await expect(items).toHaveCount(total - 1 - n);
  await expect(page.getByRole('button', { name: /· Intelligence$/ })).toHaveCount(0);
});
