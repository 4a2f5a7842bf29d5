// The one factory module for test data: the users, articles, annotations and reviews every test
// starts from, made three ways with one vocabulary (the demo article's sentences, the demo people):
//   - plain values, for unit tests: `annotationDto`;
//   - through Prisma, for integration tests: `createTestUser`, `demoArticle`, `createAnnotation`,
//     `createReview`, `createReply` (straight rows, so a test does not depend on the endpoints it
//     is not about);
//   - through the HTTP API as a signed-in browser, for e2e setup: `viaApi(request)`.
// The e2e runner is plain Node, where server modules refuse to load (`server-only`): the Prisma
// part imports them when one of its functions runs, never when this module loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { describeRange } from '@/lib/anchoring/selectors';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Actor } from '@/lib/core/actor';
import type { Role, Verdict } from '@/lib/core/enums';
import { DEMO_ACCOUNTS } from '@/lib/db/demo-accounts';
import type { Prisma } from '@/lib/db/server/prisma';

// ── The demo desk ───────────────────────────────────────────────────────────

/** The seeded demo article's text (prisma/fixtures), as imported. Its first line is the title. */
export const DEMO_ARTICLE_TEXT = readFileSync(join(process.cwd(), 'prisma/fixtures/un-militant-nexus-article.txt'), 'utf8');

/** Sentences of the demo article, each occurring once in its text. */
export const SENTENCES = {
  nexus: 'a growing nexus between religious extremists and ethno-nationalist outfits is deepening security risks for Pakistan and the wider region',
  twenty: 'more than 20 regional and international terrorist organisations',
  isk: 'with around 2,000 fighters using covert cells, encrypted platforms, cryptocurrencies, and emerging technologies',
  ttp600: 'carried out over 600 attacks in Pakistan in 2025 alone',
  shelter: 'the Taliban continue to shelter TTP leaders and provide them with logistical space',
  meeting: 'representatives of several militant groups reportedly held a secret meeting in northern Afghanistan',
  un: 'the report challenges repeated Taliban denials',
  ik: 'The report identifies Islamic State–Khorasan (IS-K) as a major international threat operating from Afghanistan.',
  credits: 'The UN credits Pakistan with weakening IS-K’s propaganda network',
} as const;

export type DemoPerson = { email: string; password: string; name: string };

function demoPerson(email: string): DemoPerson {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`Not a demo account: ${email}`);
  return { email: account.email, password: account.password, name: account.name };
}

/** The seeded people, for signing in (e2e). */
export const DEMO_USERS = {
  admin: demoPerson('admin@claimdesk.test'),
  amira: demoPerson('amira@claimdesk.test'),
  ben: demoPerson('ben@claimdesk.test'),
  rhea: demoPerson('rhea@claimdesk.test'),
} as const;

// ── Plain values (unit tests) ───────────────────────────────────────────────

/** An annotation as the API answers it: a quote at 0–5 by `u-author`, unreviewed, exact. */
export function annotationDto(id: string, overrides: Partial<AnnotationDto> = {}): AnnotationDto {
  return {
    id,
    articleId: 'a1',
    versionId: 'v1',
    target: { exact: `quote ${id}`, prefix: '', suffix: '', start: 0, end: 5 },
    tag: 'un',
    sourceDetail: null,
    note: null,
    confidence: null,
    grade: { reliability: null, credibility: null },
    status: 'UNREVIEWED',
    anchorState: 'exact',
    orphaned: false,
    author: { id: 'u-author', name: 'Author' },
    revision: 1,
    suggestionReason: null,
    replyCount: 0,
    conflictsWith: [],
    matchOf: null,
    matchedByCount: 0,
    provenance: 'unlinked',
    evidenceCount: 0,
    curated: false,
    curatedFrom: [],
    deletedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

// ── Through Prisma (integration tests) ──────────────────────────────────────

const prisma = async () => (await import('@/lib/db/server/prisma')).getDb();

/**
 * Empties every table (keeps the migrations record) and re-seeds tags, desk settings, demo users and
 * article, without the demo annotations: tests make the annotations they reason about.
 */
export async function resetDatabase(): Promise<void> {
  const db = await prisma();
  const { seed } = await import('@/lib/db/server/seed');
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
  await seed(db, { demoAnnotations: false });
}

let counter = 0;

export type TestUser = Actor & { token: string; password: string };

/** A user with a fresh API token, for calling routes as that user. */
export async function createTestUser(role: Role = 'ANALYST', overrides: Partial<{ name: string; email: string }> = {}): Promise<TestUser> {
  const db = await prisma();
  const { hashPassword } = await import('@/lib/auth/server/password');
  const { createApiToken } = await import('@/lib/auth/server/api-tokens');
  counter++;
  const password = 'test-password-123';
  const user = await db.user.create({
    data: {
      email: overrides.email ?? `user${counter}-${Date.now()}@test.local`,
      name: overrides.name ?? `${role.toLowerCase()} ${counter}`,
      role,
      passwordHash: await hashPassword(password),
    },
  });
  const { token } = await createApiToken(db, user.id, 'test');
  return { id: user.id, name: user.name, email: user.email, role: user.role, token, password };
}

/** The seeded demo article and its latest version. */
export async function demoArticle() {
  const article = await (await prisma()).article.findFirstOrThrow({ include: { versions: { orderBy: { number: 'desc' }, take: 1 } } });
  return { article, version: article.versions[0]! };
}

/** Where an annotation is made: an article's version and that version's text. */
export type OnVersion = { articleId: string; versionId: string; text: string };

async function onDemoArticle(): Promise<OnVersion> {
  const { article, version } = await demoArticle();
  return { articleId: article.id, versionId: version.id, text: version.text };
}

type StoredAnnotationFields = Partial<Omit<Prisma.AnnotationUncheckedCreateInput, 'articleId' | 'versionId' | 'authorId' | 'tagId'>>;

/**
 * An annotation by `author` on the first occurrence of `exact` (the demo article's latest version
 * unless `on` says otherwise), with tag `un` unless `tag` says otherwise. `cut` narrows the quote
 * (offsets into `exact`); `data` sets any stored column (status, note, deletedAt, createdAt, grades…).
 */
export async function createAnnotation(
  author: Pick<TestUser, 'id'>,
  exact: string,
  options: { tag?: string; on?: OnVersion; cut?: { from?: number; to?: number }; data?: StoredAnnotationFields } = {},
) {
  const db = await prisma();
  const on: OnVersion = options.on ?? (await onDemoArticle());
  const at = on.text.indexOf(exact);
  if (at < 0) throw new Error(`Not in the article's text: ${exact}`);
  const start = at + (options.cut?.from ?? 0);
  const end = at + (options.cut?.to ?? exact.length);
  const tag = await db.sourceTag.findUniqueOrThrow({ where: { key: options.tag ?? 'un' } });
  return db.annotation.create({
    data: { articleId: on.articleId, versionId: on.versionId, authorId: author.id, tagId: tag.id, ...describeRange(on.text, start, end), ...options.data },
  });
}

/** A verdict row (the status is not recomputed: set it on the annotation when the test needs it). */
export async function createReview(
  annotation: { id: string },
  reviewer: Pick<TestUser, 'id'>,
  verdict: Verdict,
  data: Partial<Omit<Prisma.ReviewUncheckedCreateInput, 'annotationId' | 'reviewerId' | 'verdict'>> = {},
) {
  return (await prisma()).review.create({ data: { annotationId: annotation.id, reviewerId: reviewer.id, verdict, ...data } });
}

export async function createReply(annotation: { id: string }, author: Pick<TestUser, 'id'>, body: string) {
  return (await prisma()).reply.create({ data: { annotationId: annotation.id, authorId: author.id, body } });
}

// ── Through the API (e2e setup) ─────────────────────────────────────────────

/** Cookie-authenticated writes must say they come from the app's own origin (the CSRF check). */
export const SAME_ORIGIN = { Origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

let articleCounter = 0;

async function expectStatus(res: APIResponse, status: number, what: string) {
  if (res.status() !== status) throw new Error(`${what}: expected ${status}, got ${res.status()}: ${await res.text()}`);
}

/** Test data made through the HTTP API as whoever `request` is signed in as (a page's or a context's). */
export function viaApi(request: APIRequestContext) {
  async function articleText(articleId: string): Promise<string> {
    const res = await request.get(`/api/articles/${articleId}`);
    await expectStatus(res, 200, `GET article ${articleId}`);
    return ((await res.json()) as { version: { text: string } }).version.text;
  }

  return {
    /**
     * A copy of the demo article (or `content`) under a title unique to this run, so specs sharing
     * the e2e database never see each other's annotations. `title` is the title's prefix.
     */
    async createArticle(title: string, fields: { content?: string; outlet?: string } = {}): Promise<{ id: string; title: string }> {
      const unique = `${title} ${Date.now().toString(36)}-${++articleCounter}`;
      const body = [unique, ...(fields.content ?? DEMO_ARTICLE_TEXT).split('\n').slice(1)].join('\n');
      const res = await request.post('/api/articles', {
        headers: SAME_ORIGIN,
        data: { format: 'text', content: body, title: unique, ...(fields.outlet ? { outlet: fields.outlet } : {}) },
      });
      await expectStatus(res, 201, 'POST /api/articles');
      return { id: ((await res.json()) as { article: { id: string } }).article.id, title: unique };
    },

    articleText,

    /** An annotation on the first occurrence of `quote` (`text`: the article's text, read when not given). */
    async annotate(
      articleId: string,
      quote: string,
      fields: { tag: string; note?: string; sourceDetail?: string; confidence?: 'low' | 'medium' | 'high' },
      text?: string,
    ): Promise<AnnotationDto> {
      const start = (text ?? (await articleText(articleId))).indexOf(quote);
      if (start < 0) throw new Error(`Quote not in the article: ${quote}`);
      const res = await request.post(`/api/articles/${articleId}/annotations`, {
        headers: SAME_ORIGIN,
        data: { start, end: start + quote.length, exact: quote, ...fields },
      });
      await expectStatus(res, 201, 'POST annotation');
      return ((await res.json()) as { annotation: AnnotationDto }).annotation;
    },
  };
}
