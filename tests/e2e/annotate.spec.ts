// Issue 3, "Annotate": select → tag → save in the read-only reader, highlights as decorations,
// the sidebar (filters, edit, delete + Undo), live updates between two analysts, overlapping
// annotations, fuzzy anchors and orphans. Every test works on its own fresh copy of the demo
// article (created through the API), so other specs keep the seeded article untouched.
// `CLAIMDESK_SCREENSHOT=1` also writes docs/reader.png from the seeded demo article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { DEMO, openDemoArticle, signIn, waitForReader } from './helpers';

type Tag = { key: string; label: string; color: string };
type Annotation = {
  id: string;
  tag: string;
  note: string | null;
  anchorState: string;
  revision: number;
  target: { exact: string; start: number; end: number };
};
type Person = (typeof DEMO)[keyof typeof DEMO];

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');

const SENTENCE =
  'Released this month by the UN Analytical Support and Sanctions Monitoring Team, the report challenges repeated Taliban denials and concludes that Afghan territory continues to be used by more than 20 regional and international terrorist organisations to plan, support, and launch attacks beyond its borders.';

/** Cookie-authenticated writes must say they come from the app's own origin (CSRF check). */
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

let articleCounter = 0;

/** A private copy of the demo article, so annotations made here never leak into other specs. */
async function createArticle(request: APIRequestContext, content = FIXTURE): Promise<{ id: string; title: string }> {
  const title = `Annotate desk check ${Date.now().toString(36)}-${++articleCounter}`;
  const body = [title, ...content.split('\n').slice(1)].join('\n');
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content: body, title, outlet: 'Fixture Daily' } });
  expect(res.status(), await res.text()).toBe(201);
  return { id: ((await res.json()) as { article: { id: string } }).article.id, title };
}

async function articleText(request: APIRequestContext, articleId: string): Promise<string> {
  const res = await request.get(`/api/articles/${articleId}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { version: { text: string } }).version.text;
}

/** Creates an annotation on the first occurrence of `quote` through the API (as whoever owns `request`). */
async function annotateViaApi(
  request: APIRequestContext,
  articleId: string,
  quote: string,
  fields: { tag: string; note?: string; sourceDetail?: string; confidence?: 'low' | 'medium' | 'high' },
): Promise<Annotation> {
  const text = await articleText(request, articleId);
  const start = text.indexOf(quote);
  expect(start, `quote not in article: ${quote}`).toBeGreaterThanOrEqual(0);
  const res = await request.post(`/api/articles/${articleId}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + quote.length, exact: quote, ...fields } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { annotation: Annotation }).annotation;
}

async function listViaApi(request: APIRequestContext, articleId: string): Promise<Annotation[]> {
  const res = await request.get(`/api/articles/${articleId}/annotations`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { annotations: Annotation[] }).annotations;
}

async function fetchTags(request: APIRequestContext): Promise<Tag[]> {
  const res = await request.get('/api/tags');
  expect(res.ok()).toBe(true);
  const tags = ((await res.json()) as { tags: Tag[] }).tags;
  expect(tags.length).toBeGreaterThanOrEqual(3);
  return tags;
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
}

/** A second signed-in person in their own browser context (own cookies, own EventSource). */
async function otherPerson(browser: Browser, testInfo: TestInfo, who: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

type Point = { text: string; offset?: number; bias?: 'forward' | 'backward' };

/**
 * Sets a DOM selection in the reader between two points (each the start of `text` + `offset`,
 * counted over the reader's text nodes), then fires the mouseup the reader listens to.
 * `bias` decides, at a text-node boundary, whether the point sits at the end of the previous
 * node (backward) or the start of the next (forward). Returns what the browser selected.
 */
async function selectBetween(page: Page, from: Point, to: Point): Promise<string> {
  await waitForReader(page);
  return page.evaluate(
    ({ from, to }) => {
      const root = document.querySelector('[data-testid="article-reader"] .ProseMirror');
      if (!root) throw new Error('reader not found');
      const nodes: Array<{ node: Text; start: number }> = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: all.length });
        all += (n as Text).data;
      }
      const locate = (p: { text: string; offset?: number; bias?: 'forward' | 'backward' }, fallback: 'forward' | 'backward') => {
        const at = all.indexOf(p.text);
        if (at < 0) throw new Error(`text not in reader: ${p.text}`);
        const pos = at + (p.offset ?? 0);
        const bias = p.bias ?? fallback;
        const hit =
          bias === 'forward'
            ? nodes.find((n) => n.start <= pos && pos < n.start + n.node.data.length)
            : nodes.find((n) => n.start < pos && pos <= n.start + n.node.data.length);
        if (!hit) throw new Error(`no text node at ${pos}`);
        return { node: hit.node, offset: pos - hit.start };
      };
      const a = locate(from, 'forward');
      const b = locate(to, 'backward');
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      (b.node.parentElement ?? root).dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return selection.toString();
    },
    { from, to },
  );
}

/** Selects `quote` (within one block or across blocks, given as its first and last words) by dragging the real mouse. */
async function dragSelect(page: Page, first: string, last: string) {
  await waitForReader(page);
  const box = await page.evaluate(
    ({ first, last }) => {
      const root = document.querySelector('[data-testid="article-reader"] .ProseMirror')!;
      const nodes: Array<{ node: Text; start: number }> = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: all.length });
        all += (n as Text).data;
      }
      const charRect = (pos: number) => {
        const hit = nodes.find((n) => n.start <= pos && pos < n.start + n.node.data.length)!;
        const range = document.createRange();
        range.setStart(hit.node, pos - hit.start);
        range.setEnd(hit.node, pos - hit.start + 1);
        return range.getBoundingClientRect();
      };
      const start = all.indexOf(first);
      const end = all.indexOf(last, start) + last.length - 1;
      nodes.find((n) => n.start <= start && start < n.start + n.node.data.length)!.node.parentElement!.scrollIntoView({ block: 'center' });
      const a = charRect(start);
      const b = charRect(end);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { first, last },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** Waits a couple of frames: enough for React to have rendered whatever a dispatched event caused. */
async function nextFrames(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

const popoverOf = (page: Page) => page.getByRole('dialog', { name: 'Annotate selection' });
const sidebarItems = (page: Page) => page.getByTestId('annotation-item');
const itemFor = (page: Page, id: string) => page.locator(`[data-testid="annotation-item"][data-annotation-id="${id}"]`);
const highlightsFor = (page: Page, id: string) => page.getByTestId('article-reader').locator(`.cd-highlight[data-annotation-id="${id}"]`);

function rgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The saved (non-temporary) id of the sidebar item quoting `quoteStart`. */
async function savedIdOf(item: Locator): Promise<string> {
  await expect(item).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);
  return (await item.getAttribute('data-annotation-id'))!;
}

test.describe('annotate', () => {
  // Two cores shared by several builds and browsers: give the longer flows room.
  test.describe.configure({ timeout: 120_000 });

  test('select a sentence, press 1, type a note, Enter: highlight in the tag colour and a sidebar item, kept after reload', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    await openArticle(page, article.id);
    await expect(page.getByText('No annotations yet.')).toBeVisible();

    await dragSelect(page, 'Released this month', 'beyond its borders.');
    const popover = popoverOf(page);
    await expect(popover).toBeVisible();
    await expect(popover).toContainText('Released this month by the UN Analytical Support');
    // Tags are coloured buttons numbered 1, 2, 3…
    await expect(popover.getByRole('button', { name: tags[0]!.label })).toContainText('1');
    await expect(popover.getByRole('button', { name: tags[1]!.label })).toContainText('2');

    await page.keyboard.press('1');
    await expect(popover.getByRole('button', { name: tags[0]!.label })).toHaveAttribute('aria-pressed', 'true');
    await expect(popover.getByLabel('Note')).toBeFocused();
    await page.keyboard.type('UN Monitoring Team, 36th report');
    await page.keyboard.press('Enter');
    await expect(popover).toBeHidden();

    const item = sidebarItems(page).filter({ hasText: 'Released this month' });
    await expect(item).toHaveCount(1);
    const id = await savedIdOf(item);
    await expect(item.locator('.tag-chip')).toHaveText(tags[0]!.label);
    await expect(item.getByTestId('annotation-author')).toHaveText(DEMO.amira.name);
    await expect(item.getByTestId('annotation-note')).toHaveText('UN Monitoring Team, 36th report');
    await expect(item.locator('time')).toHaveText('just now');

    const highlight = highlightsFor(page, id);
    await expect(highlight.first()).toBeVisible();
    await expect(highlight.first()).toHaveCSS('border-bottom-color', rgb(tags[0]!.color));
    await expect(highlight.first()).toHaveAttribute('aria-label', `${tags[0]!.label} — ${DEMO.amira.name}`);
    await expect(page.getByTestId('article-reader').locator('.cd-highlight')).toHaveText([SENTENCE]);
    await expect(page.locator(`.cd-legend .tag-chip[data-tag="${tags[0]!.key}"] .tag-count`)).toHaveText('1');
    await expect(page.getByTestId('annotation-count')).toHaveText('1 annotation');

    const [saved] = await listViaApi(page.request, article.id);
    expect(saved).toMatchObject({ id, tag: tags[0]!.key, note: 'UN Monitoring Team, 36th report', target: { exact: SENTENCE } });

    await page.reload();
    await expect(highlightsFor(page, id).first()).toBeVisible();
    await expect(highlightsFor(page, id).first()).toHaveCSS('border-bottom-color', rgb(tags[0]!.color));
    await expect(itemFor(page, id).getByTestId('annotation-note')).toHaveText('UN Monitoring Team, 36th report');
  });

  test('a selection across a paragraph and a heading is saved whole; whitespace-only selections open nothing', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    await openArticle(page, article.id);
    const popover = popoverOf(page);

    // Only the space between two words.
    expect(await selectBetween(page, { text: 'ISLAMABAD: A new', offset: 10 }, { text: 'ISLAMABAD: A new', offset: 11 })).toBe(' ');
    await nextFrames(page);
    await expect(popover).toHaveCount(0);
    // Only the boundary between a paragraph and the next one.
    await selectBetween(
      page,
      { text: 'for Pakistan and the wider region.', offset: 'for Pakistan and the wider region.'.length, bias: 'backward' },
      { text: 'Released this month', offset: 0, bias: 'forward' },
    );
    await nextFrames(page);
    await expect(popover).toHaveCount(0);
    // A plain click (collapsed selection).
    await page.getByTestId('article-reader').getByText('Released this month', { exact: false }).click();
    await nextFrames(page);
    await expect(popover).toHaveCount(0);

    // Paragraph end → heading, with surrounding whitespace trimmed away.
    await selectBetween(page, { text: ' creating space for militant networks' }, { text: 'A dangerous militant ecosystem', offset: 'A dangerous militant ecosystem'.length });
    await expect(popover).toBeVisible();
    await popover.getByRole('button', { name: tags[1]!.label }).click();
    await expect(popover.getByRole('button', { name: tags[1]!.label })).toHaveAttribute('aria-pressed', 'true');
    await popover.getByLabel('Source detail').fill('UN Monitoring Team');
    await popover.getByLabel('Confidence').selectOption('high');
    await popover.getByLabel('Note').fill('Spans into the section heading');
    await popover.getByLabel('Note').press('Enter');
    await expect(popover).toBeHidden();

    const item = sidebarItems(page).filter({ hasText: 'creating space for militant networks' });
    const id = await savedIdOf(item);
    await expect(item.getByRole('button', { name: /creating space/ })).toHaveText('“creating space for militant networks to survive and adapt. A dangerous militant ecosystem”');
    await expect(item).toContainText('high confidence');
    await expect(item).toContainText('Source: UN Monitoring Team');
    // One decoration in the paragraph, one in the heading, both carrying the same id.
    const reader = page.getByTestId('article-reader');
    await expect(highlightsFor(page, id)).toHaveCount(2);
    await expect(reader.locator(`p .cd-highlight[data-annotation-id="${id}"]`)).toHaveText('creating space for militant networks to survive and adapt.');
    await expect(reader.locator(`h2 .cd-highlight[data-annotation-id="${id}"]`)).toHaveText('A dangerous militant ecosystem');

    const [saved] = await listViaApi(page.request, article.id);
    expect(saved!.target.exact).toBe('creating space for militant networks to survive and adapt.\nA dangerous militant ecosystem');
    expect(saved!).toMatchObject({ tag: tags[1]!.key, sourceDetail: 'UN Monitoring Team', confidence: 'high' });

    // A selection at the bottom of the window: the (fixed) popover flips above it, fully visible.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('[data-testid="article-reader"] p')].find((el) => el.textContent?.includes('Structural flaws'))!;
      window.scrollBy(0, p.getBoundingClientRect().bottom - (window.innerHeight - 12));
    });
    // Escape closes the popover without saving; a save without a tag is refused with a hint.
    await selectBetween(page, { text: 'Structural flaws' }, { text: 'internal divisions', offset: 'internal divisions'.length });
    await expect(popover).toBeVisible();
    await expect(popover).toBeInViewport({ ratio: 1 });
    await expect(popover.getByRole('button', { name: 'Save' })).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(popover).toContainText('Pick a source tag first');
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(sidebarItems(page)).toHaveCount(1);
  });

  test('clicking a highlight selects its sidebar item and clicking an item scrolls to its highlight; hover shows tag, author and note', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    const quotes = [
      'the report challenges repeated Taliban denials',
      'their governance and security system remains weak',
      'with around 2,000 fighters using covert cells',
      'carried out over 600 attacks in Pakistan in 2025 alone',
      'With an estimated strength of 6,000 fighters',
      'Kabul is described as a coordination hub',
      'held a secret meeting in northern Afghanistan',
      'leading to punitive strikes against TTP sanctuaries',
      'Financing is believed to come from a mix of diaspora donations',
      'the threat cannot be ignored or explained away',
    ];
    const created: Annotation[] = [];
    for (const [i, quote] of quotes.entries()) {
      created.push(await annotateViaApi(page.request, article.id, quote, { tag: tags[i % 3]!.key, note: `Check ${i + 1}` }));
    }
    const first = created[0]!;
    const last = created[created.length - 1]!;
    await openArticle(page, article.id);
    await expect(sidebarItems(page)).toHaveCount(quotes.length);
    // Document order.
    await expect(sidebarItems(page).getByRole('button', { name: /^“/ })).toHaveText(quotes.map((q) => `“${q}”`));

    // Reader → sidebar: the last item scrolls into the sidebar's view.
    await expect(itemFor(page, last.id)).not.toBeInViewport();
    await highlightsFor(page, last.id).click();
    await expect(itemFor(page, last.id)).toHaveAttribute('aria-current', 'true');
    await expect(itemFor(page, last.id)).toBeInViewport();
    await expect(highlightsFor(page, last.id)).toHaveClass(/cd-selected/);

    // Hover: tag · author, note.
    await highlightsFor(page, created[8]!.id).hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText(`${tags[8 % 3]!.label} · ${DEMO.amira.name}`);
    await expect(tooltip).toContainText('Check 9');

    // Sidebar → reader: the first highlight (top of the article) scrolls into view.
    await expect(highlightsFor(page, first.id)).not.toBeInViewport();
    await itemFor(page, first.id).getByRole('button', { name: /^“/ }).click();
    await expect(highlightsFor(page, first.id)).toHaveClass(/cd-selected/);
    await expect(highlightsFor(page, first.id)).toBeInViewport();
    await expect(itemFor(page, first.id)).toHaveAttribute('aria-current', 'true');
    await expect(itemFor(page, last.id)).not.toHaveAttribute('aria-current', 'true');
    await expect(highlightsFor(page, last.id)).not.toHaveClass(/cd-selected/);

    // Clicking plain text clears the selection.
    await page.getByTestId('article-reader').getByRole('heading', { level: 1 }).click();
    await expect(page.locator('[data-testid="annotation-item"][aria-current="true"]')).toHaveCount(0);

    // Filters: by tag, then by text search (quotes and notes), with counts per tag in the legend.
    for (const [t, tag] of tags.slice(0, 3).entries()) {
      const count = created.filter((_, i) => i % 3 === t).length;
      await expect(page.locator(`.cd-legend .tag-chip[data-tag="${tag.key}"] .tag-count`)).toHaveText(String(count));
    }
    await page.getByLabel('Filter by tag').selectOption(tags[1]!.key);
    const inTag = created.filter((_, i) => i % 3 === 1);
    await expect(sidebarItems(page)).toHaveCount(inTag.length);
    await expect(sidebarItems(page).locator('.tag-chip')).toHaveText(inTag.map(() => tags[1]!.label));
    await expect(page.getByText(`Showing ${inTag.length} of ${quotes.length}`)).toBeVisible();
    // Filtered-out annotations leave the reader too.
    await expect(highlightsFor(page, first.id)).toHaveCount(0);
    await expect(highlightsFor(page, inTag[0]!.id)).toHaveCount(1);

    await page.getByLabel('Filter by tag').selectOption('');
    await page.getByLabel('Search annotations').fill('coordination hub');
    await expect(sidebarItems(page)).toHaveCount(1);
    await expect(sidebarItems(page)).toContainText('Kabul is described as a coordination hub');
    await page.getByLabel('Search annotations').fill('check 10');
    await expect(sidebarItems(page)).toHaveCount(1);
    await expect(sidebarItems(page)).toContainText('the threat cannot be ignored');
    await page.getByLabel('Search annotations').fill('nothing like this');
    await expect(sidebarItems(page)).toHaveCount(0);
    await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(sidebarItems(page)).toHaveCount(quotes.length);

    await page.getByLabel('Filter by author').selectOption('colleagues');
    await expect(sidebarItems(page)).toHaveCount(0);
    await page.getByLabel('Filter by author').selectOption('mine');
    await expect(sidebarItems(page)).toHaveCount(quotes.length);
  });

  test('edit the note of an own annotation; delete it and Undo restores it', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    const annotation = await annotateViaApi(page.request, article.id, 'The UN credits Pakistan with weakening IS-K’s propaganda network', {
      tag: tags[0]!.key,
      note: 'First take',
    });
    await openArticle(page, article.id);
    const item = itemFor(page, annotation.id);

    await item.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = item.getByRole('form', { name: 'Edit annotation' });
    await expect(form.getByLabel('Note')).toHaveValue('First take');
    await form.getByLabel('Note').fill('Second take: Azzam arrest confirmed by ISPR');
    await form.getByLabel('Tag').selectOption(tags[2]!.key);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(item.getByTestId('annotation-note')).toHaveText('Second take: Azzam arrest confirmed by ISPR');
    await expect(item.locator('.tag-chip')).toHaveText(tags[2]!.label);
    await expect(highlightsFor(page, annotation.id)).toHaveCSS('border-bottom-color', rgb(tags[2]!.color));
    await expect.poll(async () => (await listViaApi(page.request, article.id))[0]?.note).toBe('Second take: Azzam arrest confirmed by ISPR');
    await page.reload();
    await expect(item.getByTestId('annotation-note')).toHaveText('Second take: Azzam arrest confirmed by ISPR');

    await item.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(item).toHaveCount(0);
    await expect(highlightsFor(page, annotation.id)).toHaveCount(0);
    const toast = page.getByTestId('toast').filter({ hasText: 'Annotation deleted.' });
    await expect(toast).toBeVisible();
    await expect.poll(async () => (await listViaApi(page.request, article.id)).length).toBe(0);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(item).toBeVisible();
    await expect(item.getByTestId('annotation-note')).toHaveText('Second take: Azzam arrest confirmed by ISPR');
    await expect(highlightsFor(page, annotation.id)).toHaveCount(1);
    await expect.poll(async () => (await listViaApi(page.request, article.id)).length).toBe(1);
    await page.reload();
    await expect(item).toBeVisible();
  });

  test('a colleague sees new, edited and deleted annotations live and cannot edit or delete them', async ({ page, browser }, testInfo) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    await openArticle(page, article.id);
    const ben = await otherPerson(browser, testInfo, DEMO.ben);
    await openArticle(ben, article.id);
    await expect(ben.getByTestId('presence')).toHaveClass(/is-live/);
    await expect(page.getByTestId('presence')).toHaveClass(/is-live/);

    await dragSelect(page, 'Many of these groups share training camps', 'southern Afghanistan.');
    await expect(popoverOf(page)).toBeVisible();
    await page.keyboard.press('2');
    await page.keyboard.type('Shared camps: UN report para 41');
    await page.keyboard.press('Enter');
    const id = await savedIdOf(sidebarItems(page).filter({ hasText: 'Many of these groups' }));

    // Ben: appears without reload, read-only.
    const benItem = itemFor(ben, id);
    await expect(benItem).toBeVisible();
    await expect(benItem.getByTestId('annotation-author')).toHaveText(DEMO.amira.name);
    await expect(benItem.getByTestId('annotation-note')).toHaveText('Shared camps: UN report para 41');
    await expect(highlightsFor(ben, id)).toHaveCSS('border-bottom-color', rgb(tags[1]!.color));
    await expect(benItem.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(benItem.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    // The desk shortcuts refuse too: select it, press e and Delete.
    await benItem.click();
    await ben.keyboard.press('e');
    await expect(benItem.getByRole('form', { name: 'Edit annotation' })).toHaveCount(0);
    await ben.keyboard.press('Delete');
    await expect(benItem).toBeVisible();
    // …and so does the API.
    const [current] = await listViaApi(ben.request, article.id);
    expect((await ben.request.patch(`/api/annotations/${id}`, { headers: SAME_ORIGIN, data: { revision: current!.revision, note: 'hijacked' } })).status()).toBe(403);
    expect((await ben.request.delete(`/api/annotations/${id}`, { headers: SAME_ORIGIN })).status()).toBe(403);

    // Amira edits: Ben sees the new note.
    const amiraItem = itemFor(page, id);
    await amiraItem.getByRole('button', { name: 'Edit', exact: true }).click();
    await amiraItem.getByLabel('Note').fill('Shared camps, Kunar and Nangarhar');
    await amiraItem.getByLabel('Note').press('Enter');
    await expect(amiraItem.getByTestId('annotation-note')).toHaveText('Shared camps, Kunar and Nangarhar');
    await expect(benItem.getByTestId('annotation-note')).toHaveText('Shared camps, Kunar and Nangarhar');

    // Amira deletes: it leaves Ben's desk; her Undo brings it back there too.
    await amiraItem.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(benItem).toHaveCount(0);
    await expect(highlightsFor(ben, id)).toHaveCount(0);
    await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect(benItem).toBeVisible();
    await ben.context().close();
  });

  test('overlapping annotations by two analysts all show and stay clickable', async ({ page, browser }, testInfo) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    const ben = await otherPerson(browser, testInfo, DEMO.ben);
    const outer = await annotateViaApi(page.request, article.id, 'the TTP continues to operate from Afghan soil and carried out over 600 attacks in Pakistan in 2025 alone', {
      tag: tags[0]!.key,
      note: 'Amira: outer',
    });
    const inner = await annotateViaApi(ben.request, article.id, 'over 600 attacks', { tag: tags[1]!.key, note: 'Ben: inner' });
    const crossing = await annotateViaApi(ben.request, article.id, 'in 2025 alone, targeting security forces', { tag: tags[2]!.key, note: 'Ben: crossing' });
    // Ends where the outer one ends: ProseMirror may nest these spans either way round.
    const tail = await annotateViaApi(ben.request, article.id, 'in Pakistan in 2025 alone', { tag: tags[1]!.key, note: 'Ben: tail' });
    await ben.context().close();

    await openArticle(page, article.id);
    const reader = page.getByTestId('article-reader');
    await expect(sidebarItems(page)).toHaveCount(4);
    // The inner decoration nests inside the outer one.
    await expect(reader.locator(`.cd-highlight[data-annotation-id="${outer.id}"] .cd-highlight[data-annotation-id="${inner.id}"]`)).toHaveText('over 600 attacks');
    await expect(highlightsFor(page, crossing.id).last()).toHaveText(', targeting security forces');
    // Where they overlap, the shorter annotation's span is the innermost (drawn on top), also
    // when it shares an end with the longer one.
    for (const shorter of [inner, tail]) {
      const piece = highlightsFor(page, shorter.id).first();
      await piece.scrollIntoViewIfNeeded();
      const topmost = await piece.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest<HTMLElement>('.cd-highlight')?.dataset.annotationId;
      });
      expect(topmost).toBe(shorter.id);
    }
    await expect(highlightsFor(page, inner.id)).toHaveCSS('border-bottom-color', rgb(tags[1]!.color));
    await expect(highlightsFor(page, outer.id).first()).toHaveCSS('border-bottom-color', rgb(tags[0]!.color));

    const selected = page.locator('[data-testid="annotation-item"][aria-current="true"]');
    await highlightsFor(page, inner.id).click();
    await expect(selected).toHaveAttribute('data-annotation-id', inner.id);
    await expect(itemFor(page, inner.id).getByTestId('annotation-author')).toHaveText(DEMO.ben.name);
    await highlightsFor(page, outer.id).first().click();
    await expect(selected).toHaveAttribute('data-annotation-id', outer.id);
    await highlightsFor(page, crossing.id).last().click();
    await expect(selected).toHaveAttribute('data-annotation-id', crossing.id);
    await highlightsFor(page, tail.id).first().click();
    await expect(selected).toHaveAttribute('data-annotation-id', tail.id);

    // Hover names the same annotation a click selects (the shortest one under the pointer).
    const tooltip = page.getByRole('tooltip');
    await highlightsFor(page, inner.id).hover();
    await expect(tooltip).toContainText(`${tags[1]!.label} · ${DEMO.ben.name}`);
    await expect(tooltip).toContainText('Ben: inner');
    await highlightsFor(page, tail.id).first().hover();
    await expect(tooltip).toContainText('Ben: tail');
    await highlightsFor(page, outer.id).first().hover();
    await expect(tooltip).toContainText('Amira: outer');

    // Only Amira's own one is editable for her.
    await expect(itemFor(page, outer.id).getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(itemFor(page, inner.id).getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(itemFor(page, crossing.id).getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  });

  test('after a new version: fuzzy anchors show a badge and can be confirmed; vanished quotes are listed as orphaned', async ({ page }) => {
    await signIn(page, DEMO.amira);
    const tags = await fetchTags(page.request);
    const article = await createArticle(page.request);
    const fuzzyQuote = 'Structural flaws, corruption, poor accountability, and internal divisions have limited the regime’s capacity to enforce law and order';
    const goneQuote = 'the report highlights the presence of several other militant groups';
    const fuzzy = await annotateViaApi(page.request, article.id, fuzzyQuote, { tag: tags[0]!.key });
    const gone = await annotateViaApi(page.request, article.id, goneQuote, { tag: tags[1]!.key, note: 'Will vanish' });
    const kept = await annotateViaApi(page.request, article.id, 'Kabul is described as a coordination hub', { tag: tags[2]!.key });

    const text = await articleText(page.request, article.id);
    const edited = text
      .replace('poor accountability', 'weak accountability')
      .replace(/Beyond IS-K and TTP, the report highlights[^\n]*\n/, '');
    expect(edited).not.toBe(text);
    const res = await page.request.post(`/api/articles/${article.id}/versions`, { headers: SAME_ORIGIN, data: { format: 'text', content: edited } });
    expect(res.status(), await res.text()).toBe(201);
    const after = new Map((await listViaApi(page.request, article.id)).map((a) => [a.id, a]));
    expect(after.get(fuzzy.id)?.anchorState).toBe('fuzzy');
    expect(after.get(gone.id)?.anchorState).toBe('orphaned');

    await openArticle(page, article.id);
    await expect(highlightsFor(page, kept.id)).toHaveText('Kabul is described as a coordination hub');
    const orphaned = page.getByRole('region', { name: 'Orphaned annotations' });
    await expect(orphaned.getByTestId('orphaned-item')).toHaveCount(1);
    await expect(orphaned).toContainText(goneQuote);
    await expect(orphaned).toContainText('Will vanish');
    await expect(highlightsFor(page, gone.id)).toHaveCount(0);

    // Issue 19 item 6: one count everywhere — the header and the sidebar both count the two in the
    // text and name the orphan apart; an anchor state is shown only when it asks something of a person.
    await expect(page.getByTestId('annotation-count')).toHaveText('2 annotations · 1 orphaned');
    await expect(page.locator('.cd-filter-summary')).toHaveText('2 annotations · 1 orphaned');
    await expect(itemFor(page, kept.id).locator('[class*="cd-anchor-"]')).toHaveCount(0);

    const item = itemFor(page, fuzzy.id);
    await expect(item.locator('.cd-anchor-fuzzy')).toHaveText('Check position');
    await expect(highlightsFor(page, fuzzy.id)).toHaveClass(/cd-fuzzy/);
    await item.getByRole('button', { name: 'Confirm anchor' }).click();
    await expect(item.locator('.cd-anchor-fuzzy')).toHaveCount(0);
    await expect(item.getByRole('button', { name: 'Confirm anchor' })).toHaveCount(0);
    await expect(highlightsFor(page, fuzzy.id)).not.toHaveClass(/cd-fuzzy/);
    await expect.poll(async () => (await listViaApi(page.request, article.id)).find((a) => a.id === fuzzy.id)?.anchorState).toBe('exact');
    await page.reload();
    await expect(itemFor(page, fuzzy.id).locator('.cd-anchor-fuzzy')).toHaveCount(0);
  });

  test('screenshot of the workspace for the README', async ({ page }) => {
    test.skip(!process.env.CLAIMDESK_SCREENSHOT, 'set CLAIMDESK_SCREENSHOT=1 to write docs/reader.png');
    await page.setViewportSize({ width: 1400, height: 900 });
    await signIn(page, DEMO.amira);
    // The seeded demo desk (lib/db/server/seed-demo-annotations.ts) is what a newcomer sees first.
    await openDemoArticle(page);
    await expect(sidebarItems(page)).toHaveCount(8);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Hover Ben's claim nested inside Amira's (the conflict): its tooltip shows tag, author and note.
    const nested = page.getByTestId('article-reader').locator('.cd-highlight', { hasText: /^more than 20 regional/ }).last();
    await nested.hover();
    await expect(page.getByRole('tooltip')).toContainText('Ben Okafor');
    await page.screenshot({ path: join(process.cwd(), 'docs/reader.png') });
  });
});
