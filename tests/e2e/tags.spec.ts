// Issue 19 item 10: the tag vocabulary is edited on the desk settings page. An admin adds a tag (a
// colour too light for white text is refused, the form keeps what was typed), moves it to the top
// (the analyst's shortcut 1 follows), then moves it back and archives it: the annotation made with it
// keeps it, new annotations are no longer offered it. The spec leaves the seeded order as it found it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, signIn, waitForReader } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
const QUOTE = 'more than 20 regional and international terrorist organisations';

type Tag = { key: string; label: string; sortOrder: number; archived: boolean };

async function tagKeys(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/tags');
  return ((await res.json()) as { tags: Tag[] }).tags.filter((t) => !t.archived).map((t) => t.key);
}

async function createArticle(request: APIRequestContext): Promise<string> {
  const title = `Tag vocabulary check ${Date.now().toString(36)}`;
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content: [title, ...FIXTURE.split('\n').slice(1)].join('\n'), title } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { article: { id: string } }).article.id;
}

async function selectQuote(page: Page, quote: string) {
  await waitForReader(page);
  await page.evaluate((quote) => {
    const root = document.querySelector('[data-testid="article-reader"] .ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(quote);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + quote.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      n.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`not in one text node: ${quote}`);
  }, quote);
}

test('an admin adds, reorders and archives a tag on the desk page; analysts follow the order and old annotations keep it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const key = `e2e_${Date.now().toString(36)}`;
  const label = `Think tank ${key.slice(-4)}`;
  await signIn(page, DEMO.admin);
  const seededOrder = await tagKeys(page.request);
  await page.goto('/admin/desk');
  const vocabulary = page.getByTestId('tag-vocabulary');
  const add = vocabulary.getByRole('form', { name: 'Add a tag' });

  // A colour white text cannot be read on: the form says so before and after submitting, and keeps every field.
  await add.getByLabel('Key').fill(key);
  await add.getByLabel('Label').fill(label);
  await add.getByLabel('Colour', { exact: true }).fill('#fde047');
  await add.getByLabel('Description').fill('Research institutes.');
  await expect(add.getByTestId('tag-contrast')).toContainText('too light');
  await add.getByRole('button', { name: 'Add tag' }).click();
  await expect(add.getByTestId('add-tag-error')).toContainText(/contrast of 1\.\d:1/);
  await expect(add.getByLabel('Key')).toHaveValue(key);
  await expect(add.getByLabel('Label')).toHaveValue(label);
  await expect(add.getByLabel('Description')).toHaveValue('Research institutes.');

  await add.getByLabel('Colour', { exact: true }).fill('#6D28D9');
  await expect(add.getByTestId('tag-contrast')).toContainText('readable');
  await add.getByRole('button', { name: 'Add tag' }).click();
  const row = vocabulary.locator(`[data-testid="tag-row"][data-tag-key="${key}"]`);
  await expect(row).toBeVisible();
  await expect(add.getByLabel('Key')).toHaveValue('');

  // Moved to the top: it is shortcut 1.
  for (let i = seededOrder.length; i > 0; i--) {
    await row.getByRole('button', { name: `Move ${label} up` }).click();
    await expect(row.locator('kbd')).toHaveText(String(i));
  }
  await expect(vocabulary.getByTestId('tag-row').first()).toHaveAttribute('data-tag-key', key);
  await expect(row.locator('kbd')).toHaveText('1');
  expect(await tagKeys(page.request)).toEqual([key, ...seededOrder]);

  // The analyst's popover offers it first, and 1 picks it.
  const analystContext = await browser.newContext();
  try {
    const analyst = await analystContext.newPage();
    await signIn(analyst, DEMO.amira);
    const articleId = await createArticle(analyst.request);
    await analyst.goto(`/articles/${articleId}`);
    await expect(analyst.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
    await selectQuote(analyst, QUOTE);
    const popover = analyst.getByRole('dialog', { name: 'Annotate selection' });
    await expect(popover.getByRole('group', { name: 'Source tag' }).getByRole('button').first()).toHaveAccessibleName(label);
    await analyst.keyboard.press('1');
    await expect(popover.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
    await analyst.keyboard.press('Enter');
    await expect(popover).toBeHidden();
    const item = analyst.getByTestId('annotation-item').filter({ hasText: QUOTE.slice(0, 30) });
    await expect(item).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);
    await expect(item.locator(`.tag-chip[data-tag="${key}"]`)).toContainText(label);

    // The admin moves it back to the end and archives it.
    for (let i = 0; i < seededOrder.length; i++) {
      await row.getByRole('button', { name: `Move ${label} down` }).click();
      await expect(row.locator('kbd')).toHaveText(String(i + 2));
    }
    expect(await tagKeys(page.request)).toEqual([...seededOrder, key]);
    await row.getByRole('button', { name: `Archive ${label}` }).click();
    await expect(vocabulary.locator(`[data-testid="archived-tag-row"][data-tag-key="${key}"]`)).toBeVisible();
    expect(await tagKeys(page.request)).toEqual(seededOrder);

    // Old work keeps the tag; new work is not offered it.
    await analyst.reload();
    await expect(item.locator(`.tag-chip[data-tag="${key}"]`)).toContainText(label);
    await selectQuote(analyst, 'the Taliban continue to shelter TTP leaders');
    await expect(popover).toBeVisible();
    await expect(popover.getByRole('button', { name: label })).toHaveCount(0);
    await expect(popover.getByRole('group', { name: 'Source tag' }).getByRole('button')).toHaveCount(seededOrder.length);
  } finally {
    await analystContext.close();
  }
});
