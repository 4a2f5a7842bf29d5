import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGS, suggestClaims } from '@/lib/suggest';
import { canonicalFromPlainText, evaluateSuggestions, type GoldFile } from '@/lib/suggest/evaluate';

/**
 * Gold-labelled articles. The UN article was labelled before the engine existed but the engine
 * was developed while reading it, so its score is optimistic. The second and third were written
 * and labelled before the engine ran on them; the holdout was written after the engine was done
 * (one generic fix, organisation head nouns, followed). Thresholds sit a little under what the
 * engine reaches so regressions fail.
 */
const CASES = [
  // [name, min precision, min recall, min tag accuracy] — reached: 1 / 1 / 1, except holdout tags 0.667
  ['un-article', 0.95, 0.95, 0.95],
  ['second-article', 0.9, 0.9, 0.9],
  ['third-article', 0.85, 0.85, 0.85],
  ['holdout-article', 0.85, 0.85, 0.6],
] as const;

describe('gold articles', () => {
  it.each(CASES)('%s reaches precision ≥ %s, recall ≥ %s, tag accuracy ≥ %s', (name, p, r, t) => {
    const text = canonicalFromPlainText(readFileSync(`tests/fixtures/suggest/${name}.txt`, 'utf8'));
    const gold = JSON.parse(readFileSync(`tests/fixtures/suggest/${name}.gold.json`, 'utf8')) as GoldFile;
    const tags = [...new Set([...DEFAULT_TAGS, ...gold.claims.map((c) => c.label)])];
    const report = evaluateSuggestions(text, gold.claims, suggestClaims(text, { tags }));
    expect(report.precision).toBeGreaterThanOrEqual(p);
    expect(report.recall).toBeGreaterThanOrEqual(r);
    expect(report.tagAccuracy).toBeGreaterThanOrEqual(t);
  });

  it('the default desk (un, intelligence, analyst) gets null rather than a wrong tag for other sources', () => {
    const text = canonicalFromPlainText(readFileSync('tests/fixtures/suggest/second-article.txt', 'utf8'));
    const out = suggestClaims(text);
    const officials = out.find((s) => s.exact.startsWith('Officials said'));
    expect(officials?.tag).toBeNull();
    expect(out.filter((s) => s.tag !== null).every((s) => DEFAULT_TAGS.includes(s.tag ?? ''))).toBe(true);
  });
});
