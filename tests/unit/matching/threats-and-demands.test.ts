// What the seventh holdout (tests/fixtures/matching-holdout-7, a ransomware story) found unread: a
// threat, a demand or a party's own claim read as the deed itself. Each case is the phenomenon with
// names of its own, not a sentence of the gold set.
import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));

describe('threats, demands and claims against the deed', () => {
  it('does not match a threat to leak files with the leak', () => {
    const r = match('In a post on its site, the Ostrel gang threatened to release 300 gigabytes of Varn Bank files unless paid.', 'The Ostrel gang has released some 300GB of Varn Bank files.');
    expect(r.signals.forecastMismatch).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    // The threat costs the pair more than half its score: word for word the same otherwise, it still
    // reaches the threshold (a known limit: the forecast factor is one multiplier among the wording's).
    const same = match('The Ostrel gang released 300 gigabytes of Varn Bank files.', 'The Ostrel gang released 300 gigabytes of Varn Bank files.').score;
    expect(match('The Ostrel gang threatened to release 300 gigabytes of Varn Bank files.', 'The Ostrel gang released 300 gigabytes of Varn Bank files.').score).toBeLessThan(same * 0.55);
  });

  it('does not match a ransom demanded with a ransom paid', () => {
    const r = match('The Ostrel gang demanded $3 million from Varn Bank.', 'Varn Bank paid the Ostrel gang $3 million.');
    expect(r.signals.forecastMismatch).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('still matches one demand told in other words', () => {
    const demanded = 'The Ostrel gang demanded $3 million from Varn Bank.';
    for (const other of ['The Ostrel gang asked Varn Bank for $3m.', 'The Ostrel gang is seeking three million dollars from Varn Bank.', 'The Ostrel gang appealed for $3 million from Varn Bank.']) {
      const r = match(demanded, other);
      expect(r.signals.forecastMismatch, other).toBe(false);
      expect(r.score, other).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    }
  });

  it("does not match a party's claim to hold data with the data taken", () => {
    expect(features('The gang claims to hold records of 800,000 Varn Bank clients.').forecast).toBe('claims to');
    const r = match('The gang claims to hold records of 800,000 Varn Bank clients.', 'Records of 800,000 Varn Bank clients were stolen.');
    expect(r.signals.forecastMismatch).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads no demand in a question put, an appeal against a verdict or a claim of responsibility', () => {
    expect(features('Asked about the 800,000 records, Varn Bank said nothing.').forecast).toBeNull();
    expect(features('Varn Bank was asked whether 800,000 records were taken.').forecast).toBeNull();
    expect(features('Korvin appealed the verdict in March.').forecast).toBeNull();
    expect(features('The Ostrel gang claimed responsibility for the attack on Varn Bank.').forecast).toBeNull();
  });
});

describe('a year told relative to the article', () => {
  const dated = (text: string, articleYear: number) => ({ ...features(text), articleYear });

  it('reads "this year" and "last year"', () => {
    expect(features('The agency has logged 45 breaches so far this year.').relativeYear).toBe(0);
    expect(features("Last year's tally of 45 breaches was a record.").relativeYear).toBe(-1);
    expect(features('The agency has logged 45 breaches.').relativeYear).toBeNull();
  });

  it('does not match a figure for the year before with one "so far this year"', () => {
    const thisYear = dated('The Corvane data agency has logged 45 breaches so far this year.', 2027);
    const r = scoreClaimMatch(dated('The Corvane data agency logged 45 breaches in 2026.', 2027), thisYear);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('a year on one side only (2026');
    // An undated claim still speaks of about its article's date, the year before included.
    expect(scoreClaimMatch(dated('The Corvane data agency logged 45 breaches in 2026.', 2027), dated('The Corvane data agency has logged 45 breaches.', 2027)).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // "last year" is read, but keeps the "about then" window: it agrees with the year before named.
    expect(scoreClaimMatch(dated('The Corvane data agency logged 45 breaches in 2026.', 2027), dated('The Corvane data agency logged 45 breaches last year.', 2027)).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('where it happened', () => {
  it('does not match the same arrests told in two different places', () => {
    const r = match('Police in Marrowgate detained three men over the Varn Bank leak.', 'Three men were detained in Carrick Bay over the Varn Bank leak.');
    expect(r.signals.placeConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('different places Marrowgate vs Carrick Bay');
  });

  it('costs nothing when the place is told on one side only or named otherwise on the other', () => {
    expect(match('Police in Marrowgate detained three men over the Varn Bank leak.', 'Three men were detained over the Varn Bank leak.').signals.placeConflict).toBe(false);
    const r = match('Police in Marrowgate detained three men over the Varn Bank leak.', 'Marrowgate police detained three men in Carrick Bay over the Varn Bank leak.');
    expect(r.signals.placeConflict).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('ages in pairs', () => {
  it('reads "aged 31 and 44" as two ages, no figure of the claim', () => {
    expect(features('Police detained three women, aged 31 and 44, in Marrowgate.').quantities.map((q) => q.lo)).toEqual([3]);
  });
});
