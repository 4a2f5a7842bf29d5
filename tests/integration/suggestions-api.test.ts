import { beforeEach, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as suggestionsRoute from '@/app/api/articles/[id]/suggestions/route';
import * as rejectRoute from '@/app/api/articles/[id]/suggestions/reject/route';
import { getDb } from '@/lib/db/server/prisma';
import { overlapRatio, SAME_CLAIM_OVERLAP } from '@/lib/review/overlap';
import { callRoute, sessionCookieFor } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody } from '@/tests/support/route-bodies';
import type { SuggestionDto, SuggestionListDto } from '@/lib/suggest/suggestion-dto';

type Ctx = { amira: TestUser; ben: TestUser; articleId: string; versionId: string; text: string };

async function list(ctx: Ctx, who: { token?: string; cookie?: string }, id = ctx.articleId) {
  return callRoute<SuggestionListDto>(suggestionsRoute.GET, `/api/articles/${id}/suggestions`, { ...who, params: { id } });
}

async function suggestionsFor(ctx: Ctx, user: TestUser): Promise<SuggestionDto[]> {
  const res = await list(ctx, { token: user.token });
  expect(res.status).toBe(200);
  return res.data.suggestions;
}

function reject(ctx: Ctx, user: TestUser | null, json: unknown, id = ctx.articleId) {
  return callRoute(rejectRoute.POST, `/api/articles/${id}/suggestions/reject`, { method: 'POST', token: user?.token, json, params: { id } });
}

const span = (s: { start: number; end: number }) => `${s.start}:${s.end}`;

describe('GET /api/articles/:id/suggestions', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    const { article, version } = await demoArticle();
    ctx = { amira: await createTestUser('ANALYST'), ben: await createTestUser('ANALYST'), articleId: article.id, versionId: version.id, text: version.text };
  });

  it('lists claims on the current version with a tag, a confidence and a reason whose quote matches the text', async () => {
    const res = await list(ctx, { token: ctx.amira.token });
    expect(res.status).toBe(200);
    const body = res.data;
    expect(body.versionId).toBe(ctx.versionId);
    expect(body.suggestions.length).toBeGreaterThan(5);
    const tags = new Set(['un', 'intelligence', 'analyst']);
    for (const s of body.suggestions) {
      expect(ctx.text.slice(s.start, s.end)).toBe(s.exact);
      expect(s.tag === null || tags.has(s.tag), String(s.tag)).toBe(true);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.reason.length).toBeGreaterThan(0);
    }
    // In document order, never overlapping one another.
    for (let i = 1; i < body.suggestions.length; i++) expect(body.suggestions[i]!.start).toBeGreaterThanOrEqual(body.suggestions[i - 1]!.end);
    const credits = body.suggestions.find((s) => s.exact.includes(SENTENCES.credits));
    expect(credits).toMatchObject({ tag: 'un' });
    // The browser path (session cookie) sees the same list.
    const viaCookie = await list(ctx, { cookie: await sessionCookieFor(ctx.amira.id) });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.data.suggestions).toEqual(body.suggestions);
  });

  it('remembers a rejection for that user and version only; rejecting twice is harmless', async () => {
    const [first] = await suggestionsFor(ctx, ctx.amira);
    const input = { versionId: ctx.versionId, start: first!.start, end: first!.end };
    const res = await reject(ctx, ctx.amira, input);
    expect(res.status).toBe(204);
    expect((await reject(ctx, ctx.amira, input)).status).toBe(204);
    expect(await getDb().suggestionRejection.count()).toBe(1);

    expect((await suggestionsFor(ctx, ctx.amira)).map(span)).not.toContain(span(first!));
    // A colleague still gets it: rejections are personal.
    expect((await suggestionsFor(ctx, ctx.ben)).map(span)).toContain(span(first!));

    // Per version: on a new version (same text here) the span is proposed again.
    const db = getDb();
    const v1 = await db.articleVersion.findUniqueOrThrow({ where: { id: ctx.versionId } });
    const v2 = await db.articleVersion.create({
      data: { articleId: ctx.articleId, number: 2, doc: v1.doc ?? {}, text: v1.text, contentHash: `${v1.contentHash}-v2` },
    });
    const onV2 = await list(ctx, { token: ctx.amira.token });
    expect(onV2.data.versionId).toBe(v2.id);
    expect(onV2.data.suggestions.map(span)).toContain(span(first!));
  });

  it('never re-suggests a span once it is annotated (accepted from a suggestion, or by anyone)', async () => {
    const before = await suggestionsFor(ctx, ctx.amira);
    const accepted = before.find((s) => s.tag !== null)!;
    const created = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${ctx.articleId}/annotations`, {
      method: 'POST',
      token: ctx.amira.token,
      json: { start: accepted.start, end: accepted.end, exact: accepted.exact, tag: accepted.tag, versionId: ctx.versionId, suggestionReason: accepted.reason },
      params: { id: ctx.articleId },
    });
    expect(created.status).toBe(201);
    expect(created.data.annotation.suggestionReason).toBe(accepted.reason);

    // A colleague's annotation covering most of another suggested sentence removes that one too.
    const other = before.find((s) => s.exact.includes(SENTENCES.credits))!;
    await createAnnotation(ctx.ben, SENTENCES.credits, { on: ctx, tag: 'analyst' });

    for (const user of [ctx.amira, ctx.ben]) {
      const after = await suggestionsFor(ctx, user);
      expect(after.map(span)).not.toContain(span(accepted));
      expect(after.map(span)).not.toContain(span(other));
      expect(after.length).toBe(before.length - 2);
    }
    // A deleted annotation frees its span again.
    await getDb().annotation.updateMany({ where: { start: accepted.start, end: accepted.end }, data: { deletedAt: new Date() } });
    const afterDelete = await suggestionsFor(ctx, ctx.amira);
    expect(afterDelete.map(span)).toContain(span(accepted));
    expect(afterDelete.every((s) => overlapRatio(s, { start: ctx.text.indexOf(SENTENCES.credits), end: ctx.text.indexOf(SENTENCES.credits) + SENTENCES.credits.length }) < SAME_CLAIM_OVERLAP)).toBe(true);
  });

  it('answers 401 without credentials', async () => {
    const signedOut = await list(ctx, {});
    expect(signedOut.status).toBe(401);
    expect(signedOut.data.error?.code).toBe('unauthenticated');
    const rejectSignedOut = await reject(ctx, null, { versionId: ctx.versionId, start: 0, end: 5 });
    expect(rejectSignedOut.status).toBe(401);
    expect(rejectSignedOut.data.error?.code).toBe('unauthenticated');
    expect(await getDb().suggestionRejection.count()).toBe(0);
  });

  it('answers 404 for an unknown article or a version of another article', async () => {
    const missing = await list(ctx, { token: ctx.amira.token }, 'nope');
    expect(missing.status).toBe(404);
    expect(missing.data.error?.code).toBe('not_found');
    expect((await reject(ctx, ctx.amira, { versionId: ctx.versionId, start: 0, end: 5 }, 'nope')).status).toBe(404);
    expect((await reject(ctx, ctx.amira, { versionId: 'nope', start: 0, end: 5 })).status).toBe(404);
    expect(await getDb().suggestionRejection.count()).toBe(0);
  });

  it('refuses a malformed rejection with 400', async () => {
    for (const json of [{ versionId: ctx.versionId, start: 10, end: 10 }, { versionId: ctx.versionId, start: -1, end: 4 }, { versionId: ctx.versionId, start: 0 }, { versionId: ctx.versionId, start: 0, end: 5, extra: 1 }, { versionId: ctx.versionId, start: 0, end: ctx.text.length + 1 }]) {
      const res = await reject(ctx, ctx.amira, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.data.error?.code).toBe('validation_failed');
    }
  });
});
