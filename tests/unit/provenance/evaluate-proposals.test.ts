// The passage-proposal evaluation (scripts/eval-passages.ts) on its development set, and its arithmetic on a tiny case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateProposals, passageGoldSchema } from '@/lib/provenance/evaluate-proposals';

const gold = passageGoldSchema.parse(JSON.parse(readFileSync('tests/fixtures/provenance/gold.json', 'utf8')));
const source = readFileSync('tests/fixtures/provenance/monitoring-report.txt', 'utf8');
const article = readFileSync('prisma/fixtures/un-militant-nexus-article.txt', 'utf8');

type Gold = ReturnType<typeof passageGoldSchema.parse>;

/** A labelled set is sound: every claim's quote is in its article, every passage (and alternative) in its source. */
function expectVerbatim(g: Gold, src: string, art: string) {
  for (const c of g.claims) {
    expect(art, c.quote).toContain(c.quote);
    for (const p of [c.passage, ...(c.also ?? [])]) if (p !== null) expect(src, p).toContain(p);
  }
}

/** Every relation the hints are scored on is labelled at least once in the set. */
function expectEveryVerdict(g: Gold) {
  for (const verdict of ['partial', 'contradicts', 'misquoted', 'not_found'] as const) expect(g.claims.some((c) => c.verdict === verdict), verdict).toBe(true);
}

/** Over these results: how many claims carry a verdict, or how many of their passages were hinted with it. */
function verdictTotals(results: Array<ReturnType<typeof evaluateProposals>>) {
  return (verdict: string, key: 'claims' | 'hinted') => results.flatMap((r) => r.verdicts.filter((v) => v.verdict === verdict)).reduce((s, v) => s + v[key], 0);
}

describe('evaluateProposals', () => {
  it('the set is sound: every quote is in the article, every passage in the source', () => {
    expectVerbatim(gold, source, article);
  });

  it('keeps the figures README reports (P@1 ≥ 0.85, every passage in the top 5) on the development set', () => {
    const r = evaluateProposals(gold, source);
    expect(r.withPassage).toBe(14);
    expect(r.precisionAt1).toBeGreaterThanOrEqual(0.85);
    expect(r.recallAt5).toBe(1);
    expect(r.meanReciprocalRank).toBeGreaterThanOrEqual(0.88);
    // The three passages the source attributes to one Member State (labelled partial in the sixth holdout's round) say so.
    expect(r.verdicts).toEqual([{ verdict: 'partial', claims: 3, found: 3, cautioned: 3, hinted: 3 }]);
  });

  // The blind holdout: first-run figures are in README; these floors are the after-fix (tuned) figures.
  for (const [set, floor] of [['panel', 0.9], ['ministry', 0.9], ['thinktank', 0.9]] as const) {
    it(`holdout ${set}: sound, and keeps its tuned P@1 ≥ ${floor} and Recall@5 = 1`, () => {
      const dir = 'tests/fixtures/provenance-holdout';
      const g = passageGoldSchema.parse(JSON.parse(readFileSync(`${dir}/${set}-gold.json`, 'utf8')));
      const src = readFileSync(`${dir}/${g.source}`, 'utf8');
      const art = readFileSync(`${dir}/${g.article}`, 'utf8');
      expectVerbatim(g, src, art);
      const r = evaluateProposals(g, src);
      expect(r.precisionAt1).toBeGreaterThanOrEqual(floor);
      expect(r.recallAt5).toBe(1);
    });
  }

  // The second blind holdout (commission of inquiry, government communiqué, NGO report): blind and
  // after-fix figures are in README; these floors are the after-fix figures (the fixes were general:
  // surnames, hedged figures against a range, one lexicon list).
  const SECOND = [
    ['inquiry', { p1: 0.95, r5: 0.95 }],
    ['communique', { p1: 1, r5: 1 }],
    ['ngo', { p1: 0.94, r5: 1 }],
  ] as const;
  const readSet = (dir: string, set: string) => {
    const g = passageGoldSchema.parse(JSON.parse(readFileSync(`${dir}/${set}-gold.json`, 'utf8')));
    return { g, src: readFileSync(`${dir}/${g.source}`, 'utf8'), art: readFileSync(`${dir}/${g.article}`, 'utf8') };
  };
  for (const [set, floor] of SECOND) {
    it(`second holdout ${set}: sound, and keeps P@1 ≥ ${floor.p1} and Recall@5 ≥ ${floor.r5}`, () => {
      const { g, src, art } = readSet('tests/fixtures/provenance-holdout2', set);
      expectVerbatim(g, src, art);
      expect(g.claims.filter((c) => c.passage === null).length).toBeGreaterThanOrEqual(2);
      const r = evaluateProposals(g, src);
      expect(r.precisionAt1).toBeGreaterThanOrEqual(floor.p1);
      expect(r.recallAt5).toBeGreaterThanOrEqual(floor.r5);
    });
  }

  // The third blind holdout (appeal-court judgment, central-bank statement, situation report), whose gold
  // also says what each passage does. Floors are the after-fix figures (blind and after in README): the
  // ranking, and the relation hint on the passages the source states more weakly, denies or misquotes.
  const THIRD = [
    ['judgment', { p1: 0.81, r5: 1 }],
    ['centralbank', { p1: 0.93, r5: 1 }],
    ['sitrep', { p1: 0.92, r5: 0.92 }],
  ] as const;
  for (const [set, floor] of THIRD) {
    it(`third holdout ${set}: sound, keeps P@1 ≥ ${floor.p1} and Recall@5 ≥ ${floor.r5}, and hints the contradicted and misquoted passages`, () => {
      const { g, src, art } = readSet('tests/fixtures/provenance-holdout3', set);
      expectVerbatim(g, src, art);
      expectEveryVerdict(g);
      const r = evaluateProposals(g, src);
      expect(r.precisionAt1).toBeGreaterThanOrEqual(floor.p1);
      expect(r.recallAt5).toBeGreaterThanOrEqual(floor.r5);
      for (const v of r.verdicts.filter((x) => x.verdict !== 'partial')) expect(v.hinted, v.verdict).toBe(v.claims);
    });
  }

  it('third holdout: hints partial on 10 of the 11 passages that say it more weakly, and on none of the right passages that support their claim (all ten sets)', () => {
    const third = THIRD.map(([set]) => evaluateProposals(readSet('tests/fixtures/provenance-holdout3', set).g, readSet('tests/fixtures/provenance-holdout3', set).src));
    const partial = third.flatMap((r) => r.verdicts.filter((v) => v.verdict === 'partial'));
    expect(partial.reduce((s, v) => s + v.claims, 0)).toBe(11);
    expect(partial.reduce((s, v) => s + v.hinted, 0)).toBeGreaterThanOrEqual(10);
    const all = [
      { g: gold, src: source },
      ...['panel', 'ministry', 'thinktank'].map((set) => readSet('tests/fixtures/provenance-holdout', set)),
      ...SECOND.map(([set]) => readSet('tests/fixtures/provenance-holdout2', set)),
      ...THIRD.map(([set]) => readSet('tests/fixtures/provenance-holdout3', set)),
    ];
    expect(all.reduce((s, { g, src }) => s + evaluateProposals(g, src).supportsButHinted, 0)).toBe(0);
  });

  // The fourth blind holdout (select-committee report, company annual results, NGO prison-inspection release):
  // floors are the after-fix figures (blind and after in README). Built on the open weak spots: a summary or
  // opening sentence sharing the claim's names before the operative sentence, paraphrases with no content word in
  // common, a contradicting sentence after a look-alike that reports someone else's allegation, hedged wording.
  const FOURTH = [
    ['committee', { p1: 0.93, r5: 1 }],
    ['results', { p1: 0.82, r5: 1 }],
    ['prison', { p1: 0.92, r5: 1 }],
  ] as const;
  for (const [set, floor] of FOURTH) {
    it(`fourth holdout ${set}: sound, keeps P@1 ≥ ${floor.p1} and Recall@5 ≥ ${floor.r5}, and hints every misquoted figure it reads as one`, () => {
      const { g, src, art } = readSet('tests/fixtures/provenance-holdout4', set);
      expectVerbatim(g, src, art);
      expectEveryVerdict(g);
      const r = evaluateProposals(g, src);
      expect(r.precisionAt1).toBeGreaterThanOrEqual(floor.p1);
      expect(r.recallAt5).toBeGreaterThanOrEqual(floor.r5);
    });
  }

  it('fourth holdout: hints partial on 6 of the 7 passages that hedge, contradicts on 5 of the 7 that deny, misquoted on all 3 changed figures and years, and flags every claim not in the source', () => {
    const fourth = FOURTH.map(([set]) => {
      const { g, src } = readSet('tests/fixtures/provenance-holdout4', set);
      return evaluateProposals(g, src);
    });
    const sum = verdictTotals(fourth);
    expect(sum('partial', 'claims')).toBe(7);
    expect(sum('partial', 'hinted')).toBeGreaterThanOrEqual(6);
    expect(sum('contradicts', 'claims')).toBe(7);
    expect(sum('contradicts', 'hinted')).toBeGreaterThanOrEqual(5);
    expect(sum('misquoted', 'claims')).toBe(3);
    expect(sum('misquoted', 'hinted')).toBe(3);
    // The weak flag, set on the earlier sets, holds here: every claim the sources do not say has a weak best proposal.
    expect(fourth.flatMap((r) => r.unsupported).filter((u) => !u.weak)).toEqual([]);
  });

  // The fifth blind holdout (UN sanctions monitoring team report, newspaper story). Blind P@1 0.889 · R@5 0.944, hints
  // partial 1/7, misquoted 0/1; after the sixth holdout's fixes (attribution to one party, one changed count, a rate
  // blind to "annual", sign/indication) 1.000 · 1.000, partial 7/7, misquoted 1/1 (README). Floors are the after figures.
  it('fifth holdout monitoring: sound, keeps P@1 = 1 and Recall@5 = 1, every hint, and no hint on a right supporting passage', () => {
    const { g, src, art } = readSet('tests/fixtures/provenance-holdout5', 'monitoring');
    expectVerbatim(g, src, art);
    const r = evaluateProposals(g, src);
    expect(r.precisionAt1).toBe(1);
    expect(r.recallAt5).toBe(1);
    expect(r.supportsButHinted).toBe(0);
    expect(r.unsupported.filter((u) => !u.weak)).toEqual([]);
    const hinted = (verdict: string) => r.verdicts.find((v) => v.verdict === verdict)?.hinted ?? 0;
    expect(hinted('contradicts')).toBe(1);
    expect(hinted('partial')).toBe(7);
    expect(hinted('misquoted')).toBe(1);
  });

  // The sixth blind holdout (UN human rights office report, UN panel of experts report, each with a newspaper story),
  // built on the fifth holdout's gaps: dropped single-source attributions, changed counts beside an agreeing one, a
  // heading "C. Arms embargo" above the passage, claims with no subject. Blind P@1 0.950 / 1.000, R@5 1 / 1; after
  // 1.000 / 1.000 (README). Floors are the after figures.
  const SIXTH = [
    ['ohchr', { p1: 1, r5: 1 }],
    ['experts', { p1: 1, r5: 1 }],
  ] as const;
  for (const [set, floor] of SIXTH) {
    it(`sixth holdout ${set}: sound, keeps P@1 ≥ ${floor.p1} and Recall@5 ≥ ${floor.r5}`, () => {
      const { g, src, art } = readSet('tests/fixtures/provenance-holdout6', set);
      expectVerbatim(g, src, art);
      expectEveryVerdict(g);
      const r = evaluateProposals(g, src);
      expect(r.precisionAt1).toBeGreaterThanOrEqual(floor.p1);
      expect(r.recallAt5).toBeGreaterThanOrEqual(floor.r5);
    });
  }

  it('sixth holdout: hints partial on 10 of the 12 passages that say it more weakly (blind 2; 9 before the seventh holdout\'s witness rule), contradicts on 3 of 3 (blind 2), misquoted on 6 of 7 (blind 4), none on a right supporting passage (blind 1)', () => {
    const sixth = SIXTH.map(([set]) => {
      const { g, src } = readSet('tests/fixtures/provenance-holdout6', set);
      return evaluateProposals(g, src);
    });
    const sum = verdictTotals(sixth);
    expect(sum('partial', 'claims')).toBe(12);
    expect(sum('partial', 'hinted')).toBeGreaterThanOrEqual(10);
    expect(sum('contradicts', 'claims')).toBe(3);
    expect(sum('contradicts', 'hinted')).toBe(3);
    expect(sum('misquoted', 'claims')).toBe(7);
    expect(sum('misquoted', 'hinted')).toBeGreaterThanOrEqual(6);
    expect(sixth.reduce((n, r) => n + r.supportsButHinted, 0)).toBe(0);
  });

  // The seventh blind holdout (invented OCHA situation report on floods, wire story): rounding, a figure the report later
  // revised, a newer count than the table, merged findings, residents' unverified accounts given as the UN's. Blind P@1 1.000,
  // R@5 1.000; hints partial 1/4, contradicts 1/2, misquoted 2/2, none on a right supporting passage. After its fixes (several
  // witnesses' account given as the UN's finding; asked for / refused): partial 2/4, contradicts 2/2 (README). Floors are the after figures.
  it('seventh holdout ocha: sound, keeps P@1 = 1 and Recall@5 = 1, its hints, and no hint on a right supporting passage', () => {
    const { g, src, art } = readSet('tests/fixtures/provenance-holdout7', 'ocha');
    expectVerbatim(g, src, art);
    const r = evaluateProposals(g, src);
    expect(r.precisionAt1).toBe(1);
    expect(r.recallAt5).toBe(1);
    expect(r.supportsButHinted).toBe(0);
    expect(r.unsupported.filter((u) => !u.weak)).toEqual([]);
    const hinted = (verdict: string) => r.verdicts.find((v) => v.verdict === verdict)?.hinted ?? 0;
    expect(hinted('partial')).toBeGreaterThanOrEqual(2);
    expect(hinted('contradicts')).toBe(2);
    expect(hinted('misquoted')).toBe(2);
  });

  it('no hint on any right first passage that supports its claim, across all seventeen plain-text sets', () => {
    const all = [
      { g: gold, src: source },
      ...['panel', 'ministry', 'thinktank'].map((set) => readSet('tests/fixtures/provenance-holdout', set)),
      ...SECOND.map(([set]) => readSet('tests/fixtures/provenance-holdout2', set)),
      ...THIRD.map(([set]) => readSet('tests/fixtures/provenance-holdout3', set)),
      ...FOURTH.map(([set]) => readSet('tests/fixtures/provenance-holdout4', set)),
      readSet('tests/fixtures/provenance-holdout5', 'monitoring'),
      ...SIXTH.map(([set]) => readSet('tests/fixtures/provenance-holdout6', set)),
      readSet('tests/fixtures/provenance-holdout7', 'ocha'),
    ];
    expect(all.reduce((s, { g, src }) => s + evaluateProposals(g, src).supportsButHinted, 0)).toBe(0);
  });

  it('flags as weak the best proposal for every claim a labelled set says its source does not say, and few right ones', () => {
    const sets = [
      { g: gold, src: source },
      ...['panel', 'ministry', 'thinktank'].map((set) => readSet('tests/fixtures/provenance-holdout', set)),
      ...SECOND.map(([set]) => readSet('tests/fixtures/provenance-holdout2', set)),
    ];
    let unsupported = 0;
    let flagged = 0;
    let right = 0;
    let rightButWeak = 0;
    for (const { g, src } of sets) {
      const r = evaluateProposals(g, src);
      unsupported += r.unsupported.length;
      flagged += r.unsupported.filter((u) => u.weak).length;
      right += r.outcomes.filter((o) => o.rank === 1).length;
      rightButWeak += r.rightButWeak;
    }
    expect(unsupported).toBe(21);
    expect(flagged).toBe(unsupported);
    // The price: some right passages are flagged too (14 of 106 when the threshold was set).
    expect(rightButWeak / right).toBeLessThanOrEqual(0.15);
  });

  it('counts a rank, a miss and an accepted alternative', () => {
    const text = 'The group has 2,000 fighters in the east.\nThe weather was mild.\nThe group uses cryptocurrencies to raise funds.';
    const r = evaluateProposals(
      {
        article: 'a',
        source: 's',
        claims: [
          { quote: 'some 2,000 fighters', passage: 'The group has 2,000 fighters in the east.' },
          { quote: 'it raises funds with cryptocurrencies', passage: 'The weather was mild.', also: ['The group uses cryptocurrencies to raise funds.'] },
          { quote: 'the group held 40 hostages', passage: 'The weather was mild.' },
          { quote: 'nothing of the sort', passage: null },
        ],
      },
      text,
    );
    expect(r.outcomes.map((o) => o.rank)).toEqual([1, 1, null, null]);
    expect(r.precisionAt1).toBe(0.667);
    expect(r.recallAt5).toBe(0.667);
    expect(r.unsupported).toHaveLength(1);
  });

  it('reads each verdict: a contradicting passage is ranked like a supporting one and counted as found, hinted or not', () => {
    const text = 'The council approved the budget.\nThe council did not approve the new stadium.';
    const r = evaluateProposals(
      { article: 'a', source: 's', claims: [{ quote: 'the council approved the new stadium', passage: 'The council did not approve the new stadium.', verdict: 'contradicts' }] },
      text,
    );
    expect(r.withPassage).toBe(1);
    expect(r.verdicts).toEqual([{ verdict: 'contradicts', claims: 1, found: 1, cautioned: 1, hinted: 1 }]);
    expect(r.outcomes[0]!.verdict).toBe('contradicts');
  });
});
