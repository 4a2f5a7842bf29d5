// Provenance in the exported brief (#15): a claim linked to a source passage that supports it and to
// another that contradicts it; the printable brief shows the provenance and both passages under the
// claim with the sources' titles and symbol, and the Markdown download from the Export menu carries both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const CLAIM = 'carried out over 600 attacks in Pakistan in 2025 alone';
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
// Invented documents, written for this test.
const SUPPORTING = 'The TTP conducted more than 600 attacks inside Pakistan during 2025, according to one Member State.';
const CONTRADICTING = 'The monitor recorded 412 attacks attributed to the TTP in 2025, far fewer than 600.';

async function post<T>(request: APIRequestContext, url: string, data: unknown): Promise<T> {
  const res = await request.post(url, { headers: SAME_ORIGIN, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

async function linkedClaim(request: APIRequestContext) {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const title = `Provenance brief check ${stamp}`;
  const { article } = await post<{ article: { id: string } }>(request, '/api/articles', { format: 'text', content: [title, ...FIXTURE.split('\n').slice(1)].join('\n'), title });
  const text = ((await (await request.get(`/api/articles/${article.id}`)).json()) as { version: { text: string } }).version.text;
  const start = text.indexOf(CLAIM);
  const { annotation } = await post<{ annotation: { id: string } }>(request, `/api/articles/${article.id}/annotations`, { start, end: start + CLAIM.length, exact: CLAIM, tag: 'un' });
  const sources: Array<[string, Record<string, string>, string, string]> = [
    [`Monitoring Team report ${stamp}\nFindings\n${SUPPORTING}`, { issuer: 'UN Security Council', symbol: `S/2099/${stamp}` }, SUPPORTING, 'supports'],
    [`Conflict monitor review ${stamp}\n${CONTRADICTING}`, { issuer: 'Conflict Monitor' }, CONTRADICTING, 'contradicts'],
  ];
  for (const [content, meta, passage, relation] of sources) {
    const { article: source } = await post<{ article: { id: string } }>(request, '/api/articles', { format: 'text', content, kind: 'source', ...meta });
    const at = content.indexOf(passage);
    await post(request, `/api/annotations/${annotation.id}/evidence`, { documentId: source.id, start: at, end: at + passage.length, exact: passage, relation });
  }
  return { id: article.id, stamp };
}

test('the brief shows each claim’s provenance and both linked passages; the Markdown download carries them', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const { id, stamp } = await linkedClaim(page.request);

  await page.goto(`/articles/${id}/brief`);
  const claim = page.getByTestId('brief').locator('article.claim').filter({ hasText: CLAIM });
  await expect(claim).toHaveCount(1);
  await expect(claim.locator('dt', { hasText: 'Provenance' }).locator('+ dd')).toHaveText('Contradicted');
  const supports = claim.locator('li.relation-supports');
  await expect(supports).toContainText(`Supports — Monitoring Team report ${stamp} (S/2099/${stamp}, UN Security Council)`);
  await expect(supports.locator('blockquote')).toHaveText(`“${SUPPORTING}”`);
  const contradicts = claim.locator('li.relation-contradicts');
  await expect(contradicts).toContainText(`Contradicts — Conflict monitor review ${stamp} (Conflict Monitor)`);
  await expect(contradicts.locator('blockquote')).toHaveText(`“${CONTRADICTING}”`);
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
  await page.getByRole('button', { name: /^Export/ }).click();
  const menu = page.getByRole('dialog', { name: 'Export brief' });
  await menu.getByLabel('Format').selectOption('md');
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('link', { name: 'Download' }).click()]);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain('- **Provenance:** Contradicted');
  expect(markdown).toContain(`Passage: “${SUPPORTING}”`);
  expect(markdown).toContain(`Passage: “${CONTRADICTING}”`);
});
