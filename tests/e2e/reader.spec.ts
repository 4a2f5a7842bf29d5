// Issue 19 items 1, 2, 4 and 9: the reader on a phone and a narrow window, keyboard only (caret
// browsing, j/k, Enter, Escape) through to a reviewer's verdict, overlaps and conflicts readable
// in the text, and the sticky article header. Each test works on its own copy of the demo article.
// `CLAIMDESK_SCREENSHOT=1` also writes docs/reader-phone.png from the seeded demo article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { DEMO, openDemoArticle, selectQuote, signIn } from './helpers';

type Tag = { key: string; label: string; color: string; archived?: boolean };
type Annotation = { id: string; tag: string; status: string; target: { exact: string; start: number; end: number } };
type Person = (typeof DEMO)[keyof typeof DEMO];

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

let counter = 0;

async function createArticle(request: APIRequestContext, body: string[] = FIXTURE.split('\n').slice(1)): Promise<{ id: string; title: string; text: string }> {
  const title = `Reader check ${Date.now().toString(36)}-${++counter}`;
  const content = [title, ...body].join('\n');
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content, title, outlet: 'Fixture Daily' } });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { article: { id: string } }).article.id;
  const article = await request.get(`/api/articles/${id}`);
  return { id, title, text: ((await article.json()) as { version: { text: string } }).version.text };
}

async function annotate(request: APIRequestContext, article: { id: string; text: string }, quote: string, tag: string): Promise<Annotation> {
  const start = article.text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  const res = await request.post(`/api/articles/${article.id}/annotations`, { headers: SAME_ORIGIN, data: { start, end: start + quote.length, exact: quote, tag } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { annotation: Annotation }).annotation;
}

async function annotations(request: APIRequestContext, articleId: string): Promise<Annotation[]> {
  const res = await request.get(`/api/articles/${articleId}/annotations`);
  return ((await res.json()) as { annotations: Annotation[] }).annotations;
}

async function fetchTags(request: APIRequestContext): Promise<Tag[]> {
  return ((await (await request.get('/api/tags')).json()) as { tags: Tag[] }).tags;
}

async function openArticle(page: Page, id: string) {
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeVisible();
}

async function otherPerson(browser: Browser, testInfo: TestInfo, who: Person, options: { viewport?: { width: number; height: number }; hasTouch?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, ...options });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

const noHorizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const highlight = (page: Page, id: string) => page.getByTestId('article-reader').locator(`.cd-highlight.cd-start[data-annotation-id="${id}"]`);
const item = (page: Page, id: string) => page.locator(`[data-testid="annotation-item"][data-annotation-id="${id}"]`);

/** Tab through the page until `name` has focus (a keyboard user's way to a control). */
async function tabTo(page: Page, name: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    if (name.test(focused)) return;
  }
  throw new Error(`never reached ${name}`);
}

test.describe('phone and narrow windows', () => {
  test('390×844 touch: the header folds into a menu, the annotate popover is inside the viewport beside the words, and Save works', async ({ browser }, testInfo) => {
    const page = await otherPerson(browser, testInfo, DEMO.amira, { viewport: PHONE, hasTouch: true });
    const article = await createArticle(page.request);
    await openArticle(page, article.id);
    expect(await noHorizontalOverflow(page)).toBe(true);

    // The menu is a disclosure: nav hidden until opened.
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('link', { name: 'Review queue' })).toBeHidden();
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: 'Review queue' })).toBeVisible();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('link', { name: 'Review queue' })).toBeHidden();

    // Reader and sidebar are tabs of one column.
    await expect(page.getByRole('button', { name: 'Article', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('search')).toBeHidden();

    // A claim at the end of a long line, near the right edge: the popover stays inside the viewport.
    const quote = 'beyond its borders.';
    await selectQuote(page, quote);
    const popover = page.getByRole('dialog', { name: 'Annotate selection' });
    await expect(popover).toBeVisible();
    await expect(async () => {
      const box = (await popover.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      // …and never over the selected words.
      const words = await page.evaluate(() => {
        const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      });
      expect(box.y >= words.bottom - 1 || box.y + box.height <= words.top + 1).toBe(true);
    }).toPass();
    expect(await noHorizontalOverflow(page)).toBe(true);

    const tags = await fetchTags(page.request);
    // Tapping a tag (which may clear the page's selection on a phone) keeps the popover open.
    await popover.getByRole('button', { name: tags[0]!.label, exact: true }).tap();
    await expect(popover.getByRole('button', { name: tags[0]!.label, exact: true })).toHaveAttribute('aria-pressed', 'true');
    const save = popover.getByRole('button', { name: 'Save' });
    await expect(save).toBeInViewport({ ratio: 1 });
    await save.tap();
    await expect(popover).toBeHidden();
    await expect.poll(async () => (await annotations(page.request, article.id)).map((a) => a.target.exact)).toEqual([quote]);

    // The annotations tab shows the sidebar in the full width.
    await page.getByRole('button', { name: /^Annotations \(1\)/ }).tap();
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    await expect(page.getByTestId('article-reader')).toBeHidden();
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.context().close();
  });

  test('768×1024: nothing overflows and the popover stays in the viewport when the selection is near the bottom', async ({ browser }, testInfo) => {
    const page = await otherPerson(browser, testInfo, DEMO.amira, { viewport: TABLET });
    const article = await createArticle(page.request);
    await openArticle(page, article.id);
    expect(await noHorizontalOverflow(page)).toBe(true);
    const quote = 'continues to be used by more than 20 regional';
    await selectQuote(page, quote);
    // Scroll the words to the bottom edge: the popover flips above them (autoUpdate follows).
    await page.evaluate(() => {
      const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      window.scrollBy(0, r.bottom - window.innerHeight + 20);
    });
    const popover = page.getByRole('dialog', { name: 'Annotate selection' });
    await expect(async () => {
      const box = (await popover.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(TABLET.height);
      expect(box.x + box.width).toBeLessThanOrEqual(TABLET.width);
    }).toPass();
    await expect(popover.getByRole('button', { name: 'Save' })).toBeInViewport();
    await page.context().close();
  });

  test('768×1024 as an admin, who has every header link: the header still fits', async ({ browser }, testInfo) => {
    const page = await otherPerson(browser, testInfo, DEMO.admin, { viewport: TABLET });
    for (const path of ['/', '/agreement']) {
      await page.goto(path);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Agreement' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Desk' })).toBeVisible();
      expect(await noHorizontalOverflow(page)).toBe(true);
      const header = (await page.locator('.app-header').boundingBox())!;
      expect(header.x + header.width).toBeLessThanOrEqual(TABLET.width);
    }
    await page.context().close();
  });
});

test('keyboard only: caret browsing selects words, 1 tags them, j/Enter/Escape move between text and sidebar, a reviewer agrees without a mouse', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.amira);
  const article = await createArticle(page.request);
  const tags = await fetchTags(page.request);
  await openArticle(page, article.id);

  // F7 turns caret browsing on (announced), with the caret at the start of the text.
  await page.keyboard.press('F7');
  await expect(page.getByRole('button', { name: /Caret/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Caret browsing on' })).toHaveCount(1);
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeFocused();
  await expect(page.getByTestId('article-reader').locator('.cd-caret')).toHaveCount(1);

  // End of the title, one step into the first paragraph, then three words.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  const firstParagraph = article.text.split('\n')[1]!;
  const expected = firstParagraph.split(' ').slice(0, 3).join(' ');
  const popover = page.getByRole('dialog', { name: 'Annotate selection' });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText(expected);
  // One character less, then back: Shift+Arrow extends by characters too.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(popover).toContainText(expected.slice(0, -1));
  await page.keyboard.press('Shift+ArrowRight');
  await expect(popover).toContainText(`“${expected}”`);

  await page.keyboard.press('1');
  await expect(popover.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  await expect.poll(async () => (await annotations(page.request, article.id)).map((a) => `${a.target.exact}|${a.tag}`)).toEqual([`${expected}|${tags[0]!.key}`]);
  const [created] = await annotations(page.request, article.id);
  // Focus is back in the text, not lost on the page.
  await expect(page.getByTestId('article-reader').locator('.ProseMirror')).toBeFocused();

  // j focuses the highlight; a screen reader hears its tag and author, then what Enter does.
  // (Once the saved annotation is drawn under its server id: a keyboard user sees it first.)
  await expect(highlight(page, created!.id)).toBeVisible();
  await page.keyboard.press('j');
  await expect(highlight(page, created!.id)).toBeFocused();
  const description = await highlight(page, created!.id).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(description).toContain('Press Enter');
  await expect(highlight(page, created!.id)).toHaveAttribute('aria-label', `${tags[0]!.label} — ${DEMO.amira.name}`);

  // Enter opens its sidebar item (a list item, aria-current); Escape returns to the text.
  await page.keyboard.press('Enter');
  await expect(item(page, created!.id)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('ul.cd-list > li[aria-current="true"]')).toHaveCount(1);
  await expect(item(page, created!.id).locator('.cd-item-quote')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(highlight(page, created!.id)).toBeFocused();

  // A reviewer, keyboard only: j, Enter, Tab to Agree, Enter.
  const rhea = await otherPerson(browser, testInfo, DEMO.rhea);
  await openArticle(rhea, article.id);
  // j steps through the highlights drawn: wait for the list to arrive, as the reviewer would.
  await expect(highlight(rhea, created!.id)).toBeVisible();
  await rhea.keyboard.press('j');
  await expect(highlight(rhea, created!.id)).toBeFocused();
  await rhea.keyboard.press('Enter');
  await expect(item(rhea, created!.id)).toHaveAttribute('aria-current', 'true');
  const panel = item(rhea, created!.id).getByTestId('review-panel');
  await expect(panel).toBeInViewport();
  await expect(panel.getByRole('button', { name: /^Agree/ })).toBeVisible();
  await tabTo(rhea, /^Agree/);
  await rhea.keyboard.press('Enter');
  await expect.poll(async () => (await annotations(page.request, article.id))[0]!.status).toBe('CONFIRMED');
  await rhea.context().close();

  // F7 again turns it off.
  await page.keyboard.press('F7');
  await expect(page.getByRole('button', { name: /Caret/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('article-reader').locator('.cd-caret')).toHaveCount(0);
});

test('caret browsing in a right-to-left paragraph: the Left arrow reads on, Shift+Ctrl+Left selects the next word', async ({ page }) => {
  await signIn(page, DEMO.amira);
  // Written here, not taken from an article: an Arabic paragraph between two English ones.
  const article = await createArticle(page.request, ['قال التقرير إن الحركة تنشط في المنطقة.', 'The report was sent to the Security Council.']);
  await openArticle(page, article.id);
  await page.keyboard.press('F7');
  await expect(page.getByTestId('article-reader').locator('.cd-caret')).toHaveCount(1);
  // End of the (English) title, one step on into the Arabic paragraph, then two words in reading order.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  const popover = page.getByRole('dialog', { name: 'Annotate selection' });
  await expect(popover).toContainText('“قال التقرير”');
  // Shift+Right goes back one letter in Arabic.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(popover).toContainText('“قال التقري”');
});

test('overlapping annotations keep their own underline; a conflict is marked in the text and the legend; same-tag neighbours keep a boundary', async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.amira);
  const tags = await fetchTags(page.request);
  const article = await createArticle(page.request);
  const quote = 'the Taliban continue to shelter TTP leaders';
  const mine = await annotate(page.request, article, quote, tags[0]!.key);
  const ben = await otherPerson(browser, testInfo, DEMO.ben);
  const theirs = await annotate(ben.request, article, 'Taliban continue to shelter TTP leaders', tags[1]!.key);
  // Two same-tag annotations side by side, with no space between them.
  const left = await annotate(page.request, article, 'ISLAMABAD', tags[2]!.key);
  const right = await annotate(page.request, article, ': A new United Nations report', tags[2]!.key);
  await ben.context().close();

  await openArticle(page, article.id);
  await expect(page.getByTestId('conflict-count')).toHaveText('2 in conflict');
  // Different layers: both underlines drawn, in each tag's colour, one below the other.
  const mineClass = await highlight(page, mine.id).getAttribute('class');
  const theirsClass = await highlight(page, theirs.id).getAttribute('class');
  const layer = (cls: string | null) => /cd-l(\d)/.exec(cls ?? '')?.[1];
  expect(layer(mineClass)).toBeDefined();
  expect(layer(mineClass)).not.toBe(layer(theirsClass));
  const underline = (id: string) =>
    highlight(page, id).evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.borderBottomColor, width: style.borderBottomWidth, padding: style.paddingBottom, background: style.backgroundColor };
    });
  const [a, b] = [await underline(mine.id), await underline(theirs.id)];
  expect(a.color).not.toBe(b.color);
  expect(a.width).toBe('2px');
  expect(b.width).toBe('2px');
  expect(a.padding).not.toBe(b.padding);
  // No blended fills: neither is tinted unless hovered or selected.
  expect(a.background).toBe('rgba(0, 0, 0, 0)');

  // The conflict: striped, a "≠" after each conflicting annotation, and a key in the legend.
  await expect(page.getByTestId('article-reader').locator('.cd-conflict-mark')).toHaveCount(2);
  await expect(page.getByTestId('article-reader').locator(`.cd-conflict-mark[data-conflict-for="${mine.id}"]`)).toHaveCount(1);
  await expect(page.getByTestId('article-reader').locator(`.cd-conflict-mark[data-conflict-for="${theirs.id}"]`)).toHaveCount(1);
  await expect(highlight(page, mine.id)).toHaveClass(/cd-conflicted/);
  const described = await highlight(page, mine.id).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(described).toContain('In conflict');
  await expect(page.getByTestId('conflict-legend')).toBeVisible();
  // The text itself did not change.
  await expect(page.getByTestId('article-reader').locator(`.cd-highlight[data-annotation-id="${theirs.id}"]`).first()).toHaveText('Taliban continue to shelter TTP leaders');
  // Letters, not only colours, in the legend and at each highlight.
  for (const tag of tags.slice(0, 3)) await expect(page.locator(`.cd-legend .tag-chip[data-tag="${tag.key}"] .tag-letter[data-letter]`)).toHaveCount(1);
  expect(await highlight(page, mine.id).getAttribute('data-letter')).toMatch(/^\S$/);

  // Same tag, touching: two elements, the first ends with a gap before the second.
  const leftEnd = page.getByTestId('article-reader').locator(`.cd-highlight.cd-end[data-annotation-id="${left.id}"]`);
  await expect(leftEnd).toHaveCSS('margin-right', '2px');
  await expect(highlight(page, right.id)).toBeVisible();
  await expect(page.getByTestId('article-reader').locator(`.cd-conflict-mark[data-conflict-for="${left.id}"]`)).toHaveCount(0);
});

test('the article header stays in view while reading, and an opened review panel is scrolled into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, DEMO.rhea);
  const tags = await fetchTags(page.request);
  const article = await createArticle(page.request);
  const paragraphs = article.text.split('\n').filter((p) => p.length > 80);
  const last = await annotate(page.request, article, paragraphs[paragraphs.length - 1]!.slice(0, 40), tags[0]!.key);
  for (const p of paragraphs.slice(0, 8)) await annotate(page.request, article, p.slice(0, 30), tags[1]!.key);
  await openArticle(page, article.id);
  const header = page.getByTestId('article-header');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await expect(header).toBeInViewport();
  const appBottom = (await page.locator('.app-header').boundingBox())!;
  const box = (await header.boundingBox())!;
  expect(box.y).toBeLessThanOrEqual(appBottom.y + appBottom.height + 1);
  await expect(header.getByTestId('annotation-count')).toBeInViewport();
  await expect(header.getByTestId('presence')).toBeInViewport();
  await expect(header.getByRole('button', { name: /Export/ })).toBeInViewport();

  // The last annotation: its review panel opens under its item, at the bottom of the sidebar.
  await highlight(page, last.id).click();
  await expect(item(page, last.id)).toHaveAttribute('aria-current', 'true');
  await expect(item(page, last.id).getByTestId('review-panel')).toBeInViewport();
  await expect(header).toBeInViewport();
});

test('a long sidebar grows as it is scrolled, and a live annotation neither shrinks it back nor goes missing', async ({ page }) => {
  await signIn(page, DEMO.rhea);
  // Other tests archive tags of their own: only the active ones take annotations.
  const tags = (await fetchTags(page.request)).filter((t) => !t.archived);
  const article = await createArticle(page.request);
  // 130 one-word annotations through the API: more than the sidebar's first 100.
  const words = [...article.text.matchAll(/[A-Za-z]{4,}/g)].slice(0, 131);
  expect(words).toHaveLength(131);
  const post = (m: RegExpMatchArray, i: number) =>
    page.request.post(`/api/articles/${article.id}/annotations`, { headers: SAME_ORIGIN, data: { start: m.index!, end: m.index! + m[0].length, exact: m[0], tag: tags[i % tags.length]!.key } });
  for (const [i, m] of words.slice(0, 130).entries()) {
    const res = await post(m, i);
    expect(res.status(), await res.text()).toBe(201);
  }
  await openArticle(page, article.id);
  const items = page.getByTestId('annotation-item');
  await expect(items).toHaveCount(100);
  const more = page.getByRole('button', { name: 'Show 30 more of 30' });
  await expect(more).toBeAttached();
  await more.scrollIntoViewIfNeeded();
  await expect(items).toHaveCount(130);
  await expect(more).toHaveCount(0);
  // The next word, annotated elsewhere (the API): it arrives live, at the end of the grown list.
  const last = words[130]!;
  const lastRes = await post(last, 130);
  expect(lastRes.status(), await lastRes.text()).toBe(201);
  await expect(items).toHaveCount(131);
  await expect(items.last()).toContainText(last[0]);
  await expect(page.getByTestId('annotation-count')).toContainText('131');
});

test('screenshot of the reader on a phone for the README', async ({ browser }, testInfo) => {
  test.skip(!process.env.CLAIMDESK_SCREENSHOT, 'set CLAIMDESK_SCREENSHOT=1 to write docs/reader-phone.png');
  const page = await otherPerson(browser, testInfo, DEMO.amira, { viewport: PHONE });
  await openDemoArticle(page);
  await expect(page.getByTestId('article-reader').locator('.cd-highlight').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(process.cwd(), 'docs/reader-phone.png') });
  await page.context().close();
});
