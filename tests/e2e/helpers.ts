import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { E2E_STATE } from './global-setup';

export const DEMO = {
  admin: { email: 'admin@claimdesk.test', password: 'claimdesk-admin', name: 'Dana Admin' },
  amira: { email: 'amira@claimdesk.test', password: 'claimdesk-analyst', name: 'Amira Khan' },
  ben: { email: 'ben@claimdesk.test', password: 'claimdesk-analyst', name: 'Ben Okafor' },
  rhea: { email: 'rhea@claimdesk.test', password: 'claimdesk-reviewer', name: 'Rhea Lindqvist' },
} as const;

export const ARTICLE_TITLE = 'UN Flags Militant Nexus Threatening Pakistan';

export function e2eDatabaseUrl(): string {
  return (JSON.parse(readFileSync(E2E_STATE, 'utf8')) as { url: string }).url;
}

export async function signIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText(who.name);
}

export async function openDemoArticle(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).first().click();
  await expect(page.getByTestId('article-reader').getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
}

/** The editor mounts after the page (and its server-rendered sidebar) is shown: wait for it, as a reader would. */
export async function waitForReader(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="article-reader"] .ProseMirror')).toBeVisible();
}

/** Selects `quote` in the reader with a DOM range (as a drag would) and fires the mouseup the reader listens to. */
export async function selectQuote(page: Page, quote: string): Promise<void> {
  await waitForReader(page);
  await page.evaluate((quote) => {
    const root = document.querySelector('[data-testid="article-reader"] .ProseMirror');
    if (!root) throw new Error('reader not found');
    const nodes: Array<{ node: Text; start: number }> = [];
    let all = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: all.length });
      all += (n as Text).data;
    }
    const at = all.indexOf(quote);
    if (at < 0) throw new Error(`text not in reader: ${quote}`);
    const locate = (pos: number, forward: boolean) => {
      const hit = nodes.find((n) => (forward ? n.start <= pos && pos < n.start + n.node.data.length : n.start < pos && pos <= n.start + n.node.data.length))!;
      return { node: hit.node, offset: pos - hit.start };
    };
    const a = locate(at, true);
    const b = locate(at + quote.length, false);
    a.node.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    (b.node.parentElement ?? root).dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, quote);
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe (WCAG 2.x A/AA) on part of the page: serious and critical findings fail, named by rule and element. */
export async function expectAccessible(page: Page, selector: string, where: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(WCAG_AA).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${where}: axe`).toEqual([]);
}
