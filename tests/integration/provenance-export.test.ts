// Provenance in the exported brief (#15 item 6) through the export route: a claim with a "supports" link
// and a "contradicts" link (one reviewed) shows both in Markdown, CSV and JSON-LD; a link quoting a
// colleague's hidden blind annotation stays out of an analyst's brief.
import { beforeEach, describe, expect, it } from 'vitest';
import * as articlesRoute from '@/app/api/articles/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as importRoute from '@/app/api/articles/[id]/annotations/import/route';
import * as annotationsRoute from '@/app/api/articles/[id]/annotations/route';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { getDb } from '@/lib/db/server/prisma';
import type { ImportSummary } from '@/lib/export/server/import-annotations';
import { isClaimAnnotation, type JsonLdAnnotation, type JsonLdAnnotationCollection, type JsonLdLinkingAnnotation } from '@/lib/export/to-jsonld';
import * as evidenceRoute from '@/app/api/annotations/[id]/evidence/route';
import * as linkReviewsRoute from '@/app/api/evidence/[id]/reviews/route';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { EvidenceDto } from '@/lib/provenance/evidence-dto';
import { callRoute } from '@/tests/support/call-route';
import { createAnnotation, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';

// Invented documents, written for this test.
export const REPORT = [
  'Monitoring Team report on the region',
  'Findings',
  'Member States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.',
  'The Taliban continued to provide TTP leaders with shelter and logistical space.',
].join('\n');
export const SUPPORTING = 'Member States assessed that the TTP carried out more than 600 attacks in Pakistan in 2025.';
export const COUNTER = ['Conflict monitor annual review', 'The monitor recorded 412 attacks attributed to the TTP in 2025, far fewer than 600.'].join('\n');
export const CONTRADICTING = 'The monitor recorded 412 attacks attributed to the TTP in 2025, far fewer than 600.';

export const importSource = async (user: TestUser, content: string, meta: Record<string, unknown>) => {
  const res = await callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format: 'text', content, kind: 'source', ...meta } });
  expect(res.status).toBe(201);
  return res.data.article.id;
};

export const linkPassage = async (user: TestUser, claimId: string, documentId: string, text: string, exact: string, relation: string) => {
  const start = text.indexOf(exact);
  const res = await callRoute<{ evidence: EvidenceDto }>(evidenceRoute.POST, `/api/annotations/${claimId}/evidence`, {
    method: 'POST',
    token: user.token,
    params: { id: claimId },
    json: { documentId, start, end: start + exact.length, exact, relation },
  });
  expect(res.status).toBe(201);
  return res.data.evidence;
};

/** An evidence link of the JSON-LD export: what is not a claim's annotation (lib/export/to-jsonld.ts). */
const isLink = (i: JsonLdAnnotation | JsonLdLinkingAnnotation): i is JsonLdLinkingAnnotation => !isClaimAnnotation(i);

describe('provenance in the exported brief', () => {
  let analyst: TestUser;
  let reviewer: TestUser;
  let articleId: string;
  let claimId: string;
  let unId: string;

  const exportAs = (user: TestUser, format: string) =>
    callRoute(exportRoute.GET, `/api/articles/${articleId}/export`, { token: user.token, params: { id: articleId }, query: { format } });
  /** The JSON-LD export as the API types it (read, not rewritten). */
  const jsonLdOf = async (user: TestUser) =>
    (await callRoute<JsonLdAnnotationCollection>(exportRoute.GET, `/api/articles/${articleId}/export`, { token: user.token, params: { id: articleId }, query: { format: 'jsonld' } })).data;

  beforeEach(async () => {
    await resetDatabase();
    analyst = await createTestUser('ANALYST', { name: 'Amira Analyst' });
    reviewer = await createTestUser('REVIEWER', { name: 'Rhea Reviewer' });
    articleId = (await demoArticle()).article.id;
    claimId = (await createAnnotation(analyst, SENTENCES.ttp600)).id;
    const un = (unId = await importSource(analyst, REPORT, { issuer: 'UN Security Council', symbol: 'S/2026/123', title: 'Monitoring Team report on the region' }));
    const monitor = await importSource(analyst, COUNTER, { issuer: 'Conflict Monitor' });
    const supports = await linkPassage(analyst, claimId, un, REPORT, SUPPORTING, 'supports');
    await linkPassage(analyst, claimId, monitor, COUNTER, CONTRADICTING, 'contradicts');
    const verdict = await callRoute(linkReviewsRoute.POST, `/api/evidence/${supports.id}/reviews`, {
      method: 'POST',
      token: reviewer.token,
      params: { id: supports.id },
      json: { verdict: 'AGREE', comment: 'Para checked against the PDF.' },
    });
    expect(verdict.status).toBe(201);
  });

  it('Markdown lists both links under the claim with provenance, source, symbol, passage and the link’s verdict', async () => {
    const res = await exportAs(analyst, 'md');
    expect(res.status).toBe(200);
    const md = res.text;
    expect(md).toContain('- **Provenance:** Contradicted');
    expect(md).toMatch(/\*\*Supports\*\* — Monitoring Team report on the region \(S\/2026\/123, UN Security Council\)/);
    expect(md).toContain(`Passage: “${SUPPORTING}”`);
    expect(md).toContain('Agree — Rhea Reviewer');
    expect(md).toMatch(/\*\*Contradicts\*\* — Conflict monitor annual review \(Conflict Monitor\)/);
    expect(md).toContain(`Passage: “${CONTRADICTING}”`);
    expect(md).toContain('## Sources');
  });

  it('CSV has the provenance and the first source passage', async () => {
    const res = await exportAs(analyst, 'csv');
    const [header, row] = res.text.slice(1).split('\r\n');
    expect(header!.endsWith(',provenance,first_source_passage')).toBe(true);
    expect(row).toContain(`,contradicted,"“${SUPPORTING}” — Monitoring Team report on the region (S/2026/123, UN Security Council) [supports]"`);
  });

  it('JSON-LD carries each link as a linking annotation on the claim with the passage selectors in code points', async () => {
    const doc = await jsonLdOf(analyst);
    const links = doc.first.items.filter(isLink);
    expect(links).toHaveLength(2);
    expect(doc.total).toBe(3);
    const supports = links.find((l) => l['claimdesk:relation'] === 'supports')!;
    expect(supports.target).toMatch(new RegExp(`/annotations/${claimId}$`));
    const start = REPORT.indexOf(SUPPORTING);
    expect(supports.body[0]).toMatchObject({
      type: 'SpecificResource',
      'claimdesk:documentSymbol': 'S/2026/123',
      selector: [
        { type: 'TextQuoteSelector', exact: SUPPORTING },
        { type: 'TextPositionSelector', start, end: start + SUPPORTING.length },
      ],
    });
  });

  describe('JSON-LD round trip', () => {
    const copyOfArticle = async () => {
      const { version } = await demoArticle();
      const res = await callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', { method: 'POST', token: analyst.token, json: { format: 'text', content: version.text } });
      expect(res.status).toBe(201);
      return res.data.article.id;
    };
    const importInto = (id: string, body: unknown) =>
      callRoute<ImportSummary>(importRoute.POST, `/api/articles/${id}/annotations/import`, { method: 'POST', token: analyst.token, params: { id }, body: JSON.stringify(body), headers: { 'content-type': 'application/ld+json' } });
    const claimsOf = async (id: string) =>
      (await callRoute<{ annotations: AnnotationDto[] }>(annotationsRoute.GET, `/api/articles/${id}/annotations`, { token: analyst.token, params: { id } })).data.annotations;
    const evidenceOf = async (annotationId: string) =>
      (await callRoute<{ evidence: EvidenceDto[] }>(evidenceRoute.GET, `/api/annotations/${annotationId}/evidence`, { token: analyst.token, params: { id: annotationId } })).data.evidence;

    it('re-creates each link on the imported claim, on the same source passages, in the import’s one transaction', async () => {
      const exported = JSON.parse((await exportAs(analyst, 'jsonld')).text) as unknown;
      const copy = await copyOfArticle();
      const res = await importInto(copy, exported);
      expect(res.status).toBe(201);
      expect(res.data).toMatchObject({ imported: 1, links: 2, skipped: [] });

      const [claim] = await claimsOf(copy);
      expect(claim).toMatchObject({ target: { exact: SENTENCES.ttp600 }, provenance: 'contradicted', evidenceCount: 2 });
      const links = await evidenceOf(claim!.id);
      const original = await evidenceOf(claimId);
      expect(links.map((l) => [l.relation, l.document.id, l.target?.exact, l.target?.start, l.target?.end, l.anchorState, l.author.id])).toEqual(
        original.map((l) => [l.relation, l.document.id, l.target?.exact, l.target?.start, l.target?.end, 'exact', analyst.id]),
      );
      // The reviewer's verdict is not imported (as for claims): the importing desk reviews again.
      expect(links.every((l) => l.reviews.length === 0)).toBe(true);

      const events = await getDb().annotationEvent.findMany({ where: { annotationId: claim!.id }, orderBy: { at: 'asc' } });
      expect(events.map((e) => e.action)).toEqual(['created', 'evidence_created', 'evidence_created']);
      expect(events[1]!.after).toMatchObject({ imported: true, relation: 'supports', documentId: unId });
      const live = await getDb().liveEvent.findMany({ where: { articleId: copy } });
      expect(live.filter((e) => e.type === 'evidence.created')).toHaveLength(2);
    });

    it('finds a source of another library by its symbol, and reports a source it does not have instead of storing half a link', async () => {
      const doc = JSON.parse((await exportAs(analyst, 'jsonld')).text) as { first: { items: Array<Record<string, unknown>> } };
      for (const item of doc.first.items.filter((i) => i.motivation === 'linking')) {
        const body = (item.body as Array<Record<string, unknown>>)[0]!;
        // Ids and URLs of another installation mean nothing here; only the UN report's symbol does.
        body['claimdesk:documentId'] = 'elsewhere-1';
        body.source = `https://other-desk.example/articles/elsewhere-1`;
      }
      const copy = await copyOfArticle();
      const res = await importInto(copy, doc);
      expect(res.status).toBe(201);
      expect(res.data.links).toBe(1);
      expect(res.data.skipped).toHaveLength(1);
      expect(res.data.skipped[0]!.reason).toMatch(/the source “Conflict monitor annual review” is not in this library; import it as a source first/);
      const [claim] = await claimsOf(copy);
      const links = await evidenceOf(claim!.id);
      expect(links.map((l) => [l.relation, l.document.id])).toEqual([['supports', unId]]);
      expect(claim!.provenance).toBe('verified');
    });

    it('re-creates a link to another article’s claim when that claim is in this library, and skips it once the claim is gone', async () => {
      const cited = await callRoute<{ article: ArticleSummaryDto }>(articlesRoute.POST, '/api/articles', {
        method: 'POST',
        token: analyst.token,
        json: { format: 'text', content: ['Earlier wire story', 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone.'].join('\n') },
      });
      const citedId = cited.data.article.id;
      const version = await getDb().articleVersion.findFirstOrThrow({ where: { articleId: citedId } });
      const target = await createAnnotation(analyst, 'over 600 attacks', { on: { articleId: citedId, versionId: version.id, text: version.text } });
      const res = await callRoute(evidenceRoute.POST, `/api/annotations/${claimId}/evidence`, { method: 'POST', token: analyst.token, params: { id: claimId }, json: { documentId: citedId, targetAnnotationId: target.id, relation: 'partial' } });
      expect(res.status).toBe(201);

      const doc = await jsonLdOf(analyst);
      const partial = doc.first.items.filter(isLink).find((i) => i['claimdesk:relation'] === 'partial')!;
      expect(partial.body[0]).toMatchObject({ 'claimdesk:documentId': citedId, 'claimdesk:targetAnnotation': expect.stringMatching(new RegExp(`/annotations/${target.id}$`)) });

      const copy = await copyOfArticle();
      const imported = await importInto(copy, doc);
      expect(imported.data).toMatchObject({ imported: 1, links: 3, skipped: [] });
      const [claim] = await claimsOf(copy);
      const links = await evidenceOf(claim!.id);
      expect(links.find((l) => l.relation === 'partial')).toMatchObject({ document: { id: citedId }, targetAnnotation: { id: target.id }, target: { exact: 'over 600 attacks' } });

      await getDb().annotation.update({ where: { id: target.id }, data: { deletedAt: new Date() } });
      const again = await importInto(await copyOfArticle(), doc);
      expect(again.data.links).toBe(2);
      expect(again.data.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/the claim it cites .* is not in/)]);
    });

    it('skips a link whose passage is no longer in the source, and refuses a bad relation with 400 and nothing stored', async () => {
      const doc = JSON.parse((await exportAs(analyst, 'jsonld')).text) as { first: { items: Array<Record<string, unknown>> } };
      const links = doc.first.items.filter((i) => i.motivation === 'linking');
      const supportsBody = (links.find((l) => l['claimdesk:relation'] === 'supports')!.body as Array<{ selector: Array<Record<string, unknown>> }>)[0]!;
      supportsBody.selector[0]!.exact = 'The Team estimated 9,000 attacks in 2025.';
      const copy = await copyOfArticle();
      const res = await importInto(copy, doc);
      expect(res.status).toBe(201);
      expect(res.data.links).toBe(1);
      expect(res.data.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/the passage “The Team estimated 9,000 attacks in 2025\.” is not in the current text of/)]);

      const other = await copyOfArticle();
      links[0]!['claimdesk:relation'] = 'proves';
      const bad = await importInto(other, doc);
      expect(bad.status).toBe(400);
      expect(bad.data.error?.message).toMatch(/claimdesk:relation: must be one of supports, partial, contradicts, misquoted, not_found/);
      expect(await claimsOf(other)).toEqual([]);
    });
  });
});
