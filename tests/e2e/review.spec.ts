// Issue 4, "Review": verdicts, disputes, replies and the review queue between an analyst and a
// reviewer in two browser contexts, live (no reloads). Each test works on its own copy of the demo
// article, created through the API, so other specs keep the seeded article untouched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO, signIn, waitForReader } from './helpers';

type Tag = { key: string; label: string };
type Person = (typeof DEMO)[keyof typeof DEMO];

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
/** Cookie-authenticated writes must say they come from the app's own origin (CSRF check). */
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

let counter = 0;

async function createArticle(request: APIRequestContext): Promise<{ id: string; title: string }> {
  const title = `Review desk check ${Date.now().toString(36)}-${++counter}`;
  const content = [title, ...FIXTURE.split('\n').slice(1)].join('\n');
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content, title } });
  expect(res.status(), await res.text()).toBe(201);
  return { id: ((await res.json()) as { article: { id: string } }).article.id, title };
}

async function annotateViaApi(request: APIRequestContext, articleId: string, quote: string, tag: string): Promise<string> {
  const article = await request.get(`/api/articles/${articleId}`);
  const text = ((await article.json()) as { version: { text: string } }).version.text;
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const res = await request.post(`/api/articles/${articleId}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + quote.length, exact: quote, tag } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { annotation: { id: string } }).annotation.id;
}

async function statusViaApi(request: APIRequestContext, id: string): Promise<string> {
  const res = await request.get(`/api/annotations/${id}`);
  return ((await res.json()) as { annotation: { status: string } }).annotation.status;
}

async function fetchTags(request: APIRequestContext): Promise<Tag[]> {
  const res = await request.get('/api/tags');
  return ((await res.json()) as { tags: Tag[] }).tags;
}

async function otherPerson(browser: Browser, testInfo: TestInfo, who: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
  await expect(page.getByTestId('presence')).toHaveClass(/is-live/);
}

/** Selects `quote` in the reader (one text block) and fires the mouseup the reader listens to. */
async function selectQuote(page: Page, quote: string) {
  await waitForReader(page);
  const selected = await page.evaluate((quote) => {
    const root = document.querySelector('[data-testid="article-reader"] .ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(quote);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + quote.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      n.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return selection.toString();
    }
    throw new Error(`not in one text node: ${quote}`);
  }, quote);
  expect(selected).toBe(quote);
}

const itemFor = (page: Page, id: string) => page.locator(`[data-testid="annotation-item"][data-annotation-id="${id}"]`);
const statusOf = (page: Page, id: string) => itemFor(page, id).locator('.cd-item-badges [class*="cd-status-"]');

test.describe('review', () => {
  // Two browsers and a dozen live round trips on a shared 2-core machine.
  test.describe.configure({ timeout: 150_000 });

  test('a reviewer disputes, the analyst answers and re-tags, the reviewer agrees: both see every step live', async ({ page, browser }, testInfo) => {
    const quote = 'The UN credits Pakistan with weakening IS-K’s propaganda network';
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    await openArticle(page, article.id);

    // Amira annotates the claim in the reader.
    await selectQuote(page, quote);
    const popover = page.getByRole('dialog', { name: 'Annotate selection' });
    await expect(popover).toBeVisible();
    await popover.getByRole('button', { name: tags[0]!.label }).click();
    await popover.getByRole('button', { name: 'Save' }).click();
    await expect(popover).toBeHidden();
    const amiraItem = page.getByTestId('annotation-item').filter({ hasText: 'The UN credits Pakistan' });
    await expect(amiraItem).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);
    const id = (await amiraItem.getAttribute('data-annotation-id'))!;
    await expect(statusOf(page, id)).toHaveText('Unreviewed');

    // Amira cannot review her own annotation.
    await itemFor(page, id).click();
    const amiraPanel = itemFor(page, id).getByTestId('review-panel');
    await expect(amiraPanel).toBeVisible();
    await expect(amiraPanel.getByRole('group', { name: 'Your verdict' })).toHaveCount(0);

    // Rhea, in her own browser, disputes with a comment and a suggested tag.
    const rhea = await otherPerson(browser, testInfo, DEMO.rhea);
    await openArticle(rhea, article.id);
    await itemFor(rhea, id).click();
    const rheaPanel = itemFor(rhea, id).getByTestId('review-panel');
    await rheaPanel.getByRole('button', { name: 'Dispute', exact: true }).click();
    const dispute = rheaPanel.getByRole('form', { name: 'Dispute' });
    await expect(dispute.getByLabel('What is wrong? (required)')).toBeFocused();
    // The comment is required before anything is sent.
    await dispute.getByRole('button', { name: 'Submit dispute' }).click();
    await expect(dispute.getByRole('alert')).toHaveText(/needs a comment/);
    await dispute.getByLabel('What is wrong? (required)').fill('The credit comes from Pakistani intelligence, not the UN report.');
    await dispute.getByLabel('Suggested tag').selectOption(tags[1]!.key);
    await dispute.getByRole('button', { name: 'Submit dispute' }).click();
    await expect(dispute).toBeHidden();
    await expect(statusOf(rhea, id)).toHaveText('Disputed');
    await expect(rheaPanel.getByRole('button', { name: 'Dispute', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Amira sees it without reloading, with the comment.
    await expect(statusOf(page, id)).toHaveText('Disputed');
    const verdict = amiraPanel.getByTestId('verdict');
    await expect(verdict).toContainText(DEMO.rhea.name);
    await expect(verdict).toContainText('The credit comes from Pakistani intelligence');
    await expect(verdict).toContainText(`Suggests: ${tags[1]!.label}`);

    // She replies (Rhea sees it live) and re-tags.
    await amiraPanel.getByRole('textbox', { name: 'Reply' }).fill('Fair point: re-tagged as intelligence.');
    await amiraPanel.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(amiraPanel.getByTestId('reply-body')).toHaveText(['Fair point: re-tagged as intelligence.']);
    await expect(rheaPanel.getByTestId('reply-body')).toHaveText(['Fair point: re-tagged as intelligence.']);
    // Her own reply is hers to edit; Rhea sees the edit live and cannot edit it herself.
    await expect(rheaPanel.getByRole('button', { name: 'Edit reply' })).toHaveCount(0);
    await amiraPanel.getByRole('button', { name: 'Edit reply' }).click();
    await amiraPanel.getByRole('textbox', { name: 'Edit reply' }).fill('Fair point: re-tagged as intelligence (ISPR briefing).');
    await amiraPanel.getByRole('button', { name: 'Save' }).click();
    await expect(rheaPanel.getByTestId('reply-body')).toHaveText(['Fair point: re-tagged as intelligence (ISPR briefing).']);

    await itemFor(page, id).getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = itemFor(page, id).getByRole('form', { name: 'Edit annotation' });
    await edit.getByLabel('Tag').selectOption(tags[1]!.key);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(itemFor(page, id).locator('.cd-item-badges .tag-chip')).toHaveText(tags[1]!.label);
    await expect(itemFor(rhea, id).locator('.cd-item-badges .tag-chip')).toHaveText(tags[1]!.label);

    // Rhea agrees now: CONFIRMED on both desks, no reload.
    await rheaPanel.getByRole('button', { name: 'Agree', exact: true }).click();
    await expect(statusOf(rhea, id)).toHaveText('Confirmed');
    await expect(statusOf(page, id)).toHaveText('Confirmed');
    await expect(amiraPanel.getByTestId('verdict')).toHaveCount(1);
    await expect(amiraPanel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'AGREE');
    expect(await statusViaApi(page.request, id)).toBe('CONFIRMED');

    // The history tells the story.
    await amiraPanel.getByText('History').click();
    await expect(amiraPanel.getByTestId('history').locator(':scope > li')).toHaveText([
      /Amira Khan created it/,
      /Rhea Lindqvist disputed/,
      /Amira Khan replied/,
      /Amira Khan edited a reply/,
      /Amira Khan edited it/,
      /Rhea Lindqvist agreed/,
    ]);
    await rhea.context().close();
  });

  test('review queue: j/k move, a agrees and the item leaves the queue, d opens the dispute form', async ({ page, browser }, testInfo) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    const first = await annotateViaApi(page.request, article.id, 'Kabul is described as a coordination hub', tags[0]!.key);
    const second = await annotateViaApi(page.request, article.id, 'With an estimated strength of 6,000 fighters', tags[1]!.key);

    const rhea = await otherPerson(browser, testInfo, DEMO.rhea);
    await rhea.getByRole('link', { name: 'Review queue' }).click();
    await expect(rhea.getByRole('heading', { name: 'Review queue' })).toBeVisible();
    await rhea.getByLabel('Article').selectOption({ label: article.title });
    const items = rhea.getByTestId('queue-item');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toHaveAttribute('data-annotation-id', first);
    await expect(items.nth(1)).toHaveAttribute('data-annotation-id', second);
    await expect(items.nth(0).getByTestId('queue-quote')).toHaveText('Kabul is described as a coordination hub');
    const current = rhea.locator('[data-testid="queue-item"][aria-current="true"]');
    await expect(current).toHaveAttribute('data-annotation-id', first);

    // Keys act on the page, not on the filter select that still has focus.
    await rhea.getByRole('heading', { name: 'Review queue' }).click();
    await rhea.keyboard.press('j');
    await expect(current).toHaveAttribute('data-annotation-id', second);
    await rhea.keyboard.press('k');
    await expect(current).toHaveAttribute('data-annotation-id', first);

    await rhea.keyboard.press('a');
    await expect(rhea.locator(`[data-testid="queue-item"][data-annotation-id="${first}"]`)).toHaveCount(0);
    await expect(items).toHaveCount(1);
    await expect(current).toHaveAttribute('data-annotation-id', second);
    await expect.poll(() => statusViaApi(page.request, first)).toBe('CONFIRMED');

    await rhea.keyboard.press('d');
    const dispute = current.getByRole('form', { name: 'Dispute' });
    await expect(dispute.getByLabel('What is wrong? (required)')).toBeFocused();
    await rhea.keyboard.type('The report gives no number.');
    await dispute.getByRole('button', { name: 'Submit dispute' }).click();
    await expect(items).toHaveCount(0);
    await expect(rhea.getByTestId('queue-count')).toHaveText(/Nothing left to review/);
    await expect.poll(() => statusViaApi(page.request, second)).toBe('DISPUTED');

    // Still gone after a reload (the server agrees).
    await rhea.reload();
    await rhea.getByLabel('Article').selectOption({ label: article.title });
    await expect(rhea.getByTestId('queue-count')).toHaveText(/Nothing left to review/);
    await rhea.context().close();
  });
});

test('two analysts tag one claim differently: both see the conflict; a reviewer confirms one tag and it clears live', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const quote = 'the Taliban continue to shelter TTP leaders and provide them with logistical space';
  await signIn(page, DEMO.amira);
  const tags = await fetchTags(page.request);
  const un = tags.find((t) => t.key === 'un')!;
  const article = await createArticle(page.request);
  const amiraId = await annotateViaApi(page.request, article.id, quote, 'un');
  const ben = await otherPerson(browser, testInfo, DEMO.ben);
  const benId = await annotateViaApi(ben.request, article.id, quote, 'intelligence');

  await openArticle(page, article.id);
  await expect(page.getByTestId('conflict-count')).toHaveText('2 in conflict');

  const rhea = await otherPerson(browser, testInfo, DEMO.rhea);
  await openArticle(rhea, article.id);
  await expect(rhea.getByTestId('conflict-count')).toHaveText('2 in conflict');
  await itemFor(rhea, amiraId).click();
  const resolver = rhea.getByTestId('conflict-resolver');
  await expect(resolver).toContainText(DEMO.ben.name);
  await resolver.getByRole('button', { name: un.label, exact: true }).click();

  // Settled for everyone, without a reload: no conflict badge, the kept tag confirmed, the other disputed.
  for (const viewer of [rhea, page]) {
    await expect(viewer.getByTestId('conflict-count')).toHaveCount(0);
    await expect(statusOf(viewer, amiraId)).toHaveText(/confirmed/i);
    await expect(statusOf(viewer, benId)).toHaveText(/disputed/i);
  }
  await rhea.context().close();
  await ben.context().close();
});
