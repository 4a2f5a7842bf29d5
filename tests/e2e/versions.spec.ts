import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const ORIGINAL = readFileSync('prisma/fixtures/un-militant-nexus-article.txt', 'utf8');
const TITLE = 'Versions test: UN militant nexus';
const KEPT = 'more than 20 regional and international terrorist organisations';
const DELETED = 'encrypted platforms, cryptocurrencies, and emerging technologies';

/** Calls the JSON API from inside the signed-in page, so the session cookie and Origin are the app's own. */
async function api<T>(page: Page, path: string, method: string, body: unknown): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ([p, m, b]) => {
      const res = await fetch(p as string, { method: m as string, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
      return { status: res.status, data: await res.json() };
    },
    [path, method, body] as const,
  );
}

test('re-importing an edited article shows the diff and where each annotation landed', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const created = await api<{ article: { id: string } }>(page, '/api/articles', 'POST', {
    title: TITLE,
    format: 'text',
    content: ORIGINAL,
  });
  expect(created.status).toBe(201);
  const articleId = created.data.article.id;
  // Annotate a passage that survives and one the edit deletes.
  const articleText = await page.evaluate(async (id) => (await (await fetch(`/api/articles/${id}`)).json()).version.text as string, articleId);
  for (const exact of [KEPT, DELETED]) {
    const start = articleText.indexOf(exact);
    expect(start).toBeGreaterThan(0);
    const res = await api(page, `/api/articles/${articleId}/annotations`, 'POST', { start, end: start + exact.length, exact, tag: 'un' });
    expect(res.status).toBe(201);
  }

  await page.goto(`/articles/${articleId}/versions`);
  await expect(page.getByRole('heading', { name: 'Version 1 (the only version)' })).toBeVisible();
  await page.getByRole('button', { name: 'Import a new version' }).click();
  const edited = ORIGINAL.replace(`, ${DELETED}`, '').replace('Released this month', 'Published this month');
  expect(edited).not.toBe(ORIGINAL);
  await page.getByLabel('…or paste the edited article (first line: headline)').fill(edited);
  await page.getByRole('button', { name: 'Save as new version' }).click();

  await expect(page.getByTestId('version-result')).toHaveText('Version 2 saved: 1 annotation re-anchored, 1 orphaned (kept, listed below).');
  await expect(page.getByRole('heading', { name: 'Changes from version 1 to 2' })).toBeVisible();
  const diff = page.getByTestId('version-diff');
  await expect(diff.locator('ins')).toContainText(['Published']);
  await expect(diff.locator('del').filter({ hasText: 'cryptocurrencies' })).toHaveCount(1);
  const rows = page.getByTestId('version-annotation');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'cryptocurrencies' })).toHaveAttribute('data-anchor-state', 'orphaned');
  // "Released" → "Published" shifts the text after it by one character: found again, at a new offset.
  await expect(rows.filter({ hasText: 'terrorist organisations' })).toHaveAttribute('data-anchor-state', 'moved');

  // The reader shows the surviving highlight on the new version and lists the orphan with its quote.
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByTestId('article-reader')).toContainText('Published this month');
  await expect(page.locator('.cd-highlight').filter({ hasText: 'terrorist organisations' }).first()).toBeVisible();
  await expect(page.getByText(DELETED).first()).toBeVisible();
});
