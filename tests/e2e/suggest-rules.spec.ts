// Learning from the desk, end to end: suggestions of one rule rejected again and again are muted for
// everyone (the panel says how many are held back), the desk settings page lists the rule with its
// figures, and an admin restores it there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const FIXTURE = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');
const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };
type Suggestion = { start: number; end: number; rules: string[] };

async function createArticle(request: APIRequestContext): Promise<string> {
  const title = `Rule learning check ${Date.now().toString(36)}`;
  const content = [title, ...FIXTURE.split('\n').slice(1)].join('\n');
  const res = await request.post('/api/articles', { headers: SAME_ORIGIN, data: { format: 'text', content, title } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { article: { id: string } }).article.id;
}

test('a rule the desk keeps rejecting is muted, listed on the desk page with its figures, and restored by an admin', async ({ browser }) => {
  const analystContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const analyst = await analystContext.newPage();
    const admin = await adminContext.newPage();
    await signIn(analyst, DEMO.ben);
    await signIn(admin, DEMO.admin);
    const articleId = await createArticle(analyst.request);

    // The analyst rejects five suggestions that one rule made.
    const listed = (await (await analyst.request.get(`/api/articles/${articleId}/suggestions`)).json()) as { versionId: string; suggestions: Suggestion[] };
    const byRule = new Map<string, Suggestion[]>();
    for (const s of listed.suggestions) byRule.set(s.rules[0], [...(byRule.get(s.rules[0]) ?? []), s]);
    // A rule nobody has decided on yet (other specs share this database), with the most suggestions here.
    const decided = ((await (await analyst.request.get('/api/suggestions/rules')).json()) as { rules: Array<{ id: string }> }).rules.map((r) => r.id);
    const [rule, spans] = [...byRule.entries()].filter(([id]) => !decided.includes(id)).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
    expect(spans.length).toBeGreaterThanOrEqual(5);
    for (const s of spans.slice(0, 5)) {
      const res = await analyst.request.post(`/api/articles/${articleId}/suggestions/reject`, { headers: SAME_ORIGIN, data: { versionId: listed.versionId, start: s.start, end: s.end } });
      expect(res.status()).toBe(204);
    }

    // A colleague now gets none of that rule's suggestions, and the panel says some are held back.
    await admin.goto(`/articles/${articleId}`);
    await admin.getByRole('switch', { name: 'Suggestions' }).click();
    await expect(admin.getByTestId('suggestion-muted')).toHaveText(`· ${spans.length} held back by muted rules`);
    await expect(admin.getByTestId('suggestion-count')).toHaveText(`${listed.suggestions.length - spans.length} proposed`);

    // The desk page lists the rule as muted with its figures.
    await admin.goto('/admin/desk');
    const row = admin.locator(`[data-testid="suggestion-rule"][data-rule-id="${rule}"]`);
    await expect(row).toHaveAttribute('data-muted', 'true');
    await expect(row.getByTestId('suggestion-rule-effect')).toHaveText('muted');
    await expect(row.locator('td').nth(3)).toHaveText('5');
    await expect(row.locator('td').nth(4)).toHaveText('33%');

    // An analyst sees no desk page; the admin restores the rule.
    await analyst.goto('/admin/desk');
    await expect(analyst.getByText('Only a desk admin can change the desk settings.')).toBeVisible();
    await row.getByRole('button', { name: 'Restore' }).click();
    await expect(row).toHaveAttribute('data-muted', 'false');
    await expect(row.getByTestId('suggestion-rule-effect')).toHaveText(/^lowered ×0\.\d\d$/);
    await expect(row).toContainText('restored');

    // Its suggestions are back for everyone (except the ones this analyst rejected for themselves).
    await admin.goto(`/articles/${articleId}`);
    await admin.getByRole('switch', { name: 'Suggestions' }).click();
    await expect(admin.getByTestId('suggestion-count')).toHaveText(`${listed.suggestions.length} proposed`);
    await expect(admin.getByTestId('suggestion-muted')).toHaveCount(0);
  } finally {
    await analystContext.close();
    await adminContext.close();
  }
});
