// Provenance (#15) beyond the first link: the analyst moves a link to the right passage of its source
// without re-linking (the link keeps its id and history; the chip cites the new paragraph, even
// though the passage starts mid-paragraph), and links a claim to a claim annotated in the article
// it cites (claim → citing article → cited claim). Documents invented for this test.
import { expect, test, type APIRequestContext, type Browser, type TestInfo } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './helpers';

const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
const CLAIM = 'The TTP has some 6,000 fighters in eastern Afghanistan';
const WRONG = 'about 2,000 fighters in the north, with recruitment falling since last year.';
const RIGHT = 'an estimated 6,000 to 6,500 fighters, mainly based in eastern Afghanistan';

type Json = Record<string, unknown>;
async function send<T>(request: APIRequestContext, method: 'post' | 'patch', url: string, data: unknown, status = 201): Promise<T> {
  const res = await request[method](url, { headers: SAME_ORIGIN, data });
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

const stamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function textOf(request: APIRequestContext, articleId: string): Promise<string> {
  return ((await (await request.get(`/api/articles/${articleId}`)).json()) as { version: { text: string } }).version.text;
}

/** An article with the claim annotated; returns its id and the claim's. */
async function articleWithClaim(request: APIRequestContext, title: string, sentence: string, quote: string) {
  const { article } = await send<{ article: { id: string } }>(request, 'post', '/api/articles', { format: 'text', content: [title, sentence].join('\n') });
  const text = await textOf(request, article.id);
  const start = text.indexOf(quote);
  const { annotation } = await send<{ annotation: { id: string } }>(request, 'post', `/api/articles/${article.id}/annotations`, { start, end: start + quote.length, exact: quote, tag: 'un' });
  return { articleId: article.id, annotationId: annotation.id };
}

test.describe.configure({ timeout: 150_000 });

test('a link is moved to the right passage in place: same link, new paragraph in the chip', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const id = stamp();
  const symbol = `S/2099/E${id}`;
  const report = [
    `Analytical Support Team report ${id}`,
    `40. Member States reported that ISIL-K keeps ${WRONG}`,
    '41. Financing of the groups continues through taxation of trade routes and donations collected abroad.',
    `42. The Team assesses that Tehrik-e Taliban Pakistan (TTP) has ${RIGHT}.`,
  ].join('\n');
  const { article: source } = await send<{ article: { id: string } }>(page.request, 'post', '/api/articles', { format: 'text', content: report, kind: 'source', symbol });
  const { articleId, annotationId } = await articleWithClaim(page.request, `Militant count ${id}`, `${CLAIM}, a UN report says.`, CLAIM);
  // Linked first to the wrong paragraph (40), as a hurried analyst might.
  const sourceText = await textOf(page.request, source.id);
  const at = sourceText.indexOf(WRONG);
  const { evidence } = await send<{ evidence: { id: string } }>(page.request, 'post', `/api/annotations/${annotationId}/evidence`, {
    documentId: source.id,
    start: at,
    end: at + WRONG.length,
    exact: WRONG,
    relation: 'partial',
    note: 'first look',
  });

  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await expect(item.getByTestId('provenance-chip')).toHaveText(new RegExp(`^Partly supported by ${symbol.replace(/\//g, '\\/')} ¶40`));
  await item.click();
  await item.getByTestId('evidence-link').getByRole('button', { name: 'Change passage' }).click();

  const panel = page.getByRole('dialog', { name: 'Change the link' });
  await expect(panel.getByTestId('editing-source')).toContainText(`Analytical Support Team report ${id}`);
  await expect(panel.getByRole('searchbox', { name: 'Search sources' })).toHaveCount(0);
  // The panel starts from the link as it is: its passage marked in the source, its relation and note.
  await expect(panel.getByTestId('chosen-passage')).toHaveText(WRONG);
  await expect(panel.getByTestId('passage-summary')).toContainText('as linked');
  await expect(panel.getByRole('radio', { name: 'Partly supports' })).toBeChecked();
  await expect(panel.getByRole('textbox', { name: /Note/ })).toHaveValue('first look');
  await expectAccessible(page, '[data-testid="link-source-panel"]', 'change-link panel');

  await panel.getByTestId('passage-proposal').filter({ hasText: '6,000 to 6,500' }).first().click();
  await expect(panel.getByTestId('chosen-passage')).toContainText('6,000 to 6,500');
  await panel.getByRole('radio', { name: 'Supports', exact: true }).check();
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel).toBeHidden();

  await expect(item.getByTestId('provenance-chip')).toHaveText(new RegExp(`^Supported by ${symbol.replace(/\//g, '\\/')} ¶42`));
  await expect(item.getByTestId('evidence-passage')).toContainText('6,000 to 6,500');
  await expect(item.getByTestId('evidence-link')).toHaveCount(1);

  // The same link, changed (not a new one), with its note and the history of both passages.
  const links = (await (await page.request.get(`/api/annotations/${annotationId}/evidence`)).json()) as { evidence: Json[] };
  expect(links.evidence).toHaveLength(1);
  expect(links.evidence[0]).toMatchObject({ id: evidence.id, relation: 'supports', revision: 2, paragraph: 42, note: 'first look' });
  const history = (await (await page.request.get(`/api/annotations/${annotationId}/history`)).json()) as { events: Array<{ action: string }> };
  expect(history.events.map((e) => e.action)).toEqual(expect.arrayContaining(['evidence_created', 'evidence_updated']));
});

test('a claim is linked to the claim annotated in the article it cites', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const id = stamp();
  const citedTitle = `Wire report on the TTP ${id}`;
  const citedQuote = 'The TTP fields an estimated 6,000 to 6,500 fighters based in eastern Afghanistan';
  const cited = await articleWithClaim(page.request, citedTitle, `${citedQuote}, the UN Monitoring Team said on Monday.`, citedQuote);
  const { articleId, annotationId } = await articleWithClaim(page.request, `Regional round-up ${id}`, `${CLAIM}, the wire service reported.`, CLAIM);

  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await item.click();
  await item.getByRole('button', { name: 'Link to source' }).click();
  const panel = page.getByRole('dialog', { name: 'Link to source' });
  await panel.getByRole('button', { name: 'A claim in another article' }).click();
  await expect(panel.getByRole('button', { name: 'A claim in another article' })).toHaveAttribute('aria-pressed', 'true');
  // "Not found" is a finding about a source document: not offered for a claim.
  await panel.getByRole('searchbox', { name: 'Search articles' }).fill(id);
  await expect(panel.getByRole('list', { name: 'Articles' }).getByRole('button')).toHaveCount(1); // this article is not its own evidence
  // Claimdesk recognises the cited claim as the same claim (figures, actors): offered first, one click.
  await expect(panel.getByRole('list', { name: 'The same claim elsewhere' }).getByTestId('claim-match-choice').filter({ hasText: citedQuote })).toBeVisible();
  // Any article can also be browsed for its claims.
  await panel.getByRole('list', { name: 'Articles' }).getByRole('button', { name: citedTitle }).click();
  await panel.getByTestId('claim-choice').filter({ hasText: citedQuote }).click();
  await expect(panel.getByTestId('claim-target-summary')).toContainText(citedQuote);
  await expect(panel.getByRole('radio', { name: 'Not found in source' })).toHaveCount(0);
  await panel.getByRole('radio', { name: 'Partly supports' }).check();
  await expectAccessible(page, '[data-testid="link-source-panel"]', 'link-to-claim panel');
  await panel.getByRole('button', { name: 'Save link' }).click();
  await expect(panel).toBeHidden();

  await expect(item.getByTestId('provenance-chip')).toHaveText(`Partly supported by ${citedTitle}`);
  const link = item.getByTestId('evidence-link');
  await expect(link.getByTestId('evidence-passage')).toContainText(citedQuote);
  await expect(link.getByTestId('cited-claim-status')).toHaveText('Cited claim unreviewed');
  // What the cited claim itself rests on (claim → cited claim → source): nothing yet…
  await expect(link.getByTestId('cited-claim-evidence')).toHaveText('Its own evidence: none linked yet');
  // …until someone links it to the report the wire story quotes.
  const symbol = `S/2099/W${id}`;
  const passage = 'Member States estimate that the TTP has 6,000 to 6,500 fighters in eastern Afghanistan.';
  const { article: source } = await send<{ article: { id: string } }>(page.request, 'post', '/api/articles', { format: 'text', content: ['Monitoring Team report', passage].join('\n'), kind: 'source', symbol });
  const start = (await textOf(page.request, source.id)).indexOf(passage);
  await send(page.request, 'post', `/api/annotations/${cited.annotationId}/evidence`, { documentId: source.id, start, end: start + passage.length, exact: passage, relation: 'supports' });
  await page.reload();
  await page.getByTestId('annotation-item').filter({ hasText: CLAIM }).click();
  await expect(page.getByTestId('evidence-link').getByTestId('cited-claim-evidence')).toHaveText(`Its own evidence: Supported by ${symbol}`);
  await expect(link.getByRole('link', { name: citedTitle })).toHaveAttribute('href', `/articles/${cited.articleId}?annotation=${cited.annotationId}`);
  // A link to a claim takes that claim's words: no passage of its own to change.
  await expect(link.getByRole('button', { name: 'Change passage' })).toHaveCount(0);
  const links = (await (await page.request.get(`/api/annotations/${annotationId}/evidence`)).json()) as { evidence: Json[] };
  expect(links.evidence).toEqual([expect.objectContaining({ relation: 'partial', targetAnnotation: expect.objectContaining({ id: cited.annotationId, articleId: cited.articleId }) })]);
});

async function phone(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, DEMO.amira);
  return page;
}

test('on a 390 px phone the link panel takes the whole width and its Save stays in view', async ({ browser }, testInfo) => {
  const page = await phone(browser, testInfo);
  const id = stamp();
  const report = [`Field report ${id}`, `42. The Team assesses that Tehrik-e Taliban Pakistan (TTP) has ${RIGHT}.`].join('\n');
  await send(page.request, 'post', '/api/articles', { format: 'text', content: report, kind: 'source', symbol: `S/2099/P${id}` });
  const { articleId, annotationId } = await articleWithClaim(page.request, `Phone check ${id}`, `${CLAIM}, a UN report says.`, CLAIM);

  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  await page.getByRole('button', { name: /^Annotations \(1\)/ }).tap();
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await item.tap();
  await item.getByRole('button', { name: 'Link to source' }).tap();
  const panel = page.getByRole('dialog', { name: 'Link to source' });
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.width).toBeGreaterThanOrEqual(385);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await panel.getByRole('searchbox', { name: 'Search sources' }).fill(id);
  await panel.getByRole('button', { name: new RegExp(`Field report ${id}`) }).tap();
  await panel.getByTestId('passage-proposal').filter({ hasText: '6,000 to 6,500' }).first().tap();
  const save = panel.getByRole('button', { name: 'Save link' });
  await expect(save).toBeInViewport({ ratio: 1 });
  await save.tap();
  await expect(panel).toBeHidden();
  await expect(item.getByTestId('provenance-chip')).toHaveText(new RegExp(`^Supported by S\\/2099\\/P${id} ¶42`));
});
