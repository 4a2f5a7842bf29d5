// Sources and evidence links (#15, ../shared/API.md "Sources and evidence"): importing a source,
// linking a claim to a passage, another annotation or nothing found, who may change a link, verdicts
// on links, a source's citing claims, proposals, re-anchoring on a new source version, and the
// audit log and live events every change leaves.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as versionsRoute from '@/app/api/articles/[id]/versions/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as citedByRoute from '@/app/api/articles/[id]/cited-by/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as proposalsRoute from '@/app/api/annotations/[id]/evidence/proposals/route';
import * as linkRoute from '@/app/api/evidence/[id]/route';
import * as linkReviewsRoute from '@/app/api/evidence/[id]/reviews/route';
import * as reviewsRoute from '@/app/api/annotations/[id]/reviews/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { getDb } from '@/lib/db/server/prisma';
import type { EvidenceDto, EvidenceReviewDto } from '@/lib/provenance/evidence-dto';
import type { EvidenceWrite } from '@/lib/client/provenance-api';
import type { PassageProposal } from '@/lib/provenance/propose-passages';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

// An invented report, written for this test.
const REPORT = [
  'Monitoring Team report on the region',
  'Findings',
  'Member States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.',
  'The Taliban continued to provide TTP leaders with shelter and logistical space.',
  'The Team received no information on training camps being closed.',
].join('\n');
const PASSAGE = 'Member States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.';


describe('provenance API', () => {
  let analyst: TestUser;
  let other: TestUser;
  let reviewer: TestUser;
  let sourceId: string;
  let claimId: string;

  const importDoc = (user: TestUser, json: Record<string, unknown>) =>
    callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json });
  const link = (user: TestUser, json: unknown, id = claimId) =>
    callRoute<EvidenceWrite>(evidenceRoute.POST, `/api/annotations/${id}/evidence`, { method: 'POST', token: user.token, json, params: { id } });
  const list = (user: TestUser, id = claimId) => callRoute<{ evidence: EvidenceDto[] }>(evidenceRoute.GET, `/api/annotations/${id}/evidence`, { token: user.token, params: { id } });
  const patch = (user: TestUser, id: string, json: unknown) => callRoute<EvidenceWrite>(linkRoute.PATCH, `/api/evidence/${id}`, { method: 'PATCH', token: user.token, json, params: { id } });
  const del = (user: TestUser, id: string) => callRoute(linkRoute.DELETE, `/api/evidence/${id}`, { method: 'DELETE', token: user.token, params: { id } });
  const review = (user: TestUser, id: string, json: unknown) =>
    callRoute<{ review: EvidenceReviewDto; evidence: EvidenceDto }>(linkReviewsRoute.POST, `/api/evidence/${id}/reviews`, { method: 'POST', token: user.token, json, params: { id } });
  const passage = (exact = PASSAGE) => ({ start: REPORT.indexOf(exact), end: REPORT.indexOf(exact) + exact.length, exact });
  const claim = async (user: TestUser, id = claimId) =>
    (await callRoute<{ annotations: AnnotationDto[] }>(annotationsRoute.GET, `/api/articles/x/annotations`, { token: user.token, params: { id: (await demoArticle()).article.id } })).data.annotations.find(
      (a) => a.id === id,
    )!;

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST', { name: 'Amira Analyst' });
    other = await createTestUser('ANALYST');
    reviewer = await createTestUser('REVIEWER');
    const created = await importDoc(analyst, { format: 'text', content: REPORT, kind: 'source', issuer: 'UN Security Council', symbol: 'S/2026/123', url: 'https://example.org/report' });
    expect(created.status).toBe(201);
    sourceId = created.data.article.id;
    claimId = (await createAnnotation(other, SENTENCES.ttp600)).id;
  });

  it('imports a source with its metadata and filters the library by kind', async () => {
    const source = (await callRoute<{ article: ArticleSummaryDto }>(articleRoute.GET, `/api/articles/${sourceId}`, { token: analyst.token, params: { id: sourceId } })).data.article;
    expect(source).toMatchObject({ kind: 'source', issuer: 'UN Security Council', symbol: 'S/2026/123', citedBy: 0 });
    const sources = await callRoute<{ articles: ArticleSummaryDto[] }>(articlesRoute.GET, '/api/articles', { token: analyst.token, query: { kind: 'source' } });
    expect(sources.data.articles.map((a) => a.id)).toEqual([sourceId]);
    const articles = await callRoute<{ articles: ArticleSummaryDto[] }>(articlesRoute.GET, '/api/articles', { token: analyst.token, query: { kind: 'article' } });
    expect(articles.data.articles.map((a) => a.kind)).toEqual(['article']);
    const bad = await callRoute(articlesRoute.GET, '/api/articles', { token: analyst.token, query: { kind: 'report' } });
    expect(bad.status).toBe(400);
    expect(bad.data.error?.message).toMatch(/kind must be one of: article, source/);
  });

  it('links a claim to a passage: 201, the claim becomes verified, audit and live event', async () => {
    const res = await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports', note: 'para 12' });
    expect(res.status).toBe(201);
    const { evidence, annotation } = res.data;
    expect(evidence).toMatchObject({
      annotationId: claimId,
      document: { id: sourceId, title: 'Monitoring Team report on the region', kind: 'source', symbol: 'S/2026/123', issuer: 'UN Security Council' },
      target: { exact: PASSAGE, start: passage().start, end: passage().end, prefix: expect.stringContaining('Findings') },
      relation: 'supports',
      anchorState: 'exact',
      note: 'para 12',
      author: { id: analyst.id, name: 'Amira Analyst' },
      revision: 1,
      reviewStatus: 'UNREVIEWED',
      targetAnnotation: null,
    });
    expect(annotation).toMatchObject({ id: claimId, provenance: 'verified', evidenceCount: 1 });
    expect((await claim(other)).provenance).toBe('verified');
    expect((await list(other)).data.evidence.map((e) => e.id)).toEqual([evidence.id]);

    const events = await getDb().annotationEvent.findMany({ where: { annotationId: claimId } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['evidence_created', analyst.id]]);
    expect(events[0]!.after).toMatchObject({ evidenceId: evidence.id, relation: 'supports', documentId: sourceId });
    const live = await getDb().liveEvent.findMany({ where: { articleId: annotation.articleId } });
    expect(live.map((e) => e.type)).toEqual(['evidence.created']);
    expect(live[0]!.payload).toMatchObject({ annotationId: claimId, evidence: { id: evidence.id }, annotation: { provenance: 'verified' } });

    const cited = await callRoute<{ evidence: Array<EvidenceDto & { annotation: AnnotationDto }> }>(citedByRoute.GET, `/api/articles/${sourceId}/cited-by`, { token: reviewer.token, params: { id: sourceId } });
    expect(cited.data.evidence.map((e) => [e.id, e.annotation.id])).toEqual([[evidence.id, claimId]]);
    const source = (await callRoute<{ article: ArticleSummaryDto }>(articleRoute.GET, `/api/articles/${sourceId}`, { token: analyst.token, params: { id: sourceId } })).data.article;
    expect(source.citedBy).toBe(1);
  });

  it('derives the provenance state from all links (contradicts wins, then misquoted)', async () => {
    await link(analyst, { documentId: sourceId, ...passage(), relation: 'partial' });
    expect((await claim(analyst)).provenance).toBe('partial');
    const misquoted = (await link(other, { documentId: sourceId, ...passage(), relation: 'misquoted' })).data.evidence;
    expect((await claim(analyst)).provenance).toBe('misquoted');
    const contra = (await link(analyst, { documentId: sourceId, ...passage('The Team received no information on training camps being closed.'), relation: 'contradicts' })).data.evidence;
    expect((await claim(analyst))).toMatchObject({ provenance: 'contradicted', evidenceCount: 3 });
    expect((await del(analyst, contra.id)).status).toBe(204);
    expect((await del(other, misquoted.id)).status).toBe(204);
    expect((await claim(analyst))).toMatchObject({ provenance: 'partial', evidenceCount: 1 });
  });

  it('not_found takes no passage and needs a source', async () => {
    const res = await link(analyst, { documentId: sourceId, relation: 'not_found', note: 'searched for "600" and "attacks"' });
    expect(res.status).toBe(201);
    expect(res.data.evidence).toMatchObject({ target: null, versionId: null, anchorState: null, relation: 'not_found' });
    expect(res.data.annotation.provenance).toBe('not_found');
    const withPassage = await link(analyst, { documentId: sourceId, ...passage(), relation: 'not_found' });
    expect(withPassage.status).toBe(400);
    expect(withPassage.data.error?.message).toMatch(/not_found .*no passage/);
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const { article } = await demoArticle();
    const cases: Array<[unknown, RegExp]> = [
      [{ documentId: sourceId, ...passage(), exact: 'Member States said', relation: 'supports' }, /does not match the source text/],
      [{ documentId: sourceId, start: 0, end: 99_999, exact: 'x', relation: 'supports' }, /out of range/],
      [{ documentId: sourceId, ...passage(), relation: 'confirms' }, /relation must be one of: supports, partial, contradicts, misquoted, not_found/],
      [{ documentId: sourceId, relation: 'supports' }, /needs the passage/],
      [{ documentId: sourceId, start: 3, relation: 'supports' }, /start, end and exact together/],
      [{ documentId: article.id, start: 0, end: 3, exact: article.title.slice(0, 3), relation: 'supports' }, /is an article, not a source document/],
      [{ documentId: sourceId, ...passage(), relation: 'supports', extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const res = await link(analyst, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data.error?.message).toMatch(message);
    }
    expect(await getDb().evidence.count()).toBe(0);
    expect(await getDb().annotationEvent.count({ where: { annotationId: claimId } })).toBe(0);
  });

  it('404 for an unknown or deleted claim, an unknown document, an unknown link', async () => {
    expect((await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' }, 'nope')).status).toBe(404);
    expect((await link(analyst, { documentId: 'nope', ...passage(), relation: 'supports' })).status).toBe(404);
    expect((await list(analyst, 'nope')).status).toBe(404);
    expect((await patch(analyst, 'nope', { revision: 1, note: 'x' })).status).toBe(404);
    expect((await del(analyst, 'nope')).status).toBe(404);
    expect((await review(reviewer, 'nope', { verdict: 'AGREE' })).status).toBe(404);
    expect((await callRoute(citedByRoute.GET, '/api/articles/nope/cited-by', { token: analyst.token, params: { id: 'nope' } })).status).toBe(404);
    await getDb().annotation.update({ where: { id: claimId }, data: { deletedAt: new Date() } });
    expect((await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' })).status).toBe(404);
    expect((await list(analyst)).status).toBe(404);
  });

  it('only the author changes or deletes a link; stale revision 409; audit and live events', async () => {
    const created = (await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' })).data.evidence;
    expect((await patch(other, created.id, { revision: 1, relation: 'partial' })).status).toBe(403);
    expect((await patch(reviewer, created.id, { revision: 1, relation: 'partial' })).status).toBe(403);
    expect((await del(reviewer, created.id)).status).toBe(403);

    const changed = await patch(analyst, created.id, { revision: 1, relation: 'misquoted', note: 'the source says more than 600, the article 600' });
    expect(changed.status).toBe(200);
    expect(changed.data.evidence).toMatchObject({ relation: 'misquoted', revision: 2, target: { exact: PASSAGE } });
    expect(changed.data.annotation.provenance).toBe('misquoted');
    const stale = await patch(analyst, created.id, { revision: 1, relation: 'supports' });
    expect(stale.status).toBe(409);
    expect(stale.data.error?.details).toMatchObject({ current: { id: created.id, revision: 2 } });

    const toNotFound = await patch(analyst, created.id, { revision: 2, relation: 'not_found' });
    expect(toNotFound.data.evidence).toMatchObject({ relation: 'not_found', target: null });
    const backWithout = await patch(analyst, created.id, { revision: 3, relation: 'supports' });
    expect(backWithout.status).toBe(400);
    expect(backWithout.data.error?.message).toMatch(/needs the passage/);
    const back = await patch(analyst, created.id, { revision: 3, relation: 'supports', ...passage() });
    expect(back.data.evidence).toMatchObject({ relation: 'supports', target: { exact: PASSAGE }, revision: 4 });

    expect((await del(analyst, created.id)).status).toBe(204);
    expect((await list(analyst)).data.evidence).toEqual([]);
    expect((await claim(analyst))).toMatchObject({ provenance: 'unlinked', evidenceCount: 0 });

    const actions = (await getDb().annotationEvent.findMany({ where: { annotationId: claimId }, orderBy: { at: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['evidence_created', 'evidence_updated', 'evidence_updated', 'evidence_updated', 'evidence_deleted']);
    const live = (await getDb().liveEvent.findMany({ where: { articleId: (await demoArticle()).article.id }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    expect(live).toEqual(['evidence.created', 'evidence.updated', 'evidence.updated', 'evidence.updated', 'evidence.deleted']);
  });

  it('links a claim to another annotation (the article cites another article)', async () => {
    const cited = await importDoc(analyst, { format: 'text', content: ['Earlier wire story', 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone.'].join('\n') });
    const citedId = cited.data.article.id;
    const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
    const target = await createAnnotation(analyst, 'over 600 attacks', { on: { articleId: citedId, versionId: version.id, text: version.text } });
    const res = await link(other, { documentId: citedId, targetAnnotationId: target.id, relation: 'supports' });
    expect(res.status).toBe(201);
    expect(res.data.evidence).toMatchObject({ document: { id: citedId, kind: 'article' }, targetAnnotation: { id: target.id, articleId: citedId, status: 'UNREVIEWED' }, target: { exact: 'over 600 attacks' } });
    // What the desk finds about the cited claim travels with the link (the chain claim → cited claim → source).
    await callRoute(reviewsRoute.POST, `/api/annotations/${target.id}/reviews`, { method: 'POST', token: reviewer.token, params: { id: target.id }, json: { verdict: 'AGREE' } });
    expect((await list(other)).data.evidence[0]!.targetAnnotation).toMatchObject({ id: target.id, status: 'CONFIRMED' });
    // The brief follows the chain one step: what the cited claim itself rests on.
    const briefOf = async () => {
      const md = await callRoute(exportRoute.GET, `/api/articles/x/export`, { token: other.token, params: { id: (await demoArticle()).article.id }, query: { format: 'md' } });
      expect(md.status).toBe(200);
      return md.text;
    };
    expect(await briefOf()).toContain('    - Its own evidence: none linked (Unlinked)');
    expect((await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' }, target.id)).status).toBe(201);
    expect(await briefOf()).toContain(`    - Its own evidence: Verified\n      - Supports — S/2026/123: “${PASSAGE}”`);
    // In the wrong document, or the claim itself: 400; an unknown annotation: 404.
    expect((await link(other, { documentId: sourceId, targetAnnotationId: target.id, relation: 'supports' })).status).toBe(400);
    expect((await link(other, { documentId: citedId, targetAnnotationId: 'nope', relation: 'supports' })).status).toBe(404);
    // A deleted target annotation is no longer evidence.
    await getDb().annotation.update({ where: { id: target.id }, data: { deletedAt: new Date() } });
    expect((await list(other)).data.evidence).toEqual([]);
    expect((await claim(other)).provenance).toBe('unlinked');
  });

  it('reviews a link: not one’s own, DISPUTE needs a comment, one current verdict per reviewer', async () => {
    const created = (await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' })).data.evidence;
    expect((await review(analyst, created.id, { verdict: 'AGREE' })).status).toBe(403);
    const noComment = await review(reviewer, created.id, { verdict: 'DISPUTE' });
    expect(noComment.status).toBe(400);
    expect(noComment.data.error?.message).toMatch(/comment/);
    const agreed = await review(reviewer, created.id, { verdict: 'AGREE' });
    expect(agreed.status).toBe(201);
    expect(agreed.data.evidence).toMatchObject({ reviewStatus: 'CONFIRMED', reviews: [{ verdict: 'AGREE', reviewer: { id: reviewer.id } }] });
    const disputed = await review(reviewer, created.id, { verdict: 'DISPUTE', comment: 'The passage says "more than 600", not "over 600 … alone".' });
    expect(disputed.data.evidence.reviewStatus).toBe('DISPUTED');
    expect(disputed.data.evidence.reviews).toHaveLength(1);
    const audit = await getDb().annotationEvent.findMany({ where: { annotationId: claimId, action: 'evidence_reviewed' }, orderBy: { at: 'asc' } });
    expect(audit.map((e) => (e.after as { reviewStatus: string }).reviewStatus)).toEqual(['CONFIRMED', 'DISPUTED']);
  });

  it('proposes the passage for the claim, best first', async () => {
    const res = await callRoute<{ proposals: PassageProposal[]; versionId: string }>(proposalsRoute.GET, `/api/annotations/${claimId}/evidence/proposals`, {
      token: analyst.token,
      params: { id: claimId },
      query: { documentId: sourceId },
    });
    expect(res.status).toBe(200);
    expect(res.data.proposals[0]).toMatchObject({ exact: PASSAGE, start: passage().start, end: passage().end });
    expect(res.data.proposals[0]!.reason).toMatch(/shares: .*600/);
    // The passage states the claim's figure and actor: a fair candidate, not flagged weak.
    expect(res.data.proposals[0]).toMatchObject({ weak: false, caution: null });
    expect(res.data.proposals.length).toBeLessThanOrEqual(5);
    const missing = await callRoute(proposalsRoute.GET, `/api/annotations/${claimId}/evidence/proposals`, { token: analyst.token, params: { id: claimId } });
    expect(missing.status).toBe(400);
    const unknown = await callRoute(proposalsRoute.GET, `/api/annotations/${claimId}/evidence/proposals`, { token: analyst.token, params: { id: claimId }, query: { documentId: 'nope' } });
    expect(unknown.status).toBe(404);
  });

  it('re-anchors linked passages when the source gets a new version, orphaning what is gone', async () => {
    const kept = (await link(analyst, { documentId: sourceId, ...passage(), relation: 'supports' })).data.evidence;
    const goneText = 'The Team received no information on training camps being closed.';
    const gone = (await link(analyst, { documentId: sourceId, ...passage(goneText), relation: 'partial' })).data.evidence;
    const edited = ['Monitoring Team report on the region', 'Summary', 'A new opening paragraph moves everything down.', 'Findings', PASSAGE, 'The Taliban continued to provide TTP leaders with shelter and logistical space.'].join('\n');
    const res = await callRoute<{ evidence: { reanchored: number; orphaned: number } }>(versionsRoute.POST, `/api/articles/${sourceId}/versions`, {
      method: 'POST',
      token: analyst.token,
      json: { format: 'text', content: edited },
      params: { id: sourceId },
    });
    expect(res.status).toBe(201);
    expect(res.data.evidence).toEqual({ reanchored: 1, orphaned: 1 });
    const links = (await list(analyst)).data.evidence;
    const keptNow = links.find((e) => e.id === kept.id)!;
    expect(keptNow).toMatchObject({ anchorState: 'moved', target: { exact: PASSAGE, start: edited.indexOf(PASSAGE) } });
    expect(keptNow.versionId).not.toBe(kept.versionId);
    expect(links.find((e) => e.id === gone.id)).toMatchObject({ anchorState: 'orphaned', target: { exact: goneText } });
    const audit = await getDb().annotationEvent.count({ where: { annotationId: claimId, action: 'evidence_reanchored' } });
    expect(audit).toBe(2);
  });

  it('cites the numbered paragraph a passage is in, wherever in the paragraph it starts, through new versions and edits', async () => {
    // An invented numbered report: the passages start far into their paragraphs (beyond the quote's context).
    const p41 = '41. The Team assesses that the security situation remained fragile throughout the period, with attacks in 2025 rising in the north.';
    const p42 = '42. Member States assessed that the group retains an estimated 6,000 to 6,500 fighters, mainly based in the eastern provinces.';
    const sub = '(a) One Member State reported that the TTP carried out more than 600 attacks in Pakistan in 2025;';
    const numbered = ['Sixteenth report', p41, p42, sub, 'Annex'].join('\n');
    const source = (await importDoc(analyst, { format: 'text', content: numbered, kind: 'source', symbol: 'S/2026/482' })).data.article.id;
    const at = (text: string, exact: string) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, exact });
    const fighters = 'an estimated 6,000 to 6,500 fighters, mainly based in the eastern provinces.';

    const created = await link(analyst, { documentId: source, ...at(numbered, fighters), relation: 'partial' });
    expect(created.status).toBe(201);
    expect(created.data.evidence.target!.prefix).not.toContain('42.');
    expect(created.data.evidence.paragraph).toBe(42);
    const attacks = await link(analyst, { documentId: source, ...at(numbered, 'more than 600 attacks in Pakistan in 2025'), relation: 'supports' });
    expect(attacks.data.evidence.paragraph).toBe(42);

    // A new version numbers a new paragraph 41 in front: the passage is now cited as ¶43.
    const renumbered = ['Sixteenth report', '41. A new opening finding.', p41.replace('41.', '42.'), p42.replace('42.', '43.'), sub, 'Annex'].join('\n');
    const version = await callRoute(versionsRoute.POST, `/api/articles/${source}/versions`, { method: 'POST', token: analyst.token, json: { format: 'text', content: renumbered }, params: { id: source } });
    expect(version.status).toBe(201);
    const links = (await list(analyst)).data.evidence;
    expect(links.find((e) => e.id === created.data.evidence.id)).toMatchObject({ anchorState: 'moved', paragraph: 43 });

    // Moving the passage to the previous paragraph re-reads its number.
    const moved = await patch(analyst, created.data.evidence.id, { revision: 2, ...at(renumbered, 'with attacks in 2025 rising in the north.') });
    expect(moved.status).toBe(200);
    expect(moved.data.evidence.paragraph).toBe(42);

    const md = await callRoute(exportRoute.GET, `/api/articles/${created.data.annotation.articleId}/export`, { token: analyst.token, params: { id: created.data.annotation.articleId }, query: { format: 'md' } });
    expect(md.status).toBe(200);
    expect(md.text).toContain('S/2026/482), ¶42 (linked by Amira Analyst');
    expect(md.text).toContain('S/2026/482), ¶43 (linked by Amira Analyst');
  });

  it('cites the paragraph of a report whose numbers are an ordered list (a saved web page), through a new version', async () => {
    // The numbers are the list's (<ol start="41">), not in the canonical text.
    const page = (opening = '') =>
      `<html><body><main><h1>Twentieth report of the Panel</h1><ol start="41">${opening}<li><p>The Panel documented 14 deliveries of rifles during 2025.</p></li>` +
      `<li><p>Member States assessed that the group retains an estimated 6,000 fighters in the east.</p><ol type="a"><li>One reported shared training camps.</li></ol></li></ol>` +
      `<p>The Panel thanks the Member States.</p></main></body></html>`;
    const source = (await importDoc(analyst, { format: 'html', content: page(), kind: 'source', symbol: 'S/2026/900' })).data.article.id;
    const text = (await callRoute<{ version: { text: string } }>(articleRoute.GET, `/api/articles/${source}`, { token: analyst.token, params: { id: source } })).data.version.text;
    expect(text).not.toMatch(/\b4[12]\./);
    const at = (exact: string) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, exact });

    const fighters = await link(analyst, { documentId: source, ...at('an estimated 6,000 fighters'), relation: 'partial' });
    expect(fighters.status).toBe(201);
    expect(fighters.data.evidence.paragraph).toBe(42);
    const camps = await link(analyst, { documentId: source, ...at('shared training camps'), relation: 'supports' });
    expect(camps.data.evidence.paragraph).toBe(42);
    const thanks = await link(analyst, { documentId: source, ...at('thanks the Member States'), relation: 'supports' });
    expect(thanks.data.evidence.paragraph).toBeNull();

    // The next edition opens the list with a new finding: the passages are cited by the new numbers.
    const next = page('<li><p>A new opening finding of the Panel.</p></li>');
    const version = await callRoute(versionsRoute.POST, `/api/articles/${source}/versions`, { method: 'POST', token: analyst.token, json: { format: 'html', content: next }, params: { id: source } });
    expect(version.status).toBe(201);
    const links = (await list(analyst)).data.evidence;
    expect(links.find((e) => e.id === fighters.data.evidence.id)).toMatchObject({ anchorState: 'moved', paragraph: 43 });
    expect(links.find((e) => e.id === camps.data.evidence.id)).toMatchObject({ anchorState: 'moved', paragraph: 43 });
  });
});
