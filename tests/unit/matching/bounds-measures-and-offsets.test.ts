// What the ninth holdout (tests/fixtures/matching-holdout-9, a wildfire) found unread: "not less than"
// read as "less than", a lower and an upper bound taken to agree at their shared figure, tonnes,
// hectares and km/h read as counts of nothing, "four hours after" dropped as a date, a spokesman's own
// deed read as his principal's, "allowed back" and "remanded" unread as states.
// Each case is the phenomenon with names of its own, not a sentence of the gold set.
import { describe, expect, it } from 'vitest';
import { figuresAgree } from '@/lib/matching/compare-figures';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { formatQuantity } from '@/lib/matching/format-quantity';
import { matchKeysOf } from '@/lib/matching/match-keys';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';
import { fromStoredFeatures, toStoredFeatures } from '@/lib/matching/stored-features';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));

describe('bounds', () => {
  it('reads "not less than" and "not fewer than" as a lower bound, not a denial', () => {
    for (const text of ['Not less than 40 shops were looted on Harrow Street.', 'Looters emptied not fewer than 40 shops on Harrow Street.']) {
      const f = features(text);
      expect(f.negations, text).toEqual([]);
      expect(f.quantities[0].qualifier, text).toBe('atLeast');
    }
    expect(match('Not less than 40 shops were looted on Harrow Street.', 'At least 40 shops on Harrow Street were looted.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('keeps a lower and an upper bound at the same figure apart', () => {
    const r = match('Fewer than 40 shops were looted on Harrow Street.', 'At least 40 shops on Harrow Street were looted.');
    expect(r.signals.figureConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    const [more, upTo, under] = ['more than 150 delegates', 'up to 200 delegates', 'nearly 150 delegates'].map((t) => features(t).quantities[0]);
    expect(figuresAgree(more, upTo)).toBe(true);
    expect(figuresAgree(more, under)).toBe(false);
  });
});

describe('units of measure', () => {
  it('converts area, mass, length and speed to one unit each', () => {
    const [ha, km2, sq] = ['The flood covered 5,200 hectares.', 'The flood covered 52 square kilometres.', 'Water covered 52 km2 of farmland.'].map((t) => features(t).quantities[0]);
    for (const q of [ha, km2, sq]) expect([q.kind, q.unit, q.lo]).toEqual(['measure', 'area', 52e6]);
    expect(formatQuantity(ha)).toBe('52 km²');
    expect(features('A 40-tonne lorry overturned.').quantities[0]).toMatchObject({ kind: 'measure', unit: 'mass', lo: 40_000 });
    expect(features('The slick stretched 12km along the coast.').quantities[0]).toMatchObject({ kind: 'measure', unit: 'length', lo: 12_000 });
    for (const t of ['Winds of 90 km/h hit the coast.', 'Winds of 90 kilometres an hour hit the coast.']) expect(features(t).quantities[0], t).toMatchObject({ kind: 'measure', unit: 'speed', lo: 90 });
    expect(features('The storm was moving at 30 mph.').quantities[0].lo).toBeCloseTo(48.3, 1);
  });

  it('matches one amount told in two units, and keeps agreeing figures in one key', () => {
    const a = 'The flood covered 5,200 hectares of farmland.';
    const b = 'Floodwater covered 52 square kilometres of farmland.';
    expect(match(a, b).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const kb = new Set(matchKeysOf(features(b)).keys);
    expect(matchKeysOf(features(a)).keys.some((k) => k.startsWith('n:measure:') && kb.has(k))).toBe(true);
  });

  it('never sets a measure against a count or another dimension', () => {
    expect(match('Helicopters made at least 50 flights over the dam on Monday.', 'Helicopters dropped 60 tonnes of sandbags over the dam on Monday.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('Gusts of 90 km/h hit the coast on Monday.', 'The storm front was 90 kilometres wide on Monday.').score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('offsets: time after another event', () => {
  it('keeps "N hours after" and "within N hours of" as offsets, compared only with another offset', () => {
    const f = features('The dam gave way three hours after the first warning.');
    expect(f.durations).toEqual([]);
    expect(f.offsets?.[0]).toMatchObject({ kind: 'duration', unit: 'offset', lo: 3 });
    expect(features('Crews arrived within two hours of the first warning.').offsets?.[0].qualifier).toBe('atMost');
    expect(features('It took the crews five hours to reach the dam.').offsets?.[0].lo).toBe(5);
  });

  it('matches the same delay told two ways and keeps two delays apart', () => {
    expect(match('It took rescuers six hours from the first warning to reach the dam.', 'Rescuers reached the dam six hours after the first warning.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const r = match('Rescuers reached the dam within two hours of the first warning, the mayor said.', 'Rescuers reached the dam six hours after the first warning.');
    expect(r.signals.figureConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads "a week after" as one week, in the same unit as "seven days after"', () => {
    expect(features('Aid reached Tolm a week after the quake.').offsets?.[0].lo).toBe(168);
    expect(match('Aid reached Tolm seven days after the quake.', 'Aid arrived in Tolm a week after the quake.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Aid reached Tolm three days after the quake.', 'Aid arrived in Tolm a week after the quake.').signals.figureConflict).toBe(true);
    expect(features('The camp takes in 900 people a week.').quantities[0].per).toBe('week');
  });

  it('survives storage', () => {
    const f = features('Rescuers reached the dam six hours after the first warning.');
    expect(fromStoredFeatures(JSON.parse(JSON.stringify(toStoredFeatures(f)))).offsets?.[0]).toMatchObject({ unit: 'offset', lo: 6 });
  });

  it('reads an emergency call as a telephone call, not a call for something', () => {
    expect(features('Rescuers reached the dam six hours after the first emergency call for help.').forecast).toBeNull();
    expect(features('The mayor called for an inquiry into the dam.').forecast).toBe('called for');
  });
});

describe('who speaks for whom', () => {
  it("reads a spokesman's own deed as another person's, and his words as his principal's", () => {
    const own = match("Mayor Dunne's spokesman, Carl Ruiz, resigned on Friday.", 'Mayor Lena Dunne resigned on Friday.');
    expect(own.signals.relativeConflict).toBe(true);
    expect(own.score).toBeLessThan(MATCH_THRESHOLD);
    expect(match("Dunne's spokesman said the council had approved the flood budget.", 'Dunne said the council had approved the flood budget.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('states told in other words', () => {
  it('reads "allowed back" and "allowed to return" against "barred"', () => {
    const r = match('Residents of Fenwick remain barred from their homes.', 'Fenwick residents were allowed to return to their homes.');
    expect(r.signals.stateConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads "remanded" and "on suspicion of" as the arrest step, before a charge and against a release', () => {
    expect(features('Police are holding two brothers on suspicion of looting.').states.prosecution?.state).toBe(0);
    expect(match('Police are holding two brothers on suspicion of looting.', 'The two brothers were charged with looting.').signals.stateConflict).toBe(true);
    const r = match('A magistrate remanded the two brothers in custody.', 'The two brothers were freed on Friday.');
    expect(r.signals.stateConflict).toBe(true);
  });

  it('folds blaze into fire, scorched into burned and "ordered out of" into displacement', () => {
    expect(features('The blaze scorched the hillside.').terms).toEqual(expect.arrayContaining(['fire', 'burn']));
    expect(features('About 3,000 people were ordered out of their homes.').terms).toContain('displace');
  });
});

describe('more paraphrases of one fact', () => {
  it('reads "are holding" people as custody, the arrest step, but not "holding talks"', () => {
    expect(features('Border guards are holding four women accused of forging visas.').states.prosecution?.state).toBe(0);
    expect(features('Ministers are holding talks with the unions.').states.prosecution).toBeUndefined();
    expect(match('Border guards are holding four women accused of forging visas.', 'Four women were charged with forging visas.').signals.stateConflict).toBe(true);
  });

  it('reads "without a parent" as unaccompanied, not as a negation', () => {
    const f = features('A tenth of the children at the camp arrived without a parent.');
    expect(f.negations).toEqual([]);
    expect(f.terms).toContain('unaccompanied');
  });

  it('reads "lifted its ban on" as a reopening', () => {
    expect(features('The city lifted its ban on street markets.').terms).toContain('reopen');
    expect(match('Dorvane lifted its ban on foreign fishing boats in its harbours on Monday.', 'Dorvane reopened its harbours to foreign fishing boats on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('takes a money range given end for end on both sides as specific', () => {
    expect(match('Migrants paid 3,000 to 5,000 euros a seat, aid workers said.', 'A seat cost between €3,000 and €5,000 on the route through Kessa.').signals.figures).toBe(1);
  });
});

describe('a description by a name’s tail', () => {
  it('reads "the nature reserve" as the other side’s "Harlan Marsh Nature Reserve"', () => {
    const r = match('Floodwater covered a third of the nature reserve.', 'Floodwater covered a third of Harlan Marsh Nature Reserve.');
    expect(r.signals.entities).toBe(1);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not take a short name’s whole text, or one plain word, for a description', () => {
    expect(match('The reserve flooded on Monday.', 'Harlan Marsh Nature Reserve flooded on Monday.').signals.entities).toBe(0);
    expect(match('The nature reserve flooded on Monday.', 'Nature Reserve staff were evacuated on Monday.').signals.entities).toBe(0);
  });

  it('reads an order issued against the same order lifted', () => {
    expect(match('The boil-water notice for Tarn was issued on Monday.', 'The boil-water notice for Tarn was lifted on Monday.').signals.stateConflict).toBe(true);
  });
});

describe('one state told in other words', () => {
  it('shares the state two claims tell as a word: an order lifted, residents allowed to return', () => {
    const a = features('The evacuation order for Tarnby was lifted on Thursday.');
    const b = features('Tarnby residents were allowed to return on Thursday.');
    expect(scoreClaimMatch(a, b).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Read in scoring only: no stored key or term.
    expect(matchKeysOf(a).keys.some((k) => k.includes('state:'))).toBe(false);
    expect(match('The curfew in Tarnby was lifted on Thursday.', 'The curfew in Tarnby was imposed on Thursday.').score).toBeLessThan(MATCH_THRESHOLD);
  });
});
