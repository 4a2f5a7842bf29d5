import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const score = (a: string, b: string) => scoreClaimMatch(extractClaimFeatures(a), extractClaimFeatures(b));

describe('scoreClaimMatch', () => {
  it('matches restatements of one estimate and says why', () => {
    const r = score(
      'The Monitoring Team estimates TTP’s strength at approximately 6,000-6,500 fighters in Afghanistan.',
      'Tehreek-e-Taliban Pakistan has between six thousand and six and a half thousand fighters based in Afghanistan, the UN said.',
    );
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(r.reason).toContain('same figures about 6,000–6,500');
    expect(r.reason).toMatch(/same actors .*TTP/);
    expect(score('around 6,000 TTP fighters are in Afghanistan', 'the TTP has 6,000-6,500 fighters in Afghanistan').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score('more than 6,000 TTP militants are in Afghanistan', 'the TTP has 6,000-6,500 fighters in Afghanistan').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not match the same words with other figures or years', () => {
    const r = score('Pakistan recorded 573 militant attacks in 2021.', 'Pakistan recorded 1,203 militant attacks in 2023.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('different figures 573 vs 1,203');
    expect(r.reason).toContain('different years 2021 vs 2023');
    expect(score('The TTP carried out 600 attacks in 2024.', 'The TTP carried out 600 attacks in 2023.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(score('The TTP has 4,000 to 6,500 fighters.', 'The TTP has 6,000 to 6,500 fighters.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('does not match an opposite direction or a one-sided negation', () => {
    const dir = score('Civilian deaths rose by 12 percent in 2024.', 'Civilian deaths fell by 12 percent in 2024.');
    expect(dir.score).toBeLessThan(MATCH_THRESHOLD);
    expect(dir.reason).toContain('opposite direction (rose vs fell)');
    const neg = score('The Taliban give the TTP logistical support.', 'The Taliban do not give the TTP logistical support.');
    expect(neg.score).toBeLessThan(MATCH_THRESHOLD);
    expect(neg.reason).toContain('negated on one side only ("not")');
    // "not only" does not negate.
    expect(extractClaimFeatures('The TTP not only attacks police but also soldiers').negations).toEqual([]);
  });

  it('does not match another actor with the same wording, or the same number counting something else', () => {
    const r = score('IS-K has around 2,000 fighters in Afghanistan.', 'The TTP has around 2,000 fighters in Afghanistan.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('different actors IS-K vs TTP');
    expect(score('12 soldiers were killed in the Bannu attack.', '12 militants were killed after the Bannu attack.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('gives a symmetric verdict within rounding and stays in 0..1', () => {
    const a = 'Islamic State Khorasan Province has around 2,000 fighters';
    const b = 'ISKP can field approximately 2,000 combatants';
    const ab = score(a, b).score;
    expect(ab).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(Math.abs(ab - score(b, a).score)).toBeLessThan(0.05);
    expect(score('', '').score).toBe(0);
    expect(score(a, a).score).toBeLessThanOrEqual(1);
  });
});
