// What the fifth holdout (tests/fixtures/matching-holdout-5, a cholera outbreak and a fuel crisis)
// and the fourth's leftovers found unread: what a figure measures, money of different things, a year
// on one side only against the other article's date, a body's acronym against its description, a
// common noun opening both sentences, frozen / halted / put on hold as one suspension, and one
// figure's buckets crowding out the lookup. Each case is the phenomenon with names of its own, not a
// sentence of a gold set.
import { describe, expect, it } from 'vitest';
import { acronymFitsDescription } from '@/lib/matching/find-entities';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { matchKeysOf } from '@/lib/matching/match-keys';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';
import { selectQueryKeys } from '@/lib/matching/select-query-keys';
import { fromStoredFeatures, toStoredFeatures } from '@/lib/matching/stored-features';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));
const dated = (text: string, articleYear: number) => ({ ...features(text), articleYear });

describe('what a figure measures', () => {
  it('tells the same change of another quantity apart (prices vs exports, traffic vs imports, sales vs prices)', () => {
    const r = match('Cobalt prices doubled in the second quarter.', 'Cobalt exports doubled in the second quarter.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.signals.measureConflict).toBe(true);
    expect(r.reason).toContain('different quantities (price vs exports)');
    expect(match('Passenger traffic at Lumen airport fell 30% in May.', 'Grain shipments into Lumen fell 30% in May.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('Petrol sales in Kessa have doubled since spring.', 'The price of petrol in Kessa has doubled since spring.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('keeps restatements of one quantity (shipments are imports or exports; price of X = X prices; bills and tariffs are prices)', () => {
    expect(match('Cobalt exports doubled in the second quarter.', 'Shipments of cobalt rose 100% in the April-June quarter.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Wheat imports into Lumen fell 30% in May.', 'Shipments of wheat arriving in Lumen dropped 30 per cent in May.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Gas bills went up by a fifth on 1 March.', 'A 20 per cent increase in gas tariffs took effect in March.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('The price of petrol in Kessa has doubled since spring.', 'Petrol prices in Kessa are up 100% since spring.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('tells one measure of different goods apart, unless either claim speaks of the other good', () => {
    const r = match('Water tariffs in Kessa rose 15% in June.', 'Electricity tariffs in Kessa rose 15% in June.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('water price vs electricity price');
    // "power" is electricity.
    expect(match('Power tariffs in Kessa rose 15% in June.', 'Electricity tariffs in Kessa rose 15% in June.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Silent on what: the same quantity.
    expect(match('Tariffs in Kessa rose 15% in June.', 'Electricity tariffs in Kessa rose 15% in June.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('knows what money counts: debt vs reserves, owed vs set aside for subsidies, a grant vs money spent on imports', () => {
    expect(match('Velmora must repay $2.8bn of foreign debt next year.', 'Velmora’s foreign reserves fell to $2.8bn in June.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The state railway owes $90m to steel suppliers.', 'The Treasury set aside $90m for rail subsidies this year.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The Asian Fund froze a $75m grant for Velmora’s clinics.', 'Velmora spent $75m on grain imports in May.').score).toBeLessThan(MATCH_THRESHOLD);
    // "unpaid bills" are debt, not prices.
    expect(features('The railway’s unpaid bills to steel suppliers reached $90 million.').measures).toEqual({ debt: [] });
    expect(match('The state railway owes $90m to steel suppliers.', 'The railway’s unpaid bills to steel suppliers reached $90 million.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not take a name for what is measured ("Velmora’s reserves")', () => {
    expect(features('Reserves held by Velmora’s central bank fell to $2.8bn.').measures).toEqual({ reserves: [] });
    expect(features('The price of cobalt rose.').measures).toEqual({ price: ['cobalt'] });
  });
});

describe('a year on one side only, against the other article’s date', () => {
  const old = 'Unemployment last reached 11% in 2018.';
  const now = 'Unemployment rose to 11 per cent in the year to March.';

  it('pulls an event dated years before the undated claim’s article below the line', () => {
    const r = scoreClaimMatch(dated(old, 2025), dated(now, 2025));
    expect(r.signals.undatedYearConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('a year on one side only (2018; the other\'s article is from 2025)');
    // Without the articles' dates nothing is known.
    expect(scoreClaimMatch(features(old), features(now)).signals.undatedYearConflict).toBe(false);
  });

  it('keeps a claim dated in the article’s own year (or the one before), and a year a span starts from', () => {
    expect(scoreClaimMatch(dated('Unemployment rose to 11% in March 2025.', 2025), dated(now, 2025)).signals.undatedYearConflict).toBe(false);
    expect(scoreClaimMatch(dated('Unemployment rose to 11% in December 2024.', 2025), dated(now, 2025)).signals.undatedYearConflict).toBe(false);
    const since = dated('Hale, who had led the port authority since 2019, resigned this week.', 2025);
    expect(since.startYears).toEqual([2019]);
    const r = scoreClaimMatch(since, dated('The head of the port authority, Mira Hale, quit on Monday.', 2025));
    expect(r.signals.undatedYearConflict).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('a body’s acronym and its description', () => {
  it('fits an acronym to "<place>’s … <body>" by the body’s word and the place or the word before it', () => {
    expect(acronymFitsDescription('nbv', 'desc:v:cb')).toBe(true); // the NBV, Velmora's central bank (National Bank of Velmora)
    expect(acronymFitsDescription('kpa', 'desc:k:pa')).toBe(true); // the KPA, Kessa's port authority
    expect(acronymFitsDescription('nhi', 'desc:v:phi')).toBe(true); // the NHI, Velmora's public health institute
    expect(acronymFitsDescription('tuc', 'desc:v:cb')).toBe(false);
    expect(acronymFitsDescription('nbvxyz', 'desc:v:cb')).toBe(false);
  });

  it('matches the acronym in one claim with the description in the other as one actor', () => {
    const r = match('The KPA closed the grain terminal at Lumen on Monday after a fire.', 'Kessa’s port authority shut Lumen’s grain terminal following a blaze on Monday.');
    expect(r.reason).toContain('same actors KPA');
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('leaves a description nothing fits out of the actors ("Kessa’s army")', () => {
    const r = match('Kessa’s army and the rebels agreed a truce on Friday.', 'The government and the rebels agreed a truce on Friday.');
    expect(r.signals.entities).toBe(0);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('names, wording and states', () => {
  it('does not count a common noun both claims open with as a shared name', () => {
    const r = match('Pumps at the harbour were switched off on Sunday to save diesel.', 'Pumps at Lumen’s main clinic ran dry on Sunday.');
    expect(r.reason).not.toContain('same actors Pumps');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    // A name one claim gives inside a sentence still counts when the other opens with it.
    expect(match('Lumen was shelled again on Sunday, residents said.', 'Rebels shelled the port town of Lumen on Sunday.').reason).toContain('same actors Lumen');
  });

  it('reads frozen, halted, paused and "put on hold" as a suspension, and "began" against it', () => {
    expect(match('The Asian Fund suspended its loan to Velmora on Monday.', 'The Asian Fund froze its loan to Velmora on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('UNICEF has halted its immunisation drive in Kessa.', 'A vaccination campaign run by the United Nations Children’s Fund in Kessa has been put on hold.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const r = match('UNICEF began vaccinating children in Kessa on Monday.', 'UNICEF suspended its vaccination campaign in Kessa on Monday.');
    expect(r.signals.stateConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads a minister’s portfolio as a title and "quit" as resigned', () => {
    expect(features('Health Minister Mira Hale resigned on Monday.').entityIds).toEqual(features('Mira Hale resigned on Monday.').entityIds);
    expect(match('Health Minister Mira Hale resigned on Monday.', 'The health minister, Mira Hale, quit on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('figures told in other words', () => {
  it('reads "twice what" and "twice as … as" as a doubling, not "twice the national average" nor "visited twice"', () => {
    expect(features('Petrol now costs twice what it did in spring.').quantities.map((q) => [q.kind, q.lo, q.unit])).toEqual([['percent', 100, 'change']]);
    expect(match('Petrol now costs twice what it did in spring.', 'The price of petrol has doubled since spring.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(features('Rents in Lumen are twice the national average.').quantities).toEqual([]);
    expect(features('The envoy visited Lumen twice in May.').quantities).toEqual([]);
  });

  it('ends what a figure counts at a preposition after its own noun ("38,000 people from their homes" counts people)', () => {
    expect(features('The storm drove 12,000 people from their homes in Kessa.').quantities[0].unit).toBe('?peopl');
    expect(match('The storm drove 12,000 people from their homes in Kessa.', 'Some 12,000 residents of Kessa were forced from their homes by the storm.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Without a noun of its own the figure still reaches the unit past the words between.
    expect(features('The storm destroyed 1,200 of the homes in Kessa.').quantities[0].unit).toBe('houses');
  });
});

describe('lookup and storage', () => {
  it('spends one lookup slot on one figure’s buckets, so a later clue is still looked up', () => {
    const keys = matchKeysOf(features('Cobalt exports doubled in the second quarter.')).keys;
    const buckets = keys.filter((k) => k.startsWith('p:'));
    expect(buckets.length).toBeGreaterThan(8);
    const freq = { total: 1000, df: new Map(keys.map((k) => [k, k.startsWith('p:') ? 2 : 5])) };
    const q = selectQueryKeys(keys, freq);
    expect(q.lookup).toEqual(expect.arrayContaining([...buckets, 't:cobalt']));
  });

  it('stores what the scorer reads now (measures, start years, initials, sentence openings)', () => {
    const f = features('The KPA said Lumen’s fuel imports have fallen 30% since 2024.');
    const back = fromStoredFeatures(JSON.parse(JSON.stringify(toStoredFeatures({ ...f, articleYear: 2025 }))));
    expect(back.measures).toEqual(f.measures);
    expect(back.startYears).toEqual([2024]);
    expect(back.entities.find((e) => e.id === 'name:kpa')?.initials).toBe(true);
    expect(back.articleYear).toBeUndefined();
    const opening = fromStoredFeatures(JSON.parse(JSON.stringify(toStoredFeatures(features('Pumps at the harbour were switched off.')))));
    expect(opening.entities[0]).toMatchObject({ tentative: true, opening: true });
  });
});
