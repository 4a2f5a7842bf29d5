import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as knownRoute from '@/app/api/articles/[id]/known-claims/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as matchesRoute from '@/app/api/annotations/[id]/matches/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { createArticle } from '@/lib/articles/server/create-article';
import { getDb } from '@/lib/db/server/prisma';
import type { ClaimMatchDto, KnownClaimDto } from '@/lib/matching/matching-dto';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, AnnotationListBody } from '@/tests/support/route-bodies';

const fixture = (f: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/matching/articles', f), 'utf8');

const LEDGER_STRENGTH = 'The banned Tehreek-e-Taliban Pakistan (TTP) has between 6,000 and 6,500 fighters based in Afghanistan';
const LEDGER_PAYMENTS = 'Member states told the monitors that the Taliban pay the TTP leadership roughly $50,000 a month.';
const FRONTIER_STRENGTH = 'A new United Nations assessment puts the strength of the Tehrik-i-Taliban Pakistan at six thousand to six and a half thousand fighters, most of them sheltering in eastern Afghanistan.';
const FRONTIER_PAYMENTS = 'The report says the TTP receives about $50,000 every month from the Taliban.';

type Article = { id: string; text: string };
type Ctx = { amira: TestUser; ben: TestUser; rhea: TestUser; ledger: Article; frontier: Article; kabul: Article };

async function importArticle(user: TestUser, file: string, outlet: string): Promise<Article> {
  const article = await createArticle(getDb(), user, { source: { kind: 'text', format: 'text', text: fixture(file) }, metadata: { outlet, publishedAt: new Date('2025-07-15') } });
  const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: article.id }, select: { text: true } });
  return { id: article.id, text: version.text };
}

async function annotate(user: TestUser, article: Article, quote: string, extra: Record<string, unknown> = {}) {
  const start = article.text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  return callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${article.id}/annotations`, {
    method: 'POST',
    token: user.token,
    params: { id: article.id },
    json: { start, end: start + quote.length, exact: quote, tag: 'un', ...extra },
  });
}

async function annotateOk(user: TestUser, article: Article, quote: string, extra: Record<string, unknown> = {}): Promise<AnnotationDto> {
  const res = await annotate(user, article, quote, extra);
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data.annotation;
}

function matches(who: { token?: string; cookie?: string }, id: string, query?: Record<string, string>) {
  return callRoute<{ matches: ClaimMatchDto[] }>(matchesRoute.GET, `/api/annotations/${id}/matches`, { ...who, params: { id }, query });
}

function known(who: { token?: string; cookie?: string }, id: string) {
  return callRoute<{ known: KnownClaimDto[] }>(knownRoute.GET, `/api/articles/${id}/known-claims`, { ...who, params: { id } });
}

async function confirm(reviewer: TestUser, id: string) {
  const res = await callRoute(reviewsRoute.POST, `/api/annotations/${id}/reviews`, { method: 'POST', token: reviewer.token, params: { id }, json: { verdict: 'AGREE' } });
  expect(res.status).toBe(201);
}

describe('claim matching API', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    const amira = await createTestUser('ANALYST');
    ctx = {
      amira,
      ben: await createTestUser('ANALYST'),
      rhea: await createTestUser('REVIEWER'),
      ledger: await importArticle(amira, 'capital-ledger-un-report.txt', 'The Capital Ledger'),
      frontier: await importArticle(amira, 'frontier-standard-un-report.txt', 'Frontier Standard'),
      kabul: await importArticle(amira, 'kabul-observer-taliban-response.txt', 'Kabul Observer'),
    };
  });

  it('GET matches: the same claim in another article, scored and explained; never the same article; not a denial', async () => {
    const a = await annotateOk(ctx.amira, ctx.ledger, LEDGER_STRENGTH);
    const sameArticle = await annotateOk(ctx.amira, ctx.ledger, 'The Monitoring Team estimates that Islamic State Khorasan Province has around 2,000 fighters');
    const b = await annotateOk(ctx.ben, ctx.frontier, FRONTIER_STRENGTH);
    const denial = await annotateOk(ctx.ben, ctx.kabul, 'He said the TTP does not have 6,000 fighters in Afghanistan and described the figure as propaganda.');
    await annotateOk(ctx.ben, ctx.frontier, FRONTIER_PAYMENTS);

    const res = await matches({ token: ctx.ben.token }, a.id);
    expect(res.status).toBe(200);
    const list = res.data.matches;
    expect(list.map((m) => m.annotation.id)).toEqual([b.id]);
    expect(list[0]).toMatchObject({ article: { id: ctx.frontier.id, title: expect.any(String), outlet: 'Frontier Standard' }, provenance: 'unlinked' });
    expect(list[0]!.annotation.status).toBe('UNREVIEWED');
    expect(list[0]!.score).toBeGreaterThanOrEqual(0.5);
    expect(list[0]!.score).toBeLessThanOrEqual(1);
    expect(list[0]!.reason).toContain('same figures');
    expect(list[0]!.reason).toContain('TTP');
    expect(list.some((m) => m.annotation.id === sameArticle.id || m.annotation.id === denial.id)).toBe(false);

    // The browser path sees the same.
    const viaCookie = await matches({ cookie: await sessionCookieFor(ctx.amira.id) }, a.id);
    expect(viaCookie.data.matches.map((m) => m.annotation.id)).toEqual([b.id]);

    // A deleted claim is not returned (only what the caller may read).
    const del = await callRoute(annotationRoute.DELETE, `/api/annotations/${b.id}`, { method: 'DELETE', token: ctx.ben.token, params: { id: b.id } });
    expect(del.status).toBe(204);
    expect((await matches({ token: ctx.amira.token }, a.id)).data.matches).toEqual([]);
    // ...and a deleted annotation has no matches of its own.
    expect((await matches({ token: ctx.amira.token }, b.id)).status).toBe(404);
  });

  it('GET matches: 401 without credentials, 404 for an unknown annotation, 400 for a bad limit or an unknown parameter', async () => {
    const a = await annotateOk(ctx.amira, ctx.ledger, LEDGER_STRENGTH);
    expect((await matches({}, a.id)).status).toBe(401);
    const unknown = await matches({ token: ctx.amira.token }, 'no-such-annotation');
    expect(unknown.status).toBe(404);
    expect(unknown.data.error?.code).toBe('not_found');
    for (const limit of ['0', '21', 'five', '-1']) {
      const res = await matches({ token: ctx.amira.token }, a.id, { limit });
      expect(res.status, limit).toBe(400);
      expect(res.data.error?.message).toMatch(/limit must be a whole number from 1 to 20/);
    }
    const extra = await matches({ token: ctx.amira.token }, a.id, { sort: 'score' });
    expect(extra.status).toBe(400);
    expect(extra.data.error?.message).toContain('Unknown query parameter sort');
  });

  it('GET known-claims: sentences of a new article that match claims reviewed elsewhere; unreviewed ones are not shown', async () => {
    const strength = await annotateOk(ctx.amira, ctx.ledger, LEDGER_STRENGTH);
    await annotateOk(ctx.amira, ctx.ledger, LEDGER_PAYMENTS); // not reviewed: never offered as checked before
    expect((await known({ token: ctx.ben.token }, ctx.frontier.id)).data.known).toEqual([]);

    await confirm(ctx.rhea, strength.id);
    const res = await known({ token: ctx.ben.token }, ctx.frontier.id);
    expect(res.status).toBe(200);
    const list = res.data.known;
    // The sentence restating the figures, and the headline ("Six thousand and counting: …"); nothing else.
    const sentence = list.find((k) => k.exact.includes(FRONTIER_STRENGTH));
    expect(sentence).toMatchObject({ linkedAnnotationId: null, match: { annotation: { id: strength.id, status: 'CONFIRMED' }, article: { outlet: 'The Capital Ledger' } } });
    expect(ctx.frontier.text.slice(sentence!.start, sentence!.end)).toBe(`PESHAWAR: ${FRONTIER_STRENGTH}`);
    expect(list.map((k) => k.exact).filter((e) => !e.includes(FRONTIER_STRENGTH))).toEqual([ctx.frontier.text.split('\n')[0]]);
    expect(list.every((k) => k.match.annotation.id === strength.id)).toBe(true);
    // The article itself: its own claims are not "checked before".
    expect((await known({ token: ctx.ben.token }, ctx.ledger.id)).data.known).toEqual([]);

    expect((await known({}, ctx.frontier.id)).status).toBe(401);
    expect((await known({ token: ctx.ben.token }, 'no-such-article')).status).toBe(404);
  });

  it('POST annotations with matchOf links the new claim to the earlier one, shown on both and in known-claims', async () => {
    const earlier = await annotateOk(ctx.amira, ctx.ledger, LEDGER_STRENGTH);
    await confirm(ctx.rhea, earlier.id);
    const linked = await annotateOk(ctx.ben, ctx.frontier, FRONTIER_STRENGTH, { matchOf: earlier.id });
    expect(linked.matchOf).toEqual({
      annotationId: earlier.id,
      status: 'CONFIRMED',
      tag: 'un',
      article: { id: ctx.ledger.id, title: expect.any(String), outlet: 'The Capital Ledger', publishedAt: '2025-07-15T00:00:00.000Z' },
    });
    const stored = await getDb().annotation.findUniqueOrThrow({ where: { id: linked.id }, select: { matchOfId: true } });
    expect(stored.matchOfId).toBe(earlier.id);
    const k = (await known({ token: ctx.ben.token }, ctx.frontier.id)).data.known;
    expect(k.find((x) => x.exact.includes(FRONTIER_STRENGTH))).toMatchObject({ linkedAnnotationId: linked.id });
    // The earlier annotation knows it was restated elsewhere.
    const list = await callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${ctx.ledger.id}/annotations`, { token: ctx.amira.token, params: { id: ctx.ledger.id } });
    const earlierNow = list.data.annotations.find((x) => x.id === earlier.id);
    expect(earlierNow).toMatchObject({ matchedByCount: 1, matchOf: null });
  });

  it('POST annotations with a bad matchOf is a 400 that stores nothing', async () => {
    const own = await annotateOk(ctx.amira, ctx.frontier, FRONTIER_PAYMENTS);
    const before = await getDb().annotation.count();
    for (const [matchOf, message] of [
      ['no-such-annotation', /matchOf names no annotation you can read/],
      [own.id, /matchOf must name an annotation in another article/],
      ['', /matchOf must be the id of an annotation/],
      [42, /matchOf must be the id of an annotation/],
    ] as const) {
      const res = await annotate(ctx.amira, ctx.frontier, FRONTIER_STRENGTH, { matchOf });
      expect(res.status, String(matchOf)).toBe(400);
      expect(res.data.error?.message).toMatch(message);
    }
    expect(await getDb().annotation.count()).toBe(before);
    expect(await getDb().claimKey.count()).toBe(before);
  });
});
