// What the fourth holdout (tests/fixtures/matching-holdout-4, an economy and sanctions story) found
// unread: percentages in words with a half, changes told as multiples or as a lost share of value,
// directions of rates, a forecast against an outcome, a decision approved vs suspended, a phrase
// telling a state. Each case is the phenomenon with names of its own, not a sentence of the gold set.
import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));
const figures = (text: string) => features(text).quantities.map((q) => ({ kind: q.kind, lo: q.lo, unit: q.unit }));

describe('figures of the economy beat', () => {
  it('reads "and a half per cent" as a percentage with its half', () => {
    expect(figures('Wages in Tarnia rose seven and a half per cent last year.')).toEqual([{ kind: 'percent', lo: 7.5, unit: 'change' }]);
    expect(match('Wages in Tarnia rose seven and a half per cent in 2023.', 'Tarnian wages increased 7.5% in 2023.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('reads "doubled" and "halved" as changes of 100% and 50%', () => {
    expect(figures('Copper exports from Tarnia doubled in 2023.')).toEqual([{ kind: 'percent', lo: 100, unit: 'change' }]);
    expect(figures('Copper exports from Tarnia halved in 2023.')).toEqual([{ kind: 'percent', lo: 50, unit: 'change' }]);
    expect(match('Copper exports from Tarnia doubled in 2023.', 'Tarnian copper exports rose 100% in 2023.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Copper exports from Tarnia halved in 2023.', 'Tarnian copper exports rose 50% in 2023.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads "lost a quarter of its value" as a fall of 25%, not a share', () => {
    expect(figures('The dinar lost a quarter of its value against the euro.')).toEqual([{ kind: 'percent', lo: 25, unit: 'change' }]);
    expect(match('The dinar lost a quarter of its value against the euro in 2024.', 'The dinar fell 25% against the euro in 2024.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // A share of something else stays a share.
    expect(figures('A quarter of its exports go to Tarnia.')[0].unit).toBe('share');
  });

  it('reads raised and cut as directions of a rate, and borrowing costs as the rate', () => {
    expect(features('The Tarnian central bank raised rates to 9%.').direction).toBe('up');
    expect(features('The Tarnian central bank cut rates to 9%.').direction).toBe('down');
    const r = match('The Tarnian central bank cut its key rate by one percentage point.', 'The Tarnian central bank raised its key rate by one percentage point.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(features('Tarnia hiked borrowing costs to 9%.').terms).toContain('rate');
  });

  it('does not read an office as soldiers', () => {
    expect(features('The census office in Tarnia said so.').terms).not.toContain('soldier');
  });
});

describe('forecasts, decisions and phrases of state', () => {
  it('does not match a forecast with the outcome it predicted', () => {
    const r = match('The World Bank had forecast growth of 2.5% for Tarnia in 2023.', 'The Tarnian economy grew 2.5% in 2023.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.signals.forecastMismatch).toBe(true);
    expect(r.reason).toContain('a forecast on one side only ("forecast")');
    expect(match('The World Bank expects growth of 2.5% in Tarnia in 2026.', 'The World Bank forecasts 2.5% growth for Tarnia in 2026.').signals.forecastMismatch).toBe(false);
  });

  it('does not match a loan approved with the same loan suspended or frozen', () => {
    const approved = 'The Tarnia Development Fund approved a $300m loan to the port authority.';
    expect(match(approved, 'The Tarnia Development Fund suspended the $300m loan to the port authority.').signals.stateConflict).toBe(true);
    expect(match(approved, 'The Tarnia Development Fund suspended the $300m loan to the port authority.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match(approved, 'The $300m loan to the port authority was frozen by the Tarnia Development Fund.').score).toBeLessThan(MATCH_THRESHOLD);
    // "suspended" still tells a service cut against its restoration.
    expect(match('Rail services in Tarnia were suspended on Monday.', 'Rail services in Tarnia were restored on Monday.').signals.stateConflict).toBe(true);
  });

  it('reads "stepped down" as resigned: opposite of appointed', () => {
    const r = match('Trade Minister Oda Brel stepped down on Monday.', 'Trade Minister Oda Brel was appointed on Monday.');
    expect(r.signals.stateConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('bodies of a place and short names', () => {
  it('knows "the Central Bank of Tarnia" by its initials, and keeps Tarnia a name of its own', () => {
    const ids = features('The Central Bank of Tarnia raised its key rate to 9%.').entityIds;
    expect(ids).toContain('name:cbt');
    expect(ids).toContain('name:trn');
    expect(match('The CBT raised its key rate to 9% on Monday.', 'The Central Bank of Tarnia raised its key rate to 9% on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Two capitalised words are too few for initials ("Bank of Tarnia" is not "BT").
    expect(features('The Bank of Tarnia raised its key rate.').entityIds).not.toContain('name:bt');
  });

  it('reads a short surname alone ("Moor stepped down") as the full name on the other side', () => {
    const r = match('Trade Minister Ada Moor resigned on Monday.', 'Moor stepped down as trade minister on Monday.');
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(r.reason).toMatch(/same actors [^;]*Ada Moor/);
  });

  it('does not let a short name the other claim never mentions count against a match', () => {
    const a = features('Talks on the grain deal were held in Oda on Sunday, officials said.');
    expect(a.entities.find((e) => e.id === 'name:oda')?.tentative).toBe(true);
  });
});

describe('months', () => {
  it('does not match the same figure in another month', () => {
    const r = match('Unemployment in Tarnia stood at 8.2% in April, the census office said.', 'Unemployment in Tarnia was 8.2% in July.');
    expect(r.signals.monthConflict).toBe(true);
    expect(r.reason).toContain('different months April vs July');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('matches the same month, and a month on one side only costs nothing', () => {
    expect(match('Unemployment in Tarnia stood at 8.2% in April.', 'Tarnian unemployment was 8.2 per cent in April.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Unemployment in Tarnia stood at 8.2% in April.', 'Tarnian unemployment was 8.2 per cent.').signals.monthConflict).toBe(false);
  });

  it('reads no month from "May" opening a sentence or a lowercase "march"', () => {
    expect(features('May brought no relief: unemployment in Tarnia rose.').months).toEqual([]);
    expect(features('Thousands joined the march in Tarnia.').months).toEqual([]);
    expect(features('Prices rose in May and June.').months).toEqual([5, 6]);
  });
});

describe('forecast words that are also nouns', () => {
  it('does not read "projects" (building projects) as a forecast', () => {
    expect(features('The group attacked Chinese-linked projects in Tarnia in 2024.').forecast).toBeNull();
    expect(features('The ministry projected growth of 3% in Tarnia.').forecast).toBe('projected');
  });
});
