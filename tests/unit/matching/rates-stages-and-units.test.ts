// What the eighth holdout (tests/fixtures/matching-holdout-8, a migrant shipwreck) found unread: a
// rate or a capacity read as a count, arrested / charged / convicted as one event, data sizes and money
// named after the figure, two approximate figures merely touching, a possessive naming another person.
// Each case is the phenomenon with names of its own, not a sentence of the gold set.
import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { formatQuantity } from '@/lib/matching/format-quantity';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));

describe('rates and capacities are not counts', () => {
  it('does not match a weekly intake with a one-off count of the same figure', () => {
    expect(features('The Dorsk camp receives about 2,000 new arrivals a week.').quantities[0].per).toBe('week');
    expect(features('Clinics handled 9,000 patients per day.').quantities[0].per).toBe('day');
    const r = match('The Dorsk camp receives about 2,000 new arrivals a week.', 'About 2,000 new arrivals reached the Dorsk camp after the storm.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('matches two rates of the same period', () => {
    const r = match('The Dorsk camp receives about 2,000 new arrivals a week.', 'Some 2,000 people arrive at the Dorsk camp every week.');
    expect(r.signals.figures).toBeGreaterThan(0);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it("does not match what a place can hold with what it holds, but matches two capacities", () => {
    expect(features('The ferry can carry up to 600 passengers.').quantities[0].capacity).toBe(true);
    expect(features('The shelter, built for 800 people, houses 2,300.').quantities.map((q) => !!q.capacity)).toEqual([true, false]);
    expect(match('The ferry can carry up to 600 passengers.', 'Nearly 600 passengers were on the ferry.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The Brask shelter, built for 800 people, now houses 2,300.', 'The Brask shelter was designed for 800 but holds some 2,300 people.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('arrested, charged and convicted are three facts', () => {
  it('reads the furthest step a claim names', () => {
    expect(features('Police arrested four women at the border.').states.prosecution?.word).toBe('arrested');
    expect(features('The four women arrested at the border on Monday have been charged with fraud.').states.prosecution?.word).toBe('charged');
    expect(features('A court convicted the four women of fraud.').states.prosecution?.word).toBe('convicted');
  });

  it('does not match an arrest with a charge or a conviction of the same people', () => {
    const arrest = 'Police arrested four women at the Tarvo crossing.';
    for (const later of ['Prosecutors charged the four women stopped at the Tarvo crossing with fraud.', 'A court convicted four women of fraud over the Tarvo crossing.']) {
      const r = match(arrest, later);
      expect(r.signals.stateConflict, later).toBe(true);
      expect(r.score, later).toBeLessThan(MATCH_THRESHOLD);
    }
    expect(match('The four women arrested at the Tarvo crossing were charged with fraud.', 'Police arrested four women at the Tarvo crossing.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('still matches one arrest told with other nouns for the people', () => {
    // "four women" say who, not what befell them: the arrest is what they count, as "four suspects" do.
    const r = match('Police arrested four women at the Tarvo crossing.', 'Four suspected traffickers were detained at the Tarvo crossing, police said.');
    expect(r.signals.figures).toBeGreaterThan(0);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('data sizes and money named after the figure', () => {
  it('reads data sizes as bytes, in any unit', () => {
    const [q] = features('Investigators copied 350GB from the servers.').quantities;
    expect(q.kind).toBe('data');
    expect(formatQuantity(q)).toBe('350 GB');
    expect(match('Investigators copied 350GB of emails from the Orrin servers.', 'Some 350 gigabytes of Orrin emails were copied by investigators.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('The archive of 2.5 terabytes of Orrin footage went to the court.', 'The court received 2,500 gigabytes of Orrin footage.').signals.figures).toBeGreaterThan(0);
  });

  it('does not set a data size against a count of things', () => {
    const r = match('Police seized 20 laptops from the Orrin office.', 'Police recovered 20GB of files from the Orrin office.');
    expect(r.signals.figures).toBeNull();
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads "US dollars" after a figure as money, and the US in it as no actor', () => {
    const f = features('Orrin paid seven million US dollars to the lenders.');
    expect(f.quantities[0]).toMatchObject({ kind: 'money', unit: 'usd', lo: 7e6 });
    expect(f.entityIds).not.toContain('us');
    expect(features('The 2 billion US dollar loan was signed in March.').quantities[0]).toMatchObject({ kind: 'money', lo: 2e9 });
    expect(match('Orrin paid seven million US dollars to the lenders.', 'Orrin paid its lenders $7m.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Orrin paid seven million US dollars to the lenders.', 'Orrin paid its lenders $7bn.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads a range in words with its scale written once', () => {
    expect(features('Tickets cost two to three thousand euros.').quantities[0]).toMatchObject({ kind: 'money', lo: 2000, hi: 3000 });
  });
});

describe('approximate figures and ranges', () => {
  it('does not match two approximate figures whose intervals only touch', () => {
    expect(match('Around 200 people are still missing after the Dorsk floods.', 'About 160 people are still missing after the Dorsk floods.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('Around 200 people are still missing after the Dorsk floods.', 'Some 190 people are still missing after the Dorsk floods.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('matches a point estimate at the middle of a range', () => {
    expect(match('Between 600 and 800 people were on the Dorsk ferry.', 'About 700 people were on the Dorsk ferry.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Still not any point inside it.
    expect(match('Between 600 and 800 people were on the Dorsk ferry.', 'About 650 people were on the Dorsk ferry.').score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('possessive names', () => {
  it("does not take a person's relative or deputy for the person", () => {
    const f = features("Varga's deputy resigned on Monday.");
    expect(f.entityIds).toEqual(['rel:deputi:name:vrg']);
    expect(match("Varga's deputy resigned on Monday.", 'Ilse Varga resigned on Monday.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match("Varga's wife was questioned by police.", 'Varga was questioned by police.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match("Varga's deputy, Jon Brell, resigned on Monday.", "Varga's deputy quit on Monday.").score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it("splits a possessive name from the body's name after it", () => {
    const ids = features("Varga's Green Dawn party called for new elections.").entityIds;
    expect(ids).toContain('name:vrg');
    expect(ids.length).toBe(2);
    // "People's" is a word, not an owner.
    expect(features("The People's Liberation Front took Orsk.").entityIds).toHaveLength(2);
  });
});

describe('a ban imposed and lifted', () => {
  it('does not match barring ships with lifting the ban', () => {
    const r = match('Since June, the Dorsk authorities have barred aid convoys from entering the valley.', 'The Dorsk authorities lifted their ban on aid convoys entering the valley.');
    expect(r.signals.stateConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('a corrective "not", a comparison year, an accusation', () => {
  it('reads ", not …" closing a sentence as a contrast, not a negation', () => {
    expect(features('The Orrin loan paid for new trucks, not roads.').negations).toEqual([]);
    expect(features('The Orrin loan paid for new trucks, not all of which were delivered.').negations).toEqual(['not']);
    expect(features('The Orrin loan did not pay for new trucks.').negations).toEqual(['not']);
  });

  it('reads the year a change is measured against as no date of the event', () => {
    const f = features('Exports reached 9,100 tonnes since January, a 7 per cent rise on the same period of 2023.');
    expect(f.startYears).toEqual([2023]);
    expect(features('Exports were 7 per cent higher than in 2023.').startYears).toEqual([2023]);
    // A year the event happened in stays one.
    expect(features('Exports rose 7 per cent in 2023.').startYears).toEqual([]);
  });

  it('does not match men accused of a crime with men convicted of it', () => {
    expect(features('Police are holding two Brask men accused of smuggling fuel.').states.allegation?.word).toBe('accuse');
    const r = match('Police are holding two Brask men accused of smuggling fuel.', 'In May a court convicted two Brask men of smuggling fuel.');
    expect(r.signals.stateConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads an inquiry and an investigation as one thing', () => {
    expect(features('Ilse Varga called for an independent inquiry.').terms).toContain('inquiry');
    expect(features('Ilse Varga called for an independent investigation.').terms).toContain('inquiry');
  });
});

describe('a name ending in an ordinary word', () => {
  it('is known by its first word too ("Orvane Health" = "Orvane")', () => {
    const [health] = features('Orvane Health was hacked.').entities;
    const [alone] = features('Orvane was hacked.').entities;
    expect(health.alias).toBe(alone.id);
    // A person's name keeps its surname as the second reference.
    expect(features('Ilse Varga was hacked.').entities[0].alias).toBe('name:vrg');
    const r = match('The Ostrel gang posted 300GB of data stolen from Orvane Health.', 'The Ostrel gang dumped about 300 gigabytes of Orvane files online.');
    expect(r.reason).toContain('Orvane Health');
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('what is no rate and no comparison year', () => {
  it('reads "in a day" and "for a week" as spans, not rates', () => {
    expect(features('Floods killed 40 people in a day.').quantities[0].per).toBeUndefined();
    expect(features('The Orsk road was closed to 300 trucks for a week.').quantities[0].per).toBeUndefined();
    expect(features('A further 40 people were killed a day later.').quantities[0].per).toBeUndefined();
  });

  it('keeps a year after "more than" a figure as the event\'s year', () => {
    expect(features('The Brask Front had more than 2,000 fighters in 2023.').startYears).toEqual([]);
    expect(features('Arrivals were 12 per cent higher compared with 2023.').startYears).toEqual([2023]);
  });
});
