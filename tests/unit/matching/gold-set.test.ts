// The pure matcher (every claim scored against every other, no database) on the synthetic gold set
// meets the targets. The database path is measured by `npm run eval:matching`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaimFeatures, matchKeysOf, rankCandidates } from '@/lib/matching';
import { evaluateMatching, goldClaims, matchingGoldSchema, type Ranking } from '@/lib/matching/evaluate-matching';
import { canonicalFromPlainText } from '@/lib/suggest/evaluate';

const dir = path.join(process.cwd(), 'tests/fixtures/matching');
const gold = matchingGoldSchema.parse(JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')));
const claims = goldClaims(gold).map((c) => ({ ...c, features: extractClaimFeatures(c.quote) }));

describe.each(['matching-holdout', 'matching-holdout-2', 'matching-holdout-3', 'matching-holdout-4', 'matching-holdout-5', 'matching-holdout-6', 'matching-holdout-7', 'matching-holdout-8', 'matching-holdout-9', 'matching-holdout-10', 'matching-holdout-11', 'matching-holdout-12'])('holdout gold set %s', (name) => {
  // Written apart from the matcher: only its well-formedness is checked here; its figures are
  // measured by `npm run eval:matching -- <its folder> <its gold.json>`.
  it('every quote occurs in its article', () => {
    const hold = path.join(process.cwd(), 'tests/fixtures', name);
    const g = matchingGoldSchema.parse(JSON.parse(readFileSync(path.join(hold, 'gold.json'), 'utf8')));
    const texts = new Map(readdirSync(path.join(hold, 'articles')).map((f) => [f, canonicalFromPlainText(readFileSync(path.join(hold, 'articles', f), 'utf8'))]));
    for (const c of goldClaims(g)) expect(texts.get(c.file), c.file).toContain(c.quote);
    expect(g.groups.length).toBeGreaterThanOrEqual(7);
    expect(g.mustNotMatch.length).toBeGreaterThanOrEqual(12);
  });
});

describe('gold set', () => {
  it('every quote occurs in its article', () => {
    const texts = new Map(readdirSync(path.join(dir, 'articles')).map((f) => [f, canonicalFromPlainText(readFileSync(path.join(dir, 'articles', f), 'utf8'))]));
    for (const c of claims) expect(texts.get(c.file), c.file).toContain(c.quote);
  });

  it('meets R@5 ≥ 0.9, MAP@5 ≥ 0.8 and ≤ 5% false matches', () => {
    const rankings = new Map<string, Ranking>();
    for (const q of claims) {
      const others = claims.filter((c) => c.file !== q.file).map((c) => ({ item: c, id: c.key, features: c.features }));
      rankings.set(q.key, rankCandidates(q.features, others).map((m) => ({ key: m.id, score: m.score, reason: m.reason })));
    }
    const report = evaluateMatching(gold, rankings);
    expect(report.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(report.map5).toBeGreaterThanOrEqual(0.8);
    expect(report.falseMatchRate).toBeLessThanOrEqual(0.05);
  });

  it('agreeing figures always share a stored key (the index never hides a match the scorer would find)', () => {
    for (const g of gold.groups) {
      for (const a of g.claims) {
        for (const b of g.claims) {
          const fa = extractClaimFeatures(a.quote);
          const fb = extractClaimFeatures(b.quote);
          const ka = matchKeysOf(fa).keys.filter((k) => !k.startsWith('e:'));
          const kb = new Set(matchKeysOf(fb).keys.filter((k) => !k.startsWith('e:')));
          if (fa.quantities.length && fb.quantities.length && ka.length && kb.size) {
            const r = rankCandidates(fa, [{ item: b, id: 'b', features: fb }], { threshold: 0 })[0];
            if (r.signals.figures !== null && r.signals.figures > 0) expect(ka.some((k) => kb.has(k)), `${a.quote} / ${b.quote}`).toBe(true);
          }
        }
      }
    }
  });
});
