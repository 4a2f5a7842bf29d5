import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGS, suggestClaims } from '@/lib/suggest';
import { canonicalFromPlainText, combineReports, evaluateSuggestions, parseGoldSet } from '@/lib/suggest/evaluate';

/**
 * Gold sets in the dev-set layout (gold.json keyed by article file), scored on the default desk
 * (un, intelligence, analyst; "other" expects no tag). The real-article dev set is read from
 * ../shared at run time (never copied here); the targets are tag accuracy ≥ 0.85 with
 * precision and recall ≥ 0.9. Thresholds sit at or a little under what the engine reaches.
 */
const SHARED = process.env.CLAIMDESK_SHARED_DIR ?? path.resolve(process.cwd(), '../shared');

function score(dir: string, tags?: string[]) {
  const set = parseGoldSet(JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')), dir);
  const deskTags = tags ?? set.deskTags ?? [...DEFAULT_TAGS];
  return combineReports(
    set.articles.map((a) => {
      const text = canonicalFromPlainText(readFileSync(path.join(dir, a.file), 'utf8'));
      return evaluateSuggestions(text, a.claims, suggestClaims(text, { tags: deskTags }), { deskTags });
    }),
  );
}

describe('gold sets on the default desk', () => {
  it('synthetic pattern set (our own articles): precision, recall ≥ 0.95, tag accuracy ≥ 0.95', () => {
    const r = score('tests/fixtures/suggest/synthetic');
    expect(r.gold).toBeGreaterThanOrEqual(60);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('synthetic holdout (first run before its fixes: tag accuracy 0.81): precision, recall ≥ 0.95, tag accuracy ≥ 0.9', () => {
    const r = score('tests/fixtures/suggest/synthetic-holdout');
    expect(r.gold).toBeGreaterThanOrEqual(30);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('second synthetic holdout (first run before its fixes: tag accuracy 0.745): precision, recall ≥ 0.95, tag accuracy ≥ 0.9', () => {
    const r = score('tests/fixtures/suggest/synthetic-holdout-2');
    expect(r.gold).toBeGreaterThanOrEqual(55);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('blind probe 3 (first run before its fixes: tag accuracy 0.69): precision, recall ≥ 0.95, tag accuracy ≥ 0.9', () => {
    const r = score('tests/fixtures/suggest/synthetic-probe-3');
    expect(r.gold).toBeGreaterThanOrEqual(29);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('blind probe 4 (first run before its fixes: tag accuracy 0.795): precision, recall ≥ 0.95, tag accuracy ≥ 0.95', () => {
    const r = score('tests/fixtures/suggest/synthetic-probe-4');
    expect(r.gold).toBeGreaterThanOrEqual(44);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('blind probe 5 (first run before its fixes: tag accuracy 0.72): precision, recall ≥ 0.95, tag accuracy ≥ 0.95', () => {
    const r = score('tests/fixtures/suggest/synthetic-probe-5');
    expect(r.gold).toBeGreaterThanOrEqual(50);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  // Probes 6–14 label official, media and unattributed claims, so a desk with those tags is scored on them too.
  const WIDE_DESK = ['un', 'intelligence', 'analyst', 'official', 'media', 'unattributed'];
  const widelyLabelled = [
    { title: 'blind probe 6 (first run before its fixes: tag accuracy 0.72, wide desk 0.52)', probe: 6, gold: 108, wide: 0.9 },
    { title: 'blind probe 7 (post-fix check, first run: tag accuracy 0.70, wide desk 0.60)', probe: 7, gold: 31, wide: 0.85 },
    { title: 'blind probe 8 (new styles; first run: tag accuracy 0.868, wide desk 0.698)', probe: 8, gold: 106, wide: 0.9 },
    { title: 'blind probe 9 (post-fix check of probe 8; first run: tag accuracy 0.829, wide desk 0.600)', probe: 9, gold: 35, wide: 0.9 },
    { title: 'blind probe 10 (wire brief, transcript, described sources; first run: precision 0.932, tag accuracy 0.739, wide desk 0.580)', probe: 10, gold: 69, wide: 0.95 },
    { title: 'blind probe 11 (Q&A interview, council report sourced by "traders told us", explainer with reporter\'s asides; first run: precision 0.958, recall 0.944, tag accuracy 0.750, wide desk 0.588)', probe: 11, gold: 72, wide: 0.95 },
    { title: 'blind probe 12 (Pakistani daily, Indian daily on the UN Monitoring Team, wire translated from Arabic; first run: precision 0.985, tag accuracy 0.896, wide desk 0.716)', probe: 12, gold: 67, wide: 0.95 },
  ];
  for (const set of widelyLabelled) {
    it(`${set.title}: precision, recall ≥ 0.95, tag accuracy ≥ 0.95, wide desk ≥ ${set.wide}`, () => {
      const dir = `tests/fixtures/suggest/synthetic-probe-${set.probe}`;
      const r = score(dir);
      expect(r.gold).toBeGreaterThanOrEqual(set.gold);
      expect(r.precision).toBeGreaterThanOrEqual(0.95);
      expect(r.recall).toBeGreaterThanOrEqual(0.95);
      expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
      expect(score(dir, WIDE_DESK).tagAccuracy).toBeGreaterThanOrEqual(set.wide);
    });
  }

  // Probe 13 was recorded at its blind figures, then its gaps were fixed (the columnist's evaluative sentences after a UN
  // report read as the report). Its residents stay wrong on the wide desk: it labels them unattributed, where probe 11 and the
  // lexicon have private people and witnesses expect no tag without a witness tag.
  it('blind probe 13 (op-ed column mixing opinion with UN/intelligence sources, wire on an army statement; first run: tag accuracy 0.900, wide desk 0.850; after its fixes 1.00, wide 0.950): precision, recall ≥ 0.95, tag accuracy ≥ 0.95, wide desk ≥ 0.95', () => {
    const dir = 'tests/fixtures/suggest/synthetic-probe-13';
    const r = score(dir);
    expect(r.gold).toBeGreaterThanOrEqual(20);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score(dir, WIDE_DESK).tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  // Probe 14 labels its witnesses 'witness', so it is also scored on a wide desk that has that tag.
  it('blind probe 14 (editorial, first-person think-tank analysis, live blog; first run: precision 0.942, recall 0.980, tag accuracy 0.959, wide desk 0.918, with a witness tag 0.918; after its fixes 1.00 / 1.00 / 0.980, wide 0.960, with a witness tag 0.960): precision, recall ≥ 0.95, tag accuracy ≥ 0.95, wide desk ≥ 0.95 (also with a witness tag)', () => {
    const dir = 'tests/fixtures/suggest/synthetic-probe-14';
    const r = score(dir);
    expect(r.gold).toBeGreaterThanOrEqual(50);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score(dir, WIDE_DESK).tagAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score(dir, [...WIDE_DESK, 'witness']).tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  // Probe 15 (explainer Q&A, fact-check, court report) was committed with its blind figures before any engine change for it.
  // On the wide desk the fact-check's viral post and the sentence describing it stay wrong.
  it('blind probe 15 (wire Q&A explainer, fact-check, arms-embargo trial; first run: precision 1.00, recall 0.978, tag accuracy 0.841, wide desk 0.795, with a witness tag 0.795; after its fixes 1.00 / 1.00 / 1.00, wide 0.956, with a witness tag 0.956): precision, recall ≥ 0.95, tag accuracy ≥ 0.95, wide desk ≥ 0.95 (also with a witness tag)', () => {
    const dir = 'tests/fixtures/suggest/synthetic-probe-15';
    const r = score(dir);
    expect(r.gold).toBeGreaterThanOrEqual(45);
    expect(r.precision).toBeGreaterThanOrEqual(0.95);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score(dir, WIDE_DESK).tagAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(score(dir, [...WIDE_DESK, 'witness']).tagAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  const dev = path.join(SHARED, 'eval/attribution-dev');
  it.runIf(existsSync(path.join(dev, 'gold.json')))('real-article dev set (../shared): precision, recall ≥ 0.9, tag accuracy ≥ 0.85 (issue targets)', () => {
    const r = score(dev);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.tagAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(r.tagAccuracyStrict).toBeGreaterThanOrEqual(0.8);
  });
});
