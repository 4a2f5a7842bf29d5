import { beforeEach, describe, expect, it } from 'vitest';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as suggestionsRoute from '@/app/api/articles/[id]/suggestions/route';
import * as rejectRoute from '@/app/api/articles/[id]/suggestions/reject/route';
import * as annotationRoute from '@/app/api/annotations/[id]/route';
import * as rulesRoute from '@/app/api/suggestions/rules/route';
import * as restoreRoute from '@/app/api/suggestions/rules/restore/route';
import { getDb } from '@/lib/db/server/prisma';
import { LEARNING } from '@/lib/suggest/rule-stats';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, demoArticle, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody } from '@/tests/support/route-bodies';
import type { SuggestionRuleDto, SuggestionRulesDto } from '@/lib/suggest/rule-dto';
import type { SuggestionDto, SuggestionListDto } from '@/lib/suggest/suggestion-dto';

type Ctx = { amira: TestUser; ben: TestUser; admin: TestUser; articleId: string; versionId: string };

async function suggestionsFor(ctx: Ctx, user: TestUser): Promise<SuggestionListDto> {
  const res = await callRoute<SuggestionListDto>(suggestionsRoute.GET, `/api/articles/${ctx.articleId}/suggestions`, { token: user.token, params: { id: ctx.articleId } });
  expect(res.status).toBe(200);
  return res.data;
}

async function rules(user: TestUser | null): Promise<{ status: number; rules: SuggestionRuleDto[] }> {
  const res = await callRoute<SuggestionRulesDto>(rulesRoute.GET, '/api/suggestions/rules', { token: user?.token });
  return { status: res.status, rules: res.data.rules ?? [] };
}

function accept(ctx: Ctx, user: TestUser, s: SuggestionDto, tag = s.tag) {
  return callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${ctx.articleId}/annotations`, {
    method: 'POST',
    token: user.token,
    json: { start: s.start, end: s.end, exact: s.exact, tag, versionId: ctx.versionId, suggestionReason: s.reason },
    params: { id: ctx.articleId },
  });
}

function reject(ctx: Ctx, user: TestUser, s: { start: number; end: number }) {
  return callRoute(rejectRoute.POST, `/api/articles/${ctx.articleId}/suggestions/reject`, { method: 'POST', token: user.token, json: { versionId: ctx.versionId, start: s.start, end: s.end }, params: { id: ctx.articleId } });
}

function restore(user: TestUser, rule: unknown) {
  return callRoute<{ rule: SuggestionRuleDto }>(restoreRoute.POST, '/api/suggestions/rules/restore', { method: 'POST', token: user.token, json: { rule } });
}

/** `n` decisions on one rule by throwaway users, as if made on other articles. */
async function history(ctx: Ctx, rule: string, outcome: 'ACCEPTED' | 'REJECTED', n: number): Promise<void> {
  const db = getDb();
  for (let i = 0; i < n; i += 1) {
    const u = await createTestUser('ANALYST');
    await db.suggestionFeedback.create({ data: { userId: u.id, articleId: ctx.articleId, versionId: ctx.versionId, start: 1000 + i, end: 1010 + i, outcome, proposedTag: 'un', finalTag: outcome === 'ACCEPTED' ? 'un' : null, rules: [rule] } });
  }
}

describe('learning from accepted, rejected and re-tagged suggestions', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    await resetDatabase();
    const { article, version } = await demoArticle();
    ctx = { amira: await createTestUser('ANALYST'), ben: await createTestUser('ANALYST'), admin: await createTestUser('ADMIN'), articleId: article.id, versionId: version.id };
  });

  it('records each decision with the rules the engine fired, recomputed on the server', async () => {
    const { suggestions } = await suggestionsFor(ctx, ctx.amira);
    const tagged = suggestions.filter((s) => s.tag !== null);
    expect(tagged.length).toBeGreaterThan(3);
    for (const s of suggestions) expect(s.rules.length, s.exact).toBeGreaterThan(0);
    const [a, b, c] = tagged;

    expect((await accept(ctx, ctx.amira, a)).status).toBe(201);
    const other = a.tag === 'un' ? 'analyst' : 'un';
    const retagged = await accept(ctx, ctx.amira, b, b.tag === 'un' ? 'analyst' : 'un');
    expect(retagged.status).toBe(201);
    expect((await reject(ctx, ctx.amira, c)).status).toBe(204);
    // A span the engine does not propose teaches nothing, even with a suggestion reason.
    const free = await accept(ctx, ctx.amira, { ...a, start: a.start, end: a.start + 8, exact: a.exact.slice(0, 8) });
    expect(free.status).toBe(201);

    const rows = await getDb().suggestionFeedback.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.start, r.outcome, r.proposedTag, r.rules[0]])).toEqual([
      [a.start, 'ACCEPTED', a.tag, a.rules[0]],
      [b.start, 'RETAGGED', b.tag, b.rules[0]],
      [c.start, 'REJECTED', c.tag, c.rules[0]],
    ]);
    expect(rows[0].rules).toEqual(a.rules);

    // Changing the tag of the annotation an accepted suggestion became makes it a re-tag; changing it back, an acceptance again.
    const annotationId = rows[0].annotationId!;
    const patch = (tag: string, revision: number) => callRoute(annotationRoute.PATCH, `/api/annotations/${annotationId}`, { method: 'PATCH', token: ctx.amira.token, json: { revision, tag }, params: { id: annotationId } });
    expect((await patch(other, 1)).status).toBe(200);
    expect((await getDb().suggestionFeedback.findUniqueOrThrow({ where: { id: rows[0].id } })).outcome).toBe('RETAGGED');
    expect((await patch(a.tag!, 2)).status).toBe(200);
    expect((await getDb().suggestionFeedback.findUniqueOrThrow({ where: { id: rows[0].id } })).outcome).toBe('ACCEPTED');

    const listed = await rules(ctx.ben);
    expect(listed.status).toBe(200);
    const rule = listed.rules.find((r) => r.id === c.rules[0])!;
    expect(rule.rejected).toBeGreaterThanOrEqual(1);
    expect(rule.label.length).toBeGreaterThan(5);
  });

  it('a rule below the floor is muted for the whole desk; an admin restores it; the figures are deterministic', async () => {
    const before = await suggestionsFor(ctx, ctx.amira);
    const target = before.suggestions.find((s) => s.tag !== null)!;
    const rule = target.rules[0];
    const fromRule = before.suggestions.filter((s) => s.rules[0] === rule).length;
    expect(before.muted).toBe(0);

    await history(ctx, rule, 'REJECTED', LEARNING.minDecisions + 1);
    const listed = await rules(ctx.amira);
    const stat = listed.rules.find((r) => r.id === rule)!;
    expect(stat).toMatchObject({ muted: true, rejected: LEARNING.minDecisions + 1, accepted: 0 });
    expect(stat.precision).toBeLessThan(LEARNING.floor);
    expect(listed.rules[0].id).toBe(rule); // muted rules first
    // Same history, same figures.
    expect((await rules(ctx.admin)).rules).toEqual(listed.rules);

    for (const user of [ctx.amira, ctx.ben]) {
      const after = await suggestionsFor(ctx, user);
      expect(after.suggestions.some((s) => s.rules[0] === rule)).toBe(false);
      expect(after.muted).toBe(fromRule);
    }

    // Only an admin restores; nothing changes on a refusal.
    const refused = await restore(ctx.amira, rule);
    expect(refused.status).toBe(403);
    expect(await getDb().suggestionRuleRestore.count()).toBe(0);
    const restored = await restore(ctx.admin, rule);
    expect(restored.status).toBe(200);
    expect(restored.data.rule).toMatchObject({ id: rule, muted: false, rejected: LEARNING.minDecisions + 1 });
    expect((await suggestionsFor(ctx, ctx.amira)).suggestions.filter((s) => s.rules[0] === rule)).toHaveLength(fromRule);
    // Restoring a rule that is not muted is a conflict; a malformed or unknown id is refused.
    expect((await restore(ctx.admin, rule)).status).toBe(409);
    for (const bad of ['DROP TABLE', 42, 'x'.repeat(100)]) expect((await restore(ctx.admin, bad)).status, String(bad)).toBe(400);
    expect((await callRoute(restoreRoute.POST, '/api/suggestions/rules/restore', { method: 'POST', token: ctx.admin.token, json: { rule, extra: 1 } })).status).toBe(400);
    expect((await restore(ctx.admin, 'speaker.subject:nobody')).status).toBe(404);

    // It is muted again only by enough new rejections after the restore.
    await history(ctx, rule, 'REJECTED', LEARNING.minDecisions - 1);
    expect((await rules(ctx.admin)).rules.find((r) => r.id === rule)?.muted).toBe(false);
    await history(ctx, rule, 'REJECTED', 1);
    expect((await rules(ctx.admin)).rules.find((r) => r.id === rule)?.muted).toBe(true);
  });

  it('a rule the desk keeps accepting gets a higher confidence, named in the reason', async () => {
    const before = await suggestionsFor(ctx, ctx.amira);
    const target = before.suggestions.find((s) => s.tag !== null && s.confidence < 0.8)!;
    await history(ctx, target.rules[0], 'ACCEPTED', 12);
    const after = (await suggestionsFor(ctx, ctx.amira)).suggestions.find((s) => s.start === target.start)!;
    expect(after.confidence).toBeGreaterThan(target.confidence);
    expect(after.reason).toContain('the desk accepted 12 of 12 suggestions from this rule');
  });

  it('answers 401 without credentials', async () => {
    expect((await rules(null)).status).toBe(401);
    const res = await callRoute(restoreRoute.POST, '/api/suggestions/rules/restore', { method: 'POST', json: { rule: 'continuation:un' } });
    expect(res.status).toBe(401);
  });
});
