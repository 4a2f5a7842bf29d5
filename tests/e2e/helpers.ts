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
