// Seen before: a claim annotated and confirmed in one article is flagged, with its verdict, when a
// second article about the same report is imported; one click annotates it there, linked to the
// earlier check, which both articles and the brief then show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const fixture = (f: string) => readFileSync(join(process.cwd(), 'tests/fixtures/matching/articles', f), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

const STRENGTH = 'The banned Tehreek-e-Taliban Pakistan (TTP) has between 6,000 and 6,500 fighters based in Afghanistan';
const PAYMENTS = 'Member states told the monitors that the Taliban pay the TTP leadership roughly $50,000 a month.';

async function annotate(request: APIRequestContext, articleId: string, text: string, quote: string): Promise<string> {
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const res = await request.post(`/api/articles/${articleId}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + quote.length, exact: quote, tag: 'un' } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { annotation: { id: string } }).annotation.id;
}

test('claims confirmed in one article are flagged in the next one on the same report; one click links them', async ({ browser }) => {
  // Outlets unique to this run: other specs' claims in the shared library never match these names.
  const stamp = Date.now().toString(36);
  const firstOutlet = `Capital Ledger ${stamp}`;
  const secondOutlet = `Frontier Standard ${stamp}`;
  const analyst = await browser.newContext();
  const reviewer = await browser.newContext();
  try {
    const page = await analyst.newPage();
    const rhea = await reviewer.newPage();
    await signIn(page, DEMO.ben);
    await signIn(rhea, DEMO.rhea);

    // The first article: two claims annotated, only one confirmed by a reviewer.
    const created = await page.request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content: fixture('capital-ledger-un-report.txt'), outlet: firstOutlet, publishedAt: '2025-07-15' } });
    expect(created.status()).toBe(201);
    const firstId = ((await created.json()) as { article: { id: string } }).article.id;
    const first = (await (await page.request.get(`/api/articles/${firstId}`)).json()) as { version: { text: string } };
    const strengthId = await annotate(page.request, firstId, first.version.text, STRENGTH);
    await annotate(page.request, firstId, first.version.text, PAYMENTS);
    const review = await rhea.request.post(`/api/annotations/${strengthId}/reviews`, { headers: SAME_ORIGIN, data: { verdict: 'AGREE' } });
    expect(review.status(), await review.text()).toBe(201);

    // The second article, imported through the library: nobody asks, the reader already knows.
    await page.goto('/');
    await page.getByRole('button', { name: 'Import article' }).click();
    const form = page.getByRole('form', { name: 'Import article' });
    await form.getByLabel('Outlet').fill(secondOutlet);
    await page.getByLabel('…or paste the article (first line: headline)').fill(fixture('frontier-standard-un-report.txt'));
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    const reader = page.getByTestId('article-reader');
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Six thousand and counting');

    const label = `checked before: Confirmed in ${firstOutlet}, 15 Jul 2025`;
    const badge = reader.locator('.cd-known-badge').filter({ hasText: label });
    await expect(badge.first()).toBeVisible();
    await expect(badge.first().getByRole('link', { name: /open the earlier check/ })).toHaveAttribute('href', `/articles/${firstId}?annotation=${strengthId}`);
    // The sentence itself is marked, not just the badge.
    await expect(reader.locator('.cd-known-claim').filter({ hasText: 'six thousand to six and a half thousand fighters' })).toHaveCount(1);

    const panel = page.getByTestId('known-claims-panel');
    const item = panel.getByTestId('known-claim').filter({ hasText: 'six thousand to six and a half thousand fighters' });
    await expect(item).toContainText(label);
    await expect(item).toContainText('same figures');
    // The unreviewed payments claim is not offered as checked before.
    await expect(panel.getByTestId('known-claim').filter({ hasText: '$50,000' })).toHaveCount(0);

    // One click: an annotation here with the same tag, linked to the earlier one.
    await item.getByRole('button', { name: 'Annotate as UN report' }).click();
    const annotation = page.getByTestId('annotation-item').filter({ hasText: 'six thousand to six and a half thousand fighters' });
    await expect(annotation).toBeVisible();
    await expect(annotation.locator('.tag-chip')).toContainText('UN report');
    await expect(annotation.getByTestId('previously-checked')).toContainText(`Previously checked: Confirmed in ${firstOutlet}, 15 Jul 2025`);
    await expect(item.getByTestId('known-claim-linked')).toBeVisible();
    const secondId = new URL(page.url()).pathname.split('/').pop()!;

    // The brief says so.
    const brief = await page.request.get(`/api/articles/${secondId}/export?format=md`);
    expect(brief.status()).toBe(200);
    expect(await brief.text()).toContain(`**Previously checked:** Confirmed in ${firstOutlet}, 15 Jul 2025`);

    // And the first article knows its claim was restated, and where.
    await page.goto(`/articles/${firstId}?annotation=${strengthId}`);
    const earlier = page.locator(`[data-testid="annotation-item"][data-annotation-id="${strengthId}"]`);
    await expect(earlier.getByTestId('matched-by')).toContainText('Restated in 1 other article');
    await expect(page.getByTestId('claim-matches').getByTestId('claim-match').filter({ hasText: secondOutlet })).toBeVisible();
  } finally {
    await analyst.close();
    await reviewer.close();
  }
});
