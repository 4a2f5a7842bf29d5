// Provenance (#15), the second case: an article gives a figure the source gives differently
// (7,000 fighters where the report says 6,000 to 6,500). The analyst links the claim to the report's
// passage in the reader with the relation "misquoted"; the chip says so; the Markdown brief
// downloaded from the Export menu lists the claim as misquoted with the source passage.
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
// Invented documents, written for this test.
const PASSAGE = 'Tehrik-e Taliban Pakistan (TTP) has an estimated 6,000 to 6,500 fighters, mainly based in eastern Afghanistan';
const CLAIM = 'The TTP now has 7,000 fighters in eastern Afghanistan';

async function post<T>(request: APIRequestContext, url: string, data: unknown): Promise<T> {
  const res = await request.post(url, { headers: SAME_ORIGIN, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

/** A numbered report imported as a text source, and an article with the claim annotated. */
async function claimAndSource(request: APIRequestContext) {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const symbol = `S/2099/M${stamp}`;
  const sourceTitle = `Analytical Support Team report ${stamp}`;
  const report = [
    sourceTitle,
    '40. Member States reported that ISIL-K keeps about 2,000 fighters in the north, with recruitment falling since last year.',
    '41. Financing of the groups continues through taxation of trade routes and donations collected abroad.',
    `42. The Team assesses that ${PASSAGE}.`,
    '43. Cross-border attacks in the south fell in the second half of the period, one Member State said.',
  ].join('\n');
  await post(request, '/api/articles', { format: 'text', content: report, kind: 'source', issuer: 'UN Security Council', symbol });
  const title = `Militant count misquoted ${stamp}`;
  const { article } = await post<{ article: { id: string } }>(request, '/api/articles', {
    format: 'text',
    content: [title, `${CLAIM}, according to a new UN report. Officials in Islamabad welcomed the findings.`].join('\n'),
  });
  const text = ((await (await request.get(`/api/articles/${article.id}`)).json()) as { version: { text: string } }).version.text;
  const start = text.indexOf(CLAIM);
  const { annotation } = await post<{ annotation: { id: string } }>(request, `/api/articles/${article.id}/annotations`, { start, end: start + CLAIM.length, exact: CLAIM, tag: 'un' });
  return { articleId: article.id, annotationId: annotation.id, symbol, sourceTitle };
}

test.describe.configure({ timeout: 120_000 });

test('a claim quoting a different figure is linked as misquoted: the chip and the Markdown brief say so, with the passage', async ({ page }) => {
  await signIn(page, DEMO.amira);
  const { articleId, annotationId, symbol, sourceTitle } = await claimAndSource(page.request);

  await page.goto(`/articles/${articleId}?annotation=${annotationId}`);
  const item = page.getByTestId('annotation-item').filter({ hasText: CLAIM });
  await expect(item.getByTestId('provenance-chip')).toHaveText('Unlinked');
  await item.click();
  await expect(item.getByTestId('claim-evidence')).toContainText('Not linked to a source yet.');
  await item.getByRole('button', { name: 'Link to source' }).click();
  const panel = page.getByRole('dialog', { name: 'Link to source' });
  await panel.getByRole('searchbox', { name: 'Search sources' }).fill(symbol);
  await panel.getByRole('button', { name: new RegExp(sourceTitle) }).click();
  // The figures differ, the rest (TTP, fighters, eastern Afghanistan) finds paragraph 42 all the same.
  const proposal = panel.getByTestId('passage-proposal').filter({ hasText: '6,000 to 6,500' });
  await expect(proposal.first()).toBeVisible();
  await proposal.first().click();
  await expect(panel.getByTestId('chosen-passage')).toContainText('6,000 to 6,500');
  await panel.getByRole('radio', { name: 'Misquoted' }).check();
  await panel.getByRole('button', { name: 'Save link' }).click();
  await expect(panel).toBeHidden();

  await expect(item.getByTestId('provenance-chip')).toHaveText(new RegExp(`^Misquoted from ${symbol.replace(/\//g, '\\/')} ¶42`));
  await expect(item.getByTestId('provenance-passage')).toContainText('6,000 to 6,500 fighters');
  await expect(page.getByTestId('linked-count')).toHaveText('1 of 1 claims linked');

  await page.getByRole('button', { name: /^Export/ }).click();
  const menu = page.getByRole('dialog', { name: 'Export brief' });
  await menu.getByLabel('Format').selectOption('md');
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('link', { name: 'Download' }).click()]);
  const markdown = readFileSync((await download.path())!, 'utf8');
  // The claim's own block: its quote, its state, the misquoted link and the passage it changes.
  const at = markdown.indexOf(CLAIM);
  expect(at, markdown).toBeGreaterThanOrEqual(0);
  const block = markdown.slice(at);
  expect(block).toContain('- **Provenance:** Misquoted');
  expect(block).toMatch(new RegExp(`\\*\\*Misquoted\\*\\* — .*${symbol.replace(/\//g, '\\/')}`));
  // The proposal is the passage's whole sentence (after the paragraph number).
  const passageLine = block.split('\n').find((l) => l.trim().startsWith('- Passage: “'));
  expect(passageLine, block).toContain(PASSAGE);
  expect(passageLine).not.toContain('7,000');
});
