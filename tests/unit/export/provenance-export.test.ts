// Provenance in every export format (#15 item 6), from the scenario: a claim with a "supports" link to
// the UN report and a "contradicts" link to another source shows both, with passage, source and verdicts.
import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS, type BriefEvidenceInput, type BriefInput } from '@/lib/export/brief-input';
import { CSV_COLUMNS, toCsv } from '@/lib/export/to-csv';
import { toDocx } from '@/lib/export/to-docx';
import { toHtml } from '@/lib/export/to-html';
import { toMarkdown } from '@/lib/export/to-markdown';
import { isClaimAnnotation, toJsonLd, type JsonLdLinkingAnnotation } from '@/lib/export/to-jsonld';
import { toClaimReview } from '@/lib/export/to-claimreview';
import { parseJsonLd } from '@/lib/export/from-jsonld';
import { planEvidencePlacement } from '@/lib/export/plan-evidence-import';
import { BASE_URL, buildFixture } from './fixture';
import { readZip } from './zip';
import { createMustSuites } from './w3c-schemas';

const UN_PASSAGE = 'The Tehrik-e Taliban Pakistan conducted more than 600 attacks in Pakistan during 2025';
const PIPS_PASSAGE = 'PIPS recorded 521 militant attacks across Pakistan in 2025, well short of 600';

const unReport = { id: 'src-un', title: 'Thirty-sixth report of the Monitoring Team', issuer: 'UN Security Council', symbol: 'S/2025/482', url: 'https://undocs.example/S/2025/482', publishedAt: new Date('2025-07-24T00:00:00Z') };
const pips = { id: 'src-pips', title: 'Pakistan Security Report 2025', issuer: 'PIPS', symbol: null, url: null, publishedAt: null };

function withEvidence(): BriefInput {
  const input = buildFixture();
  const claim = input.annotations.find((a) => a.id === 'a-600')!;
  const supports: BriefEvidenceInput = {
    id: 'ev-supports',
    relation: 'supports',
    document: unReport,
    passage: { exact: UN_PASSAGE, prefix: 'para 71. ', suffix: ', according to', start: 1200, end: 1200 + UN_PASSAGE.length, codePointStart: 1198, codePointEnd: 1198 + UN_PASSAGE.length },
    page: 'p. 17',
    paragraph: 71,
    targetAnnotationId: null,
    targetStatus: null,
    anchorState: 'exact',
    note: 'Paragraph 71 of the report.',
    author: { id: 'u-amina', name: 'Amina Qureshi' },
    createdAt: new Date('2025-06-04T09:00:00Z'),
    reviews: [{ reviewer: { id: 'u-rev', name: 'Sara Lindqvist' }, verdict: 'AGREE', comment: 'Passage checked.', createdAt: new Date('2025-06-04T10:00:00Z') }],
  };
  const contradicts: BriefEvidenceInput = {
    id: 'ev-contradicts',
    relation: 'contradicts',
    document: pips,
    passage: { exact: PIPS_PASSAGE, prefix: '', suffix: '.', start: 40, end: 40 + PIPS_PASSAGE.length, codePointStart: 40, codePointEnd: 40 + PIPS_PASSAGE.length },
    page: null,
    paragraph: null,
    targetAnnotationId: null,
    targetStatus: null,
    anchorState: 'exact',
    note: null,
    author: { id: 'u-tom', name: 'Tom Becker' },
    createdAt: new Date('2025-06-04T11:00:00Z'),
    reviews: [{ reviewer: { id: 'u-rev2', name: 'Omar Haddad' }, verdict: 'DISPUTE', comment: 'PIPS counts differently.', createdAt: new Date('2025-06-04T12:00:00Z') }],
  };
  // Given newest first: the brief orders a claim's links oldest first whatever the input order.
  claim.evidence = [contradicts, supports];
  const haven = input.annotations.find((a) => a.id === 'a-haven')!;
  haven.evidence = [{ ...supports, id: 'ev-haven', passage: null, relation: 'not_found', page: null, paragraph: null, note: 'Searched the whole report for "safe haven".', reviews: [] }];
  return input;
}

const input = withEvidence();
const brief = buildBrief(input, DEFAULT_BRIEF_OPTIONS);
const claim600 = brief.claims.find((c) => c.id === 'a-600')!;

describe('brief model', () => {
  it('derives each claim’s provenance from its links and lists the links oldest first', () => {
    expect(claim600.provenance).toBe('contradicted');
    expect(claim600.evidence.map((e) => e.relation)).toEqual(['supports', 'contradicts']);
    expect(brief.claims.find((c) => c.id === 'a-haven')!.provenance).toBe('not_found');
    expect(brief.claims.find((c) => c.id === 'a-ttp-soil')!.provenance).toBe('unlinked');
    expect(brief.summary.byProvenance.find((p) => p.provenance === 'contradicted')!.count).toBe(1);
  });

  it('lists every cited source with the numbers of its claims', () => {
    const un = brief.sources.find((s) => s.document.id === 'src-un')!;
    expect(un.claims.sort()).toEqual([claim600.number, brief.claims.find((c) => c.id === 'a-haven')!.number].sort());
    expect(brief.sources.find((s) => s.document.id === 'src-pips')!.claims).toEqual([claim600.number]);
  });

  it('hides link reviewers’ names and link notes with the brief’s options', () => {
    const anonymous = buildBrief(input, { ...DEFAULT_BRIEF_OPTIONS, includeReviewerNames: false, includeNotes: false });
    const c = anonymous.claims.find((x) => x.id === 'a-600')!;
    expect(c.evidence[0]!.reviews[0]!.reviewerName).toBeNull();
    expect(c.evidence[0]!.note).toBeNull();
  });
});

describe('Markdown', () => {
  const md = toMarkdown(brief);
  const block = md.slice(md.indexOf(`### ${claim600.number}. `), md.indexOf(`### ${claim600.number + 1}. `));

  it('shows the provenance state and both links under the claim, with source, symbol, passage and verdicts', () => {
    expect(block).toContain('- **Provenance:** Contradicted');
    expect(block).toMatch(/- \*\*Supports\*\* — Thirty-sixth report of the Monitoring Team \(S\/2025\/482, UN Security Council\), ¶71, p\. 17/);
    expect(block).toContain(`Passage: “${UN_PASSAGE}”`);
    expect(block).toContain('Agree — Sara Lindqvist, 2025-06-04: Passage checked.');
    expect(block).toMatch(/- \*\*Contradicts\*\* — Pakistan Security Report 2025 \(PIPS\)/);
    expect(block).toContain(`Passage: “${PIPS_PASSAGE}”`);
    expect(block).toContain('Dispute — Omar Haddad, 2025-06-04: PIPS counts differently.');
    expect(block.indexOf('**Supports**')).toBeLessThan(block.indexOf('**Contradicts**'));
  });

  it('says when a source was searched without a passage, and has a Sources section', () => {
    expect(md).toContain('**Not found in source**');
    expect(md).toContain('No passage: the source was searched and does not say it');
    expect(md).toMatch(/## Sources\n\n- Thirty-sixth report of the Monitoring Team \(S\/2025\/482, UN Security Council\), 2025-07-24, <https:\/\/undocs\.example\/S\/2025\/482> — cited by claims /);
    expect(md).toContain('| Contradicted | 1 |');
  });

  it('marks unlinked claims as such', () => {
    const ttp = brief.claims.find((c) => c.id === 'a-ttp-soil')!;
    const b = md.slice(md.indexOf(`### ${ttp.number}. `));
    expect(b.slice(0, b.indexOf('\n### '))).toContain('- **Provenance:** Unlinked');
  });
});

describe('HTML (and PDF, printed from it)', () => {
  const html = toHtml(brief);
  const block = html.slice(html.indexOf(`id="claim-${claim600.number}"`), html.indexOf(`id="claim-${claim600.number + 1}"`));

  it('shows the provenance state and both links with passages and verdicts', () => {
    expect(block).toContain('<dt>Provenance</dt><dd>Contradicted</dd>');
    expect(block).toContain('<li class="relation-supports"><strong>Supports</strong> — Thirty-sixth report of the Monitoring Team (S/2025/482, UN Security Council), ¶71, p. 17');
    expect(block).toContain(`<blockquote dir="auto">“${UN_PASSAGE}”</blockquote>`);
    expect(block).toContain('Agree — Sara Lindqvist, 2025-06-04: Passage checked.');
    expect(block).toContain('<li class="relation-contradicts"><strong>Contradicts</strong> — Pakistan Security Report 2025 (PIPS)');
    expect(block).toContain(`“${PIPS_PASSAGE}”`);
    expect(block).toContain('Dispute — Omar Haddad');
  });

  it('lists the sources with links to the citing claims', () => {
    expect(html).toContain('<h2>Sources</h2>');
    expect(html).toContain(`<a href="#claim-${claim600.number}">${claim600.number}</a>`);
  });

  it('escapes the passage and the source title', () => {
    const hostile = withEvidence();
    const ev = hostile.annotations.find((a) => a.id === 'a-600')!.evidence![1]!;
    ev.passage = { ...ev.passage!, exact: '<img src=x onerror=alert(1)>' };
    ev.document = { ...ev.document, title: '<script>alert(1)</script>' };
    const out = toHtml(buildBrief(hostile, DEFAULT_BRIEF_OPTIONS));
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('DOCX', async () => {
  const xml = readZip(await toDocx(brief)).get('word/document.xml')?.toString('utf8') ?? '';
  const plain = xml.replace(/<[^>]+>/g, '');

  it('lists the provenance and both links under the claim', () => {
    const from = plain.indexOf(`${claim600.number}. `);
    const block = plain.slice(from, plain.indexOf(`${claim600.number + 1}. `, from));
    expect(block).toContain('Provenance: Contradicted');
    expect(block).toContain('Evidence — Supports: Thirty-sixth report of the Monitoring Team (S/2025/482, UN Security Council), ¶71, p. 17');
    expect(block).toContain(`“${UN_PASSAGE}”`);
    expect(block).toContain('Agree — Sara Lindqvist, 2025-06-04: Passage checked.');
    expect(block).toContain('Evidence — Contradicts: Pakistan Security Report 2025 (PIPS)');
    expect(block).toContain(`“${PIPS_PASSAGE}”`);
    expect(block).toContain('Dispute — Omar Haddad, 2025-06-04: PIPS counts differently.');
  });

  it('has a Sources section', () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Sources/);
    expect(plain).toContain('https://undocs.example/S/2025/482');
  });
});

describe('CSV', () => {
  const csv = toCsv(brief);
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('appends provenance and first_source_passage after every existing column', () => {
    expect(CSV_COLUMNS.slice(-2)).toEqual(['provenance', 'first_source_passage']);
    expect(CSV_COLUMNS.slice(0, 17)).toEqual(['number', 'quote', 'tag_key', 'tag_label', 'source_detail', 'confidence', 'reliability', 'credibility', 'grade', 'status', 'author', 'reviews', 'note', 'start', 'end', 'anchor_state', 'created']);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('fills them from the claim’s links', () => {
    const row = lines.find((l) => l.startsWith(`${claim600.number},`))!;
    expect(row).toContain(`,contradicted,"“${UN_PASSAGE}” — Thirty-sixth report of the Monitoring Team (S/2025/482, UN Security Council), ¶71, p. 17 [supports]"`);
    const ttp = brief.claims.find((c) => c.id === 'a-ttp-soil')!;
    expect(lines.find((l) => l.startsWith(`${ttp.number},`))!.endsWith(',unlinked,')).toBe(true);
  });
});

describe('W3C JSON-LD', () => {
  const doc = toJsonLd(brief, BASE_URL);
  const links = doc.first.items.filter((i): i is JsonLdLinkingAnnotation => !isClaimAnnotation(i));

  it('carries each link as a linking annotation targeting the claim, the source passage as its body', () => {
    expect(links.map((l) => l[`claimdesk:relation`])).toEqual(expect.arrayContaining(['supports', 'contradicts', 'not_found']));
    expect(doc.total).toBe(doc.first.items.length);
    const supports = links.find((l) => l['claimdesk:relation'] === 'supports')!;
    expect(supports.motivation).toBe('linking');
    expect(supports.target).toBe(`${BASE_URL}/annotations/a-600`);
    expect(supports.body[0]).toEqual({
      type: 'SpecificResource',
      source: 'https://undocs.example/S/2025/482',
      selector: [
        { type: 'TextQuoteSelector', exact: UN_PASSAGE, prefix: 'para 71. ', suffix: ', according to' },
        { type: 'TextPositionSelector', start: 1198, end: 1198 + UN_PASSAGE.length },
      ],
      'claimdesk:documentId': 'src-un',
      'claimdesk:documentTitle': 'Thirty-sixth report of the Monitoring Team',
      'claimdesk:documentSymbol': 'S/2025/482',
      'claimdesk:documentIssuer': 'UN Security Council',
      'claimdesk:documentUrl': 'https://undocs.example/S/2025/482',
    });
    expect(supports.body).toContainEqual(expect.objectContaining({ purpose: 'assessing', 'claimdesk:verdict': 'AGREE', value: 'Agree: Passage checked.' }));
    const contradicts = links.find((l) => l['claimdesk:relation'] === 'contradicts')!;
    expect(contradicts.body[0]).toMatchObject({ source: `${BASE_URL}/articles/src-pips`, 'claimdesk:documentId': 'src-pips' });
    expect((contradicts.body[0] as { selector: unknown[] }).selector[0]).toMatchObject({ exact: PIPS_PASSAGE });
    const notFound = links.find((l) => l['claimdesk:relation'] === 'not_found')!;
    expect(notFound.body[0]).not.toHaveProperty('selector');
  });

  it('passes every W3C MUST for each linking annotation', () => {
    const suites = createMustSuites();
    expect(links.length).toBe(3);
    for (const l of links) expect(suites.annotation.check({ '@context': doc['@context'], ...l }), l.id).toEqual([]);
    expect(suites.collection.check(doc)).toEqual([]);
  });

  it('puts the links after every claim (an importer meets the claim first)', () => {
    const firstLink = doc.first.items.findIndex((i) => !isClaimAnnotation(i));
    expect(doc.first.items.slice(firstLink).every((i) => !isClaimAnnotation(i))).toBe(true);
    expect(firstLink).toBe(brief.claims.length);
  });
});

describe('W3C JSON-LD import of links', () => {
  const doc = toJsonLd(brief, BASE_URL);

  it('reads every linking annotation back: claim IRI, relation, source, passage in code points, note', () => {
    const r = parseJsonLd(JSON.parse(JSON.stringify(doc)));
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.annotations).toHaveLength(brief.claims.length);
    const supports = r.links.find((l) => l.relation === 'supports')!;
    expect(supports).toMatchObject({
      id: `${BASE_URL}/evidence/ev-supports`,
      claim: `${BASE_URL}/annotations/a-600`,
      document: { iri: 'https://undocs.example/S/2025/482', id: 'src-un', title: 'Thirty-sixth report of the Monitoring Team', symbol: 'S/2025/482', url: 'https://undocs.example/S/2025/482' },
      targetAnnotation: null,
      passage: { exact: UN_PASSAGE, prefix: 'para 71. ', suffix: ', according to', start: 1198, end: 1198 + UN_PASSAGE.length },
      note: 'Paragraph 71 of the report.',
    });
    expect(r.links.find((l) => l.relation === 'not_found')!.passage).toBeNull();
    expect(r.links.map((l) => l.relation).sort()).toEqual(['contradicts', 'not_found', 'supports']);
  });

  it('refuses a not_found link with a passage and a passage link without one, naming the place', () => {
    const broken = JSON.parse(JSON.stringify(doc)) as { first: { items: Array<Record<string, unknown>> } };
    const links = broken.first.items.filter((i) => i.motivation === 'linking');
    const notFound = links.find((l) => l['claimdesk:relation'] === 'not_found')!;
    (notFound.body as Array<Record<string, unknown>>)[0]!.selector = [{ type: 'TextQuoteSelector', exact: 'x' }];
    const supports = links.find((l) => l['claimdesk:relation'] === 'supports')!;
    delete (supports.body as Array<Record<string, unknown>>)[0]!.selector;
    const r = parseJsonLd(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join('\n')).toMatch(/a not_found link has no passage/);
      expect(r.errors.join('\n')).toMatch(/a supports link needs a TextQuoteSelector/);
    }
  });

  it('leaves another tool’s linking annotation (no claimdesk:relation) to the usual rule: skipped with a reason', () => {
    const r = parseJsonLd({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://x.example/a1', type: 'Annotation', motivation: 'linking', body: 'https://x.example/doc', target: 'https://x.example/page' });
    expect(r.ok && r.links.length === 0 && r.skipped.length === 1).toBe(true);
  });

  it('places a passage on the source text where it is verbatim, never on other words', () => {
    const text = `Intro.\n${UN_PASSAGE}, according to Member States.\nMore text.`;
    const [moved, missing] = planEvidencePlacement(
      [
        { exact: UN_PASSAGE, prefix: 'para 71. ', suffix: ', according to', start: 1198, end: 1198 + UN_PASSAGE.length },
        { exact: 'The Tehrik-e Taliban Pakistan conducted more than 900 attacks', prefix: '', suffix: '', start: null, end: null },
      ],
      text,
    );
    expect(moved).toMatchObject({ exact: UN_PASSAGE, start: text.indexOf(UN_PASSAGE), state: 'exact' });
    expect(missing).toBeNull();
  });
});

describe('ClaimReview', () => {
  it('cites the linked source passages of a settled claim', () => {
    const graph = toClaimReview(brief, BASE_URL)['@graph'];
    const review = graph.find((r) => r.claimReviewed === claim600.exact)!;
    expect(review.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Thirty-sixth report of the Monitoring Team',
        identifier: 'S/2025/482',
        publisher: { '@type': 'Organization', name: 'UN Security Council' },
        url: 'https://undocs.example/S/2025/482',
        datePublished: '2025-07-24',
        text: UN_PASSAGE,
        description: 'Supports (¶71, p. 17)',
      },
      { '@type': 'CreativeWork', name: 'Pakistan Security Report 2025', publisher: { '@type': 'Organization', name: 'PIPS' }, text: PIPS_PASSAGE, description: 'Contradicts' },
    ]);
  });
});

describe('a link to a claim in the article cited (claim → cited claim)', () => {
  const chained = withEvidence();
  const claim = chained.annotations.find((a) => a.id === 'a-ttp-soil')!;
  const wire = { id: 'art-wire', title: 'Earlier wire story', issuer: null, symbol: null, url: null, publishedAt: null };
  const exact = 'the TTP carried out over 600 attacks';
  claim.evidence = [
    {
      id: 'ev-chain',
      relation: 'partial',
      document: wire,
      passage: { exact, prefix: 'Officials said ', suffix: ' in Pakistan', start: 15, end: 15 + exact.length, codePointStart: 15, codePointEnd: 15 + exact.length },
      page: null,
      paragraph: null,
      targetAnnotationId: 'a-cited',
      targetStatus: 'CONFIRMED',
      // The wire story's claim was itself checked against the UN report: the chain's last step.
      cited: { provenance: 'verified', links: [{ relation: 'supports', reference: 'S/2025/482 ¶71, p. 17', exact: UN_PASSAGE }] },
      anchorState: 'exact',
      note: null,
      author: { id: 'u-tom', name: 'Tom Becker' },
      createdAt: new Date('2025-06-05T09:00:00Z'),
      reviews: [],
    },
  ];
  const out = buildBrief(chained, DEFAULT_BRIEF_OPTIONS);

  it('says what the desk found about the cited claim, in every format', async () => {
    const line = 'Earlier wire story, a claim annotated there, Confirmed';
    expect(toMarkdown(out)).toContain(`**Partly supports** — ${line} (linked by Tom Becker`);
    expect(toHtml(out)).toContain(`<strong>Partly supports</strong> — ${line} <small>`);
    expect(toCsv(out)).toContain(`“${exact}” — ${line} [partial]`);
    const xml = readZip(await toDocx(out)).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain(`Evidence — Partly supports: ${line}`);
  });

  it('follows the chain to what the cited claim rests on: its provenance and its source passage, in every format', async () => {
    const md = toMarkdown(out);
    expect(md).toContain(`    - Its own evidence: Verified\n      - Supports — S/2025/482 ¶71, p. 17: “${UN_PASSAGE}”`);
    expect(toHtml(out)).toContain(`<div class="cited-evidence">Its own evidence: Verified<ul><li>Supports — S/2025/482 ¶71, p. 17: <q dir="auto">${UN_PASSAGE}</q></li></ul></div>`);
    const xml = (readZip(await toDocx(out)).get('word/document.xml')?.toString('utf8') ?? '').replace(/<[^>]+>/g, '');
    expect(xml).toContain('Its own evidence: Verified');
    expect(xml).toContain(`Supports — S/2025/482 ¶71, p. 17: “${UN_PASSAGE}”`);
  });

  it('says when the cited claim was never checked, and adds nothing to a source passage', () => {
    const unchecked = withEvidence();
    const target = unchecked.annotations.find((a) => a.id === 'a-ttp-soil')!;
    target.evidence = [{ ...claim.evidence![0]!, cited: { provenance: 'unlinked', links: [] } }];
    const md = toMarkdown(buildBrief(unchecked, DEFAULT_BRIEF_OPTIONS));
    expect(md).toContain('    - Its own evidence: none linked (Unlinked)');
    expect(toMarkdown(buildBrief(withEvidence(), DEFAULT_BRIEF_OPTIONS))).not.toContain('Its own evidence');
  });
});
