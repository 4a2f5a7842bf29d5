// How outlets restate a figure or name an actor, beyond the digits-and-acronyms the first gold set
// used: figures in words, fractions and ratios, ages and dates that are not figures, titles before
// names. Each case is the phenomenon, not a sentence of a gold set.
import { describe, expect, it } from 'vitest';
import { figuresAgree } from '@/lib/matching/compare-figures';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const figures = (text: string) => extractClaimFeatures(text).quantities.map((q) => ({ kind: q.kind, lo: q.lo, hi: q.hi, qualifier: q.qualifier, unit: q.unit }));
const first = (text: string) => extractClaimFeatures(text).quantities[0];
const agree = (a: string, b: string) => figuresAgree(first(a), first(b));
const ids = (text: string) => extractClaimFeatures(text).entityIds;
const score = (a: string, b: string) => scoreClaimMatch(extractClaimFeatures(a), extractClaimFeatures(b)).score;

describe('fractions and ratios', () => {
  it('reads a fraction of a whole as a share in percent', () => {
    expect(figures('a third of the districts')[0]).toMatchObject({ kind: 'percent', lo: 33.3, unit: 'share' });
    expect(figures('two-fifths of the budget')[0]).toMatchObject({ kind: 'percent', lo: 40, unit: 'share' });
    expect(figures('three quarters of the attacks')[0]).toMatchObject({ kind: 'percent', lo: 75, unit: 'share' });
    expect(figures('a tenth of the population')[0]).toMatchObject({ kind: 'percent', lo: 10 });
    expect(figures('less than a fifth of the money')[0]).toMatchObject({ kind: 'percent', lo: 20, qualifier: 'atMost' });
  });

  it('reads "by a third" as a change, and a fraction of a scale as an amount', () => {
    expect(figures('prices rose by a third')[0]).toMatchObject({ kind: 'percent', lo: 33.3, unit: 'change' });
    expect(figures('attacks were up by more than a third')[0]).toMatchObject({ kind: 'percent', lo: 33.3, unit: 'change', qualifier: 'atLeast' });
    expect(agree('attacks were up by more than a third', 'attacks rose 38 percent')).toBe(true);
    expect(figures('three-quarters of a billion dollars')[0]).toMatchObject({ kind: 'money', lo: 750_000_000 });
    expect(figures('half a million refugees')[0]).toMatchObject({ lo: 500_000 });
  });

  it('reads "one in two" and "three out of ten" as shares, not "3 in 10 days"', () => {
    expect(figures('one in two children')[0]).toMatchObject({ kind: 'percent', lo: 50, unit: 'share' });
    expect(figures('1 in 4 voters')[0]).toMatchObject({ kind: 'percent', lo: 25 });
    expect(figures('three out of ten households')[0]).toMatchObject({ kind: 'percent', lo: 30 });
    expect(figures('3 attacks in 10 days').map((f) => f.kind)).toEqual(['count']);
    expect(figures('5 attacks in 2023').map((f) => f.kind)).toEqual(['count']);
  });

  it('lets a fraction agree with the percentage it rounds', () => {
    expect(agree('a third of the vote', '33 percent of the vote')).toBe(true);
    expect(agree('a third of the vote', '35 percent of the vote')).toBe(true);
    expect(agree('a third of the vote', '25 percent of the vote')).toBe(false);
    expect(agree('two-fifths of the funding', 'about 40 percent of the funding')).toBe(true);
    expect(agree('one in two children', 'nearly half of children')).toBe(true);
    expect(agree('three-quarters of a billion dollars', '$750 million')).toBe(true);
  });
});

describe('currencies', () => {
  it('reads the same currency written before or after, and keeps currencies apart', () => {
    expect(first('$2.3 billion')).toMatchObject({ kind: 'money', lo: 2_300_000_000, unit: 'usd' });
    expect(first('2.3bn dollars')).toMatchObject({ kind: 'money', lo: 2_300_000_000, unit: 'usd' });
    expect(first('US$2.3bn')).toMatchObject({ kind: 'money', unit: 'usd' });
    expect(first('€1.2m in funds')).toMatchObject({ kind: 'money', lo: 1_200_000, unit: 'eur' });
    expect(score('Police seized $5 billion in cash.', 'Police seized 5 billion dollars in cash.')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score('Police seized $5 billion in cash.', 'Police seized Rs5bn in cash.')).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('fractions that are periods or adjectives', () => {
  it('reads "the first half of 2024" as a period and "a two-thirds majority" as a share', () => {
    expect(figures('in the first half of 2024')).toEqual([]);
    expect(figures('a two-thirds majority')[0]).toMatchObject({ kind: 'percent', lo: 66.7 });
    expect(figures('one in every three voters')[0]).toMatchObject({ kind: 'percent', lo: 33.3 });
  });
});

describe('precision of percentages and bounds', () => {
  it('reads an exact percentage as rounded to the unit, not ±7%', () => {
    expect(agree('43 percent', '45 percent')).toBe(false);
    expect(agree('43 percent', '43.4 percent')).toBe(true);
    expect(agree('47.6 percent', '47.6%')).toBe(true);
  });

  it('reads "nearly half" and "just under half" as 45–50%, not 43%', () => {
    expect(agree('just under half of voters', '47.6 percent of voters')).toBe(true);
    expect(agree('nearly half of voters', '43 percent of voters')).toBe(false);
    expect(agree('just under half of voters', '43 percent of voters')).toBe(false);
    expect(first('just under 600 attacks').qualifier).toBe('nearly');
  });
});

describe('numbers that are not figures of the claim', () => {
  it('skips ages', () => {
    expect(figures('children under five are malnourished')).toEqual([]);
    expect(figures('children under the age of five')).toEqual([]);
    expect(figures('a boy aged 15 was detained')).toEqual([]);
    expect(figures('a five-year-old girl was hurt')).toEqual([]);
    // A bound on a count is still a figure.
    expect(figures('under 600 attacks')[0]).toMatchObject({ lo: 600, qualifier: 'atMost', unit: 'attacks' });
  });

  it('skips a day after an abbreviated month with its full stop', () => {
    expect(figures('voters turned out on Feb. 8')).toEqual([]);
    expect(figures('the report of Sept. 14')).toEqual([]);
  });
});

describe('what a figure counts', () => {
  it('reads a compound ending in a unit word as that unit', () => {
    expect(figures('58 cyberattacks')[0].unit).toBe('attacks');
    expect(figures('58 suspected cyberattacks')[0].unit).toBe('attacks');
    expect(figures('58 alleged attacks')[0].unit).toBe('attacks');
  });

  it('does not take a noun before the figure across a verb', () => {
    // The workers and the militants are not what is counted.
    expect(figures('Aid workers said 24 convoys were stopped')[0].unit).toBe('convoys');
    expect(figures('militants blocked two dozen convoys')[0]).toMatchObject({ lo: 24, unit: 'convoys' });
    // Next to the figure it still counts: "killed 23", "strength of 6,000".
    expect(figures('the attack killed 23 in Bannu')[0].unit).toBe('killed');
  });

  it('reads "93 of the 266 seats" as 93 seats out of a whole', () => {
    const [part, whole] = figures('the party won 93 of the 266 seats');
    expect(part).toMatchObject({ lo: 93, unit: 'seats' });
    expect(whole.unit).toBe('whole:seats');
    expect(score('The party won 93 of the 266 seats.', 'The party took ninety-three seats.')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('negation and direction cues in other senses', () => {
  it('"failed" negates only as "failed to"', () => {
    expect(extractClaimFeatures('after the failed rains, a million people fled').negations).toEqual([]);
    expect(extractClaimFeatures('the army failed to retake the town').negations).toEqual(['failed']);
  });

  it('a phrasal "up"/"down" is no direction; "driven down" is', () => {
    expect(extractClaimFeatures('wells have dried up across the south').direction).toBeNull();
    expect(extractClaimFeatures('the ministry shut down mobile networks').direction).toBeNull();
    expect(extractClaimFeatures('operations have driven down attacks').direction).toBe('down');
    expect(extractClaimFeatures('attacks are up 20 percent').direction).toBe('up');
  });
});

describe('names', () => {
  it('drops titles before a name and knows a long name by its first and last word', () => {
    const a = ids('Chief Election Commissioner Sikandar Sultan Raja denied it');
    expect(a).toHaveLength(1);
    expect(ids('Mr Sikandar Raja denied it')).toEqual(a);
    expect(ids('CEC Sikandar Raja denied it')).toContain(a[0]);
    expect(ids('Prime Minister Hamza Abdi Barre said')).toEqual(ids('Hamza Barre said'));
    // A title alone names no one.
    expect(ids('the Prime Minister said so')).toEqual([]);
  });

  it('drops a possessive and a generic last word', () => {
    expect(ids('Qari Zainullah Mehsud’s men')).toEqual(ids('Zainullah Mehsud'));
    expect(ids("the Kimsuky Group's hackers")).toEqual(ids('the Kimsuky hackers'));
    expect(ids('the Kimsuky hackers')).toHaveLength(1);
  });

  it('reads "US$" as a currency, not the United States', () => {
    expect(ids('a US$2.3bn plan')).toEqual([]);
    expect(first('a US$2.3bn plan')).toMatchObject({ kind: 'money', lo: 2_300_000_000 });
    expect(ids('US officials seized $5m')).toEqual(['us']);
  });

  it('knows the variants in the table (data): North Korea, PTI, OCHA', () => {
    for (const v of ['North Korea', 'North Korean', 'DPRK', "Democratic People's Republic of Korea", 'Pyongyang']) expect(ids(`${v} hackers`), v).toEqual(['north-korea']);
    for (const v of ['PTI', 'Pakistan Tehreek-e-Insaf', 'Pakistan Tehrik-i-Insaf']) expect(ids(`the ${v} won`), v).toEqual(['pti']);
    expect(ids('the Pakistan Muslim League-Nawaz (PML-N) won')).toEqual(['pml-n']);
    expect(ids('OCHA said')).toEqual(ids('the UN Office for the Coordination of Humanitarian Affairs said'));
  });
});

describe('several figures agreeing', () => {
  it('two agreeing figures corroborate a claim whose wording and speaker differ', () => {
    const a = 'Donors have pledged $4.5 billion, of which 12 percent has arrived.';
    expect(score(a, 'Finance Minister Jane Okafor said only 12% of the US$4.5bn had been received.')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score('The $4.5 billion fund has spent 12 percent of its budget.', 'Minister Jane Okafor said just 12% of the 4.5bn dollars pledged had arrived.')).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // One of them disagreeing is another fact.
    expect(score(a, 'Finance Minister Jane Okafor said only 21% of the US$4.5bn had been received.')).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('vocabulary (data)', () => {
  const terms = (text: string) => extractClaimFeatures(text).terms;
  it('folds a compass point and its adjective, and polling day into election day', () => {
    expect(terms('across the south')).toEqual(terms('in southern districts').filter((t) => t === 'south'));
    expect(terms('on polling day')).toEqual(terms('on election day'));
    expect(terms('a truce in Kurram')).toEqual(terms('a ceasefire in Kurram'));
  });
});
