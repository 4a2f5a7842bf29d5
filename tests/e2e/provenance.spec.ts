// Provenance (#15) in the browser: a source imported as a generated PDF with its issuing body and
// symbol (the issuing body corrected afterwards on the source page); a claim of a new article linked to the passage Claimdesk proposes (supports); the chip,
// passage and header count; a reviewer agrees with the link (the analyst sees it live); the source
// page lists the claim under Cited by; the library lists the source under Sources only. The new
// controls are audited with axe (WCAG 2.x A/AA, serious and critical findings fail).
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { makePdf } from '@/tests/support/make-pdf';
import { DEMO, expectAccessible, selectQuote, signIn } from './helpers';

const SOURCE_TITLE = 'Thirty-ninth report of the Analytical Support Team';
const ISSUER = 'UN Security Council';
const SYMBOL = 'S/2099/17';
const PASSAGE = 'Tehrik-e Taliban Pakistan (TTP) has an estimated 6,000 to 6,500 fighters, mainly based in eastern Afghanistan';
const ARTICLE_TITLE = 'Border Desk Checks the Militant Count';
const CLAIM = 'The TTP has some 6,000 fighters in eastern Afghanistan';
/** A claim the source does not make: its best proposal shares only a name. */
const UNSUPPORTED = 'The TTP also collected donations in Europe worth 3 million dollars';

async function sourcePdf(): Promise<Buffer> {
  const bytes = await makePdf({
    title: SOURCE_TITLE,
    author: 'Analytical Support Team',
    pages: [
      {
        blocks: [
          { kind: 'heading', text: SOURCE_TITLE, size: 18 },
          { kind: 'paragraph', text: '40. Member States reported that ISIL-K keeps about 2,000 fighters in the north, with recruitment falling since last year.' },
          { kind: 'paragraph', text: '41. Financing of the groups continues through taxation of trade routes and donations collected abroad.' },
        ],
      },
      {
        blocks: [
          { kind: 'heading', text: 'Regional threats', size: 14 },
          { kind: 'paragraph', text: `42. The Team assesses that ${PASSAGE}.` },
          { kind: 'paragraph', text: '43. Cross-border attacks in the south fell in the second half of the period, one Member State said.' },
        ],
      },
    ],
  });
  return Buffer.from(bytes);
}

async function otherPerson(browser: Browser, testInfo: TestInfo, who: typeof DEMO.rhea): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

const idFromUrl = (page: Page) => /\/articles\/([^/?#]+)/.exec(page.url())![1]!;

test.describe.configure({ timeout: 180_000 });

test('a claim linked to a proposed passage of a PDF source: chip, review of the link, cited-by, library filter', async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.amira);

  // 1. The source, imported from the Sources list: the form starts as a source import.
  await page.goto('/?kind=source');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources');
  await page.getByRole('button', { name: 'Import source' }).click();
  const form = page.getByRole('form', { name: 'Import article' });
  await expect(form.getByLabel('This is a source document')).toBeChecked();
  await form.getByLabel(/Upload a file/).setInputFiles({ name: 'report-39.pdf', mimeType: 'application/pdf', buffer: await sourcePdf() });
  await expect(form.getByTestId('file-status')).toHaveText(/^PDF, 2 pages/);
  await expect(form.getByLabel('Title (default: the headline)')).toHaveValue(SOURCE_TITLE);
  // Typed wrong at import; corrected on the source page below.
  await form.getByLabel('Issuing body').fill('UN Secretariat');
  await form.getByLabel('Document symbol').fill(SYMBOL);
  await form.getByLabel('Published').fill('2099-07-03');
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  const sourceHeader = page.getByTestId('source-header');
  await expect(sourceHeader).toContainText('Issued by UN Secretariat');
  await sourceHeader.getByRole('button', { name: 'Edit details' }).click();
  const details = sourceHeader.getByRole('form', { name: 'Source details' });
  await expect(details.getByLabel('Document symbol')).toHaveValue(SYMBOL);
  await details.getByLabel('Issuing body').fill(ISSUER);
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(sourceHeader).toContainText(`Issued by ${ISSUER}`);
  await expect(sourceHeader).toContainText(SYMBOL);
  await expect(sourceHeader).toContainText('3 Jul 2099');
  await expect(sourceHeader).toContainText('No claim cites this source yet.');
  const sourceId = idFromUrl(page);

  // 2. An article with the claim, annotated.
  await page.goto('/');
  await page.getByRole('button', { name: 'Import article' }).click();
  await page.getByRole('form', { name: 'Import article' }).getByLabel('Format').selectOption('markdown');
  await page.getByLabel('…or paste the article (first line: headline)').fill(`# ${ARTICLE_TITLE}\n\n${CLAIM}, according to a new UN report. Officials in Islamabad welcomed the findings.\n\n${UNSUPPORTED}, the report says.\n`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('article-reader').getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  await expect(page.getByTestId('source-header')).toHaveCount(0);
  const articleId = idFromUrl(page);
  await selectQuote(page, CLAIM);
  const popover = page.getByRole('dialog', { name: 'Annotate selection' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await expect(item).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);
  const annotationId = (await item.getAttribute('data-annotation-id'))!;
  await expect(item.getByTestId('provenance-chip')).toHaveText('Unlinked');
  await expect(page.getByTestId('linked-count')).toHaveText('0 of 1 claims linked');

  // 3. Link to source: pick the source, take the best proposal, say it supports the claim.
  await item.click();
  await item.getByRole('button', { name: 'Link to source' }).click();
  const panel = page.getByRole('dialog', { name: 'Link to source' });
  await expect(panel).toContainText(CLAIM);
  await panel.getByRole('searchbox', { name: 'Search sources' }).fill(SYMBOL);
  await panel.getByRole('button', { name: new RegExp(SOURCE_TITLE) }).click();
  const proposals = panel.getByTestId('passage-proposal');
  await expect(proposals.first()).toContainText('6,000 to 6,500');
  await expect(proposals.first()).toContainText(/shares:/);
  await expect(panel.getByTestId('weak-proposals')).toHaveCount(0);
  await expect(panel.getByTestId('source-text')).toContainText(PASSAGE);
  await expectAccessible(page, '[data-testid="link-source-panel"]', 'link panel');
  await proposals.first().click();
  await expect(proposals.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('chosen-passage')).toContainText('6,000 to 6,500');
  // The relations are the server's: supports, partly supports, contradicts, misquoted, not found.
  await expect(panel.getByRole('radio')).toHaveCount(5);
  await panel.getByRole('radio', { name: 'Contradicts' }).check();
  await panel.getByRole('radio', { name: 'Supports', exact: true }).check();
  await expect(panel.getByRole('radio', { name: 'Supports', exact: true })).toBeChecked();
  await panel.getByRole('button', { name: 'Save link' }).click();
  await expect(panel).toBeHidden();

  await expect(item.getByTestId('provenance-chip')).toHaveText(/^Supported by S\/2099\/17 ¶42, p\. 2$/);
  await expect(item.getByTestId('provenance-passage')).toContainText('6,000 to 6,500 fighters');
  await expect(page.getByTestId('linked-count')).toHaveText('1 of 1 claims linked');
  const link = item.getByTestId('evidence-link');
  await expect(link).toHaveCount(1);
  await expect(link.getByTestId('evidence-review-status')).toHaveText('Link unreviewed');
  // Her own link: she may remove it, not review it.
  await expect(link.getByRole('button', { name: 'Remove link' })).toBeVisible();
  await expect(link.getByRole('button', { name: 'Agree with link' })).toHaveCount(0);
  await expectAccessible(page, '[data-testid="claim-evidence"]', 'claim provenance');
  // The reader's hover card says it too.
  await page.locator(`[data-testid="article-reader"] .cd-highlight[data-annotation-id="${annotationId}"]`).first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Provenance: Verified');
  // Her link's relation can change in place: the chip follows, and back.
  await link.getByLabel('Relation of this link').selectOption('partial');
  await expect(item.getByTestId('provenance-chip')).toHaveText(/^Partly supported by S\/2099\/17/);
  await expect(page.getByTestId('linked-count')).toHaveText('1 of 1 claims linked');
  await link.getByLabel('Relation of this link').selectOption('supports');
  await expect(item.getByTestId('provenance-chip')).toHaveText(/^Supported by S\/2099\/17/);

  // The sidebar filters by provenance.
  const filter = page.getByLabel('Filter by provenance');
  await filter.selectOption('unlinked');
  await expect(page.getByTestId('annotation-item')).toHaveCount(0);
  await filter.selectOption('verified');
  await expect(page.getByTestId('annotation-item')).toHaveCount(1);
  await filter.selectOption('');
  await item.click();

  // 4. A reviewer agrees with the link; the analyst sees it without a reload.
  const rhea = await otherPerson(browser, testInfo, DEMO.rhea);
  await rhea.goto(`/articles/${articleId}?annotation=${annotationId}`);
  const rheaLink = rhea.getByTestId('annotation-item').filter({ hasText: CLAIM }).getByTestId('evidence-link');
  await expect(rheaLink).toContainText('6,000 to 6,500');
  await rheaLink.getByRole('button', { name: 'Agree with link' }).click();
  await expect(rheaLink.getByTestId('evidence-review-status')).toHaveText('Link confirmed');
  await expect(rheaLink.getByRole('button', { name: 'Agree with link' })).toHaveAttribute('aria-pressed', 'true');
  await expect(link.getByTestId('evidence-review-status')).toHaveText('Link confirmed');
  await expect(link).toContainText(`${DEMO.rhea.name} agreed`);
  await rhea.context().close();

  // 5. The source page lists the claim under Cited by, with a way into the reader.
  await page.goto(`/articles/${sourceId}`);
  const cited = page.getByTestId('cited-by-item');
  await expect(cited).toHaveCount(1);
  await expect(cited).toContainText(CLAIM);
  await expect(cited).toContainText(ARTICLE_TITLE);
  await expect(cited).toContainText('Supports');
  await expect(page.getByTestId('source-header')).toContainText('cited by 1 claim');
  await expectAccessible(page, '[data-testid="source-header"]', 'source header');
  await cited.getByRole('link', { name: `open in the reader: the claim in ${ARTICLE_TITLE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${annotationId}`));
  await expect(page.getByTestId('annotation-item').filter({ hasText: CLAIM })).toHaveAttribute('aria-current', 'true');

  // 6. The library: the source under Sources only, the article under Articles only.
  await page.goto('/');
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible();
  await expect(page.getByRole('link', { name: SOURCE_TITLE })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Library: articles or sources' }).getByRole('link', { name: 'Sources' }).click();
  await expect(page).toHaveURL(/\?kind=source$/);
  await expect(page.getByRole('link', { name: 'Sources', exact: true })).toHaveAttribute('aria-current', 'page');
  const card = page.getByTestId('source-card').filter({ hasText: SOURCE_TITLE });
  await expect(card.getByTestId('source-issuer')).toHaveText(ISSUER);
  await expect(card.getByTestId('source-symbol')).toHaveText(SYMBOL);
  await expect(card).toContainText('3 Jul 2099');
  await expect(card.getByTestId('cited-by-count')).toHaveText('cited by 1 claim');
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toHaveCount(0);
  await expectAccessible(page, 'main', 'library sources');

  // 7. A claim the source does not make: even the best proposal is flagged weak, with a way to say "Not found".
  await page.goto(`/articles/${articleId}`);
  await selectQuote(page, UNSUPPORTED);
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(popover).toBeHidden();
  const unsupported = page.getByTestId('annotation-item').filter({ hasText: UNSUPPORTED });
  await expect(unsupported).toHaveAttribute('data-annotation-id', /^(?!temp-).+/);
  await unsupported.click();
  await unsupported.getByRole('button', { name: 'Link to source' }).click();
  await panel.getByRole('searchbox', { name: 'Search sources' }).fill(SYMBOL);
  await panel.getByRole('button', { name: new RegExp(SOURCE_TITLE) }).click();
  await expect(proposals.first()).toContainText('Weak: only a name in common');
  const weakNote = panel.getByTestId('weak-proposals');
  await expect(weakNote).toContainText('the source may not say this');
  await expectAccessible(page, '[data-testid="link-source-panel"]', 'link panel, weak proposals');
  await weakNote.getByRole('button', { name: 'Not found' }).click();
  await expect(panel.getByRole('radio', { name: 'Not found' })).toBeChecked();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toBeHidden();
  await expect(unsupported.getByTestId('provenance-chip')).toHaveText('Unlinked');
});
