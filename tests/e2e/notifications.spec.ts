// In-app notifications: a colleague's reply on my annotation raises the badge; the notifications
// page lists it, clears the badge, and links to the article with that annotation selected.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync('prisma/fixtures/un-militant-nexus-article.txt', 'utf8');
const QUOTE = 'carried out over 600 attacks in Pakistan in 2025 alone';
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { headers: SAME_ORIGIN, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** A new copy of the demo article with one annotation by the signed-in user on QUOTE. */
async function articleWithMyAnnotation(request: APIRequestContext, label: string) {
  const title = `${label} ${Date.now().toString(36)}`;
  const { article } = await post<{ article: { id: string } }>(request, '/api/articles', { format: 'text', title, content: [title, ...FIXTURE.split('\n').slice(1)].join('\n') });
  const text = ((await (await request.get(`/api/articles/${article.id}`)).json()) as { version: { text: string } }).version.text;
  const start = text.indexOf(QUOTE);
  const { annotation } = await post<{ annotation: { id: string } }>(request, `/api/articles/${article.id}/annotations`, { start, end: start + QUOTE.length, exact: QUOTE, tag: 'un' });
  return { article, annotation };
}

test('a reply on my annotation shows as a notification that leads back to it', async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.amira);
  const { article, annotation } = await articleWithMyAnnotation(page.request, 'Notifications check');
  // Visiting the notifications page records "seen up to now": only newer activity counts.
  await page.goto('/notifications');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);

  const rheaContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const rhea = await rheaContext.newPage();
  await signIn(rhea, DEMO.rhea);
  await post(rhea.request, `/api/annotations/${annotation.id}/replies`, { body: 'Which annex gives the 600 figure?' });
  await rheaContext.close();

  await page.goto('/');
  await expect(page.getByTestId('notification-count')).toHaveText('1');
  await page.getByRole('link', { name: /new replies or verdicts/ }).click();
  const item = page.getByTestId('notification').filter({ hasText: 'Which annex gives the 600 figure?' });
  await expect(item).toContainText('Rhea Lindqvist');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);

  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/articles/${article.id}\\?annotation=${annotation.id}`));
  await expect(page.locator(`[data-testid="annotation-item"][data-annotation-id="${annotation.id}"]`)).toHaveAttribute('aria-current', 'true');
});

// Issue 20: the bell of an analyst reading an article learns of a colleague's reply on their claim
// from the article's live stream, not from its poll (which slows to minutes while a stream is open).
test('with the article open, a colleague’s reply raises the badge at once, with no poll and no reload', async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.amira);
  const { article, annotation } = await articleWithMyAnnotation(page.request, 'Live bell check');
  await page.goto('/notifications');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId('presence')).toHaveClass(/is-live/);

  const rheaContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const rhea = await rheaContext.newPage();
  await signIn(rhea, DEMO.rhea);
  await post(rhea.request, `/api/annotations/${annotation.id}/replies`, { body: 'Source for the 600?' });
  await rheaContext.close();

  // Well inside the 30 s a polling tab would wait (the page loaded seconds ago, so no poll is due).
  await expect(page.getByTestId('notification-count')).toHaveText('1', { timeout: 5_000 });
});
