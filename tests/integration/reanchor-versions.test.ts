// Re-anchoring through the API (issue #12), against a real Postgres: a new version with an editor's
// note on top, a corrected figure, a corrected name and a transliterated place, and a deleted
// sentence; an NFD re-import; a W3C JSON-LD round trip whose text has emoji before the quotes.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getDb } from '@/lib/db/server/prisma';
import { isClaimAnnotation, type JsonLdAnnotationCollection } from '@/lib/export/to-jsonld';
import { callRoute } from '@/tests/support/call-route';
import { createTestUser, resetDatabase, type TestUser } from '@/tests/support/fixtures';
import type { AnnotationBody, AnnotationListBody, ArticleBody, CreatedArticleBody, CreatedVersionBody } from '@/tests/support/route-bodies';

const ARTICLE = [
  'Border report: the northern provinces',
  'Deaths rose from 300 to 450 in a year, according to the provincial health office.',
  'The spokesman said Hamid Nouri and his cousin Hamid Nouri had negotiated the ceasefire in Kandahar last spring.',
  'Linus Mbeki, a logistics adviser, said the convoy machines were repaired within a week.',
  'Officials in Kandahar said 6,000 fighters were stationed near the border crossings.',
].join('\n');

const NOTE = "Editor's note: updated on 14 March to correct figures and the spelling of place names, which now follow UN transliteration. ";

async function newArticle(user: TestUser, content: string) {
  const res = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', content } });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  const id = res.data.article.id;
  const got = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
  return { id, version: got.data.version };
}

async function annotate(user: TestUser, articleId: string, text: string, exact: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  const res = await callRoute<AnnotationBody>(annotationsRoute.POST, `/api/articles/${articleId}/annotations`, {
    method: 'POST',
    token: user.token,
    params: { id: articleId },
    json: { start, end: start + exact.length, exact, tag: 'un' },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data.annotation;
}

function addVersion(user: TestUser, articleId: string, content: string) {
  return callRoute<CreatedVersionBody>(versionsRoute.POST, `/api/articles/${articleId}/versions`, { method: 'POST', token: user.token, params: { id: articleId }, json: { format: 'text', content } });
}

describe('re-anchoring onto a new version', () => {
  let analyst: TestUser;
  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST');
  });

  it('keeps every claim on its own words: corrected figure, name and place fuzzy in place, deleted claim orphaned', async () => {
    const { id, version } = await newArticle(analyst, ARTICLE);
    const figure = await annotate(analyst, id, version.text, '450');
    const cousin = await annotate(analyst, id, version.text, 'Hamid Nouri', 1);
    const place = await annotate(analyst, id, version.text, 'Kandahar', 0);
    const linus = await annotate(analyst, id, version.text, 'Linus');
    const fighters = await annotate(analyst, id, version.text, '6,000 fighters');

    const edited = (NOTE + ARTICLE)
      .replace('300 to 450', '300 to 520')
      .replace('his cousin Hamid Nouri', 'his cousin Hamid Nuri')
      .replace('ceasefire in Kandahar', 'ceasefire in Qandahar')
      .replace('Linus Mbeki, a logistics adviser, said the convoy', 'The convoy');
    const added = await addVersion(analyst, id, edited);
    expect(added.status, JSON.stringify(added.data)).toBe(201);
    expect(added.data).toMatchObject({ reanchored: 4, orphaned: 1 });

    const listed = await callRoute<AnnotationListBody>(annotationsRoute.GET, `/api/articles/${id}/annotations`, { token: analyst.token, params: { id } });
    const byId = new Map(listed.data.annotations.map((a) => [a.id, a]));
    const newText = (await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: analyst.token, params: { id } })).data.version;
    const at = (a: AnnotationDto) => ({ state: byId.get(a.id)!.anchorState, exact: byId.get(a.id)!.target.exact });
    const shift = newText.text.indexOf('Border report');
    expect(at(figure)).toEqual({ state: 'fuzzy', exact: '520' });
    expect(byId.get(figure.id)!.target.start).toBe(figure.target.start + shift);
    expect(at(cousin)).toEqual({ state: 'fuzzy', exact: 'Hamid Nuri' });
    expect(byId.get(cousin.id)!.target.start).toBe(cousin.target.start + shift);
    expect(at(place)).toEqual({ state: 'fuzzy', exact: 'Qandahar' });
    expect(at(linus).state).toBe('orphaned');
    expect(at(fighters)).toEqual({ state: 'moved', exact: '6,000 fighters' });
    for (const a of byId.values()) {
      if (a.anchorState !== 'orphaned') expect(newText.text.slice(a.target.start, a.target.end)).toBe(a.target.exact);
    }

    // The audit log keeps the score a person confirms against: low for the corrected figure.
    const event = await getDb().annotationEvent.findFirstOrThrow({ where: { annotationId: figure.id, action: 'reanchored' } });
    expect((event.after as { score: number }).score).toBeLessThan(0.9);
  });

  it('an article re-imported in decomposed form (NFD) is the same text', async () => {
    const content = 'Field report\nJosé Martínez, the mayor of Peñasco, said 1,200 families returned after the floods.';
    const { id } = await newArticle(analyst, content);
    const again = await addVersion(analyst, id, content.normalize('NFD'));
    expect(again.status).toBe(409);
    expect(again.data.error?.message).toMatch(/identical to version 1/);
  });
});

describe('W3C JSON-LD export and import with emoji before the quotes', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('exports code points, and an import into the same text lands on the same UTF-16 offsets, exactly', async () => {
    const analyst = await createTestUser('ANALYST');
    const content = 'Launch day 🚀🚀 report\nThe crowd 🎉 cheered as the rocket carried 5 satellites into orbit on Tuesday.';
    const { id, version } = await newArticle(analyst, content);
    const a = await annotate(analyst, id, version.text, '5 satellites into orbit');

    const exported = await callRoute<JsonLdAnnotationCollection>(exportRoute.GET, `/api/articles/${id}/export?format=jsonld`, { token: analyst.token, params: { id } });
    expect(exported.status).toBe(200);
    const [item] = exported.data.first.items;
    if (!item || !isClaimAnnotation(item)) throw new Error(`the export does not start with the claim: ${exported.text.slice(0, 200)}`);
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    // Three astral characters before the quote: three fewer code points than UTF-16 units.
    expect([position.start, position.end]).toEqual([a.target.start - 3, a.target.end - 3]);

    const copy = await newArticle(analyst, content);
    const res = await callRoute(importRoute.POST, `/api/articles/${copy.id}/annotations/import`, { method: 'POST', token: analyst.token, body: exported.text, params: { id: copy.id } });
    expect(res.status, JSON.stringify(res.data)).toBe(201);
    const row = await getDb().annotation.findFirstOrThrow({ where: { articleId: copy.id } });
    expect({ start: row.start, end: row.end, exact: row.exact, anchorState: row.anchorState }).toEqual({ start: a.target.start, end: a.target.end, exact: a.target.exact, anchorState: 'exact' });
  });
});
