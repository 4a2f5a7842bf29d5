// The desk's workflow end to end on PDF sources (#15): a report is imported as a PDF through the API's
// importer, a news article's claim asks "Find the passage for me", and the first proposal must be the
// right passage, cited with the right paragraph number and page ("S/2025/482 ¶42, p. 17"). The two
// reports (tests/fixtures/provenance-pdf/) are invented, 17–18 pages, laid out as institutions print
// them; their claims were written before the scorer was read. First-run and tuned figures: README.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { pageAt } from '@/lib/documents/page-map';
import { importDocument, type ImportedDocument } from '@/lib/documents/server/import-document';
import { paragraphNumbering } from '@/lib/provenance/paragraph-number';
import { proposePassages, type PassageProposal } from '@/lib/provenance/propose-passages';
import { HOLDOUT_REPORTS, PROBE_REPORTS, type ProbeClaim, type ProbeReport } from '@/tests/fixtures/provenance-pdf/reports';
import { makePdf } from '@/tests/support/make-pdf';

type Outcome = { claim: ProbeClaim; rank: number | null; first: PassageProposal | null; paragraph: number | null; page: string | null };

/** A proposal is the right passage when it and the gold piece overlap by at least half of the shorter one. */
function isRight(p: PassageProposal, gold: { start: number; end: number }): boolean {
  const overlap = Math.min(p.end, gold.end) - Math.max(p.start, gold.start);
  return overlap >= 0.5 * Math.min(p.end - p.start, gold.end - gold.start);
}

function run(report: ProbeReport, imported: ImportedDocument): Outcome[] {
  const { text, pages, doc } = imported;
  const numbering = paragraphNumbering(text, doc as TiptapNode);
  return report.claims.map((claim) => {
    const proposals = proposePassages(claim.quote, text);
    const first = proposals[0] ?? null;
    let rank: number | null = null;
    if (claim.passage !== null) {
      const start = text.indexOf(claim.passage);
      const gold = { start, end: start + claim.passage.length };
      const i = proposals.findIndex((p) => isRight(p, gold));
      rank = i < 0 ? null : i + 1;
    }
    return { claim, rank, first, paragraph: first ? numbering(first.start) : null, page: first && pages ? pageAt(pages, first.start).label : null };
  });
}

function figures(outcomes: Outcome[]) {
  const supported = outcomes.filter((o) => o.claim.passage !== null);
  const right = supported.filter((o) => o.rank === 1);
  return {
    supported: supported.length,
    p1: right.length / supported.length,
    r5: supported.filter((o) => o.rank !== null).length / supported.length,
    paragraphRight: right.filter((o) => o.paragraph === o.claim.paragraph).length,
    pageRight: right.filter((o) => o.page === o.claim.page).length,
    right: right.length,
    unsupportedTop: outcomes.filter((o) => o.claim.passage === null).map((o) => o.first?.score ?? null),
    unsupportedWeak: outcomes.filter((o) => o.claim.passage === null && (o.first?.weak ?? true)).length,
    rightWeak: right.filter((o) => o.first?.weak).length,
    /** Right first passages whose wording hints another relation than `supports` (the gold links them as supporting). */
    rightHinted: right.filter((o) => o.first?.suggests).map((o) => `${o.first?.suggests}: ${o.first?.caution}`),
    unsupportedHints: outcomes.filter((o) => o.claim.passage === null).map((o) => o.first?.suggests ?? null),
  };
}

/**
 * Floors: the probe's two reports at their tuned figures; the holdout (written after the fixes, never
 * tuned on) at its first run — it misses one claim ("raised the arrests with the justice ministry" /
 * "raised the cases with the Ministry of Justice"), and its table has no paragraph number to cite.
 */
const CASES = [
  ...PROBE_REPORTS.map((report) => ({ report, name: report.name, floors: { p1: 0.9, r5: 1, citationMisses: 0 } })),
  ...HOLDOUT_REPORTS.map((report) => ({ report, name: report.name, floors: { p1: 0.9, r5: 0.9, citationMisses: 1 } })),
];

describe.each(CASES)('PDF source end to end: $name', ({ report, floors }) => {
  let imported: ImportedDocument;
  let outcomes: Outcome[];
  beforeAll(async () => {
    imported = await importDocument({ kind: 'file', bytes: await makePdf(report.spec), fileName: 'report.pdf' });
    outcomes = run(report, imported);
    const f = figures(outcomes);
    // The figures README reports, printed for the record when the probe runs.
    console.log(`${report.name}: P@1 ${f.p1.toFixed(3)} (${f.right}/${f.supported}), R@5 ${f.r5.toFixed(3)}, paragraph right ${f.paragraphRight}/${f.right}, page right ${f.pageRight}/${f.right}, best score of unsupported ${f.unsupportedTop.map((s) => s?.toFixed(3)).join(', ')} (flagged weak ${f.unsupportedWeak}/${f.unsupportedTop.length}), right firsts flagged weak ${f.rightWeak}/${f.right}, hinting another relation ${f.rightHinted.length}/${f.right} ${f.rightHinted.join(' | ')}, hints on the unsupported: ${f.unsupportedHints.join(', ')}`);
    for (const o of outcomes)
      if (o.claim.passage !== null && (o.rank !== 1 || o.paragraph !== o.claim.paragraph || o.page !== o.claim.page))
        console.log(`  rank ${o.rank} ¶${o.paragraph} p.${o.page} | ${o.claim.quote}\n    first: ${o.first?.exact} (${o.first?.score.toFixed(3)}; ${o.first?.reason})`);
  }, 60_000);

  it('imports every page, and the gold passages read as the report prints them', () => {
    expect(imported.format).toBe('pdf');
    expect(imported.pageCount).toBe(report.spec.pages.length);
    for (const c of report.claims) if (c.passage !== null) expect(imported.text, c.passage).toContain(c.passage);
  });

  it('reads each table of the report one row a paragraph, and nothing else as a table', () => {
    const tables = report.spec.pages.flatMap((p) => [...(p.top ?? []), ...p.blocks]).flatMap((b) => (b.kind === 'table' ? [b.header, ...b.rows] : []));
    expect(tables.length).toBeGreaterThan(0);
    expect(imported.text.split('\n').filter((l) => l.includes(' | '))).toEqual(tables.map((cells) => cells.join(' | ')));
  });

  it('cites each gold passage with its paragraph number and printed page', () => {
    const numbering = paragraphNumbering(imported.text, imported.doc as TiptapNode);
    const misses: unknown[] = [];
    for (const c of report.claims) {
      if (c.passage === null) continue;
      const at = imported.text.indexOf(c.passage);
      const cited = { quote: c.quote, paragraph: numbering(at), page: pageAt(imported.pages!, at).label };
      if (cited.paragraph !== c.paragraph || cited.page !== c.page) misses.push(cited);
    }
    expect(misses.length, JSON.stringify(misses)).toBeLessThanOrEqual(floors.citationMisses);
  });

  it('proposes the right passage first for most claims, and it is cited right', () => {
    const f = figures(outcomes);
    expect(f.p1).toBeGreaterThanOrEqual(floors.p1);
    expect(f.r5).toBeGreaterThanOrEqual(floors.r5);
    expect(f.right - f.paragraphRight).toBeLessThanOrEqual(floors.citationMisses);
    expect(f.pageRight).toBe(f.right);
    // Every gold passage here supports its claim: none should hint another relation.
    expect(f.rightHinted).toEqual([]);
  });
});
