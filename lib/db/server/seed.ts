import 'server-only';
import { tagColorSchema } from '@/lib/tags/tag-color';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '@/lib/articles/server/content-hash';
import { parseArticle } from '@/lib/articles/parse-article';
import { hashPassword } from '@/lib/auth/server/password';
import type { Db } from '@/lib/db/server/prisma';
import { docToJson } from '@/lib/db/server/json';
import { DEMO_ACCOUNTS } from '@/lib/db/demo-accounts';
import { seedDemoAnnotations } from '@/lib/db/server/seed-demo-annotations';

export const DEFAULT_SOURCE_TAGS = [
  { key: 'un', label: 'UN report', color: '#2563eb', description: 'Sourced to a United Nations report or body.', sortOrder: 1 },
  { key: 'intelligence', label: 'Intelligence', color: '#dc2626', description: 'Sourced to intelligence services or assessments.', sortOrder: 2 },
  { key: 'analyst', label: 'Analyst opinion', color: '#15803d', description: 'The view of analysts, experts or commentators.', sortOrder: 3 },
];

export const DEMO_ARTICLE = {
  /** The demo account shown as having imported it. */
  createdBy: 'admin@claimdesk.test',
  file: join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'),
  outlet: 'The Express Tribune',
  byline: 'News Desk',
  publishedAt: new Date('2026-02-14T00:00:00Z'),
  url: null,
};

export type SeedReport = { tagsCreated: number; usersCreated: number; articlesCreated: number; annotationsCreated: number };

export type SeedOptions = {
  /**
   * The demo analysts' annotations on the demo article (seed-demo-annotations.ts). On for the app and
   * `npm run db:seed`; the integration tests' reset turns it off, their fixtures make their own.
   */
  demoAnnotations?: boolean;
};

/** Idempotent: creates what is missing and never overwrites what a desk has changed. */
export async function seed(db: Db, { demoAnnotations = true }: SeedOptions = {}): Promise<SeedReport> {
  const report: SeedReport = { tagsCreated: 0, usersCreated: 0, articlesCreated: 0, annotationsCreated: 0 };
  await db.deskSettings.upsert({ where: { id: 'desk' }, create: { id: 'desk' }, update: {} });

  for (const tag of DEFAULT_SOURCE_TAGS) {
    const existing = await db.sourceTag.findUnique({ where: { key: tag.key }, select: { id: true } });
    if (!existing) {
      await db.sourceTag.create({ data: { ...tag, color: tagColorSchema.parse(tag.color) } });
      report.tagsCreated++;
    }
  }

  let creatorId: string | null = null;
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    const id = existing
      ? existing.id
      : (await db.user.create({ data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) } })).id;
    if (!existing) report.usersCreated++;
    if (account.email === DEMO_ARTICLE.createdBy) creatorId = id;
  }

  const raw = await readFile(DEMO_ARTICLE.file, 'utf8');
  const parsed = parseArticle({ format: 'text', content: raw });
  const hash = contentHash(parsed.text);
  const already = await db.articleVersion.findFirst({ where: { contentHash: hash }, select: { articleId: true } });
  let demoArticleId = already?.articleId ?? null;
  if (!already && creatorId) {
    const article = await db.article.create({
      data: {
        title: parsed.title ?? 'Demo article',
        outlet: DEMO_ARTICLE.outlet,
        byline: DEMO_ARTICLE.byline,
        publishedAt: DEMO_ARTICLE.publishedAt,
        url: DEMO_ARTICLE.url,
        createdById: creatorId,
        versions: { create: { number: 1, doc: docToJson(parsed.doc), text: parsed.text, contentHash: hash, createdById: creatorId } },
      },
    });
    demoArticleId = article.id;
    report.articlesCreated++;
  }
  if (demoAnnotations && demoArticleId) report.annotationsCreated = await seedDemoAnnotations(db, demoArticleId);
  return report;
}
