// What the sixth holdout (tests/fixtures/matching-holdout-6, a corruption trial) found unread: prison
// terms and bans as lengths of time, what befell a figure's people, fines / bail / damages / bribes,
// convicted vs acquitted, an allegation against a ruling, who accused or paid whom, a running total
// against one event, a sub-group's share against the whole's, and a part against its whole. Each
// case is the phenomenon with names of its own, not a sentence of a gold set.
import { describe, expect, it } from 'vitest';
import { isRound } from '@/lib/matching/compare-figures';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { figureKeysOf } from '@/lib/matching/match-keys';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';
import { fromStoredFeatures, toStoredFeatures } from '@/lib/matching/stored-features';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));

describe('lengths of time', () => {
  it('reads a prison term however it is written, and a range of them', () => {
    const term = (t: string) => features(t).durations.map((d) => [d.lo, d.hi, d.unit]);
    expect(term('Judge Ferro jailed Arno Vask for eleven years.')).toEqual([[11, 11, 'year']]);
    expect(term('Vask received an 11-year prison term.')).toEqual([[11, 11, 'year']]);
    expect(term('The offence carries 8 to 12 years in prison.')).toEqual([[8, 12, 'year']]);
    expect(term('The others got between two and four years.')).toEqual([[2, 4, 'year']]);
    expect(term('The fraud went on for two decades.')).toEqual([[20, 20, 'year']]);
    // Time that dates the claim is no figure of it; neither is an age.
    expect(term('The deal was signed after four days of talks.')).toEqual([]);
    expect(term('Nearly three years after the coup, the junta still rules.')).toEqual([]);
    expect(term('A five-year-old boy was hurt.')).toEqual([]);
  });

  it('matches one sentence told two ways and keeps a different term, a ban or a range apart', () => {
    const jailed = 'Judge Ferro jailed Arno Vask for eleven years on Monday.';
    expect(match(jailed, 'Arno Vask was handed an 11-year prison sentence.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const other = match(jailed, 'Arno Vask was handed a 14-year prison sentence.');
    expect(other.score).toBeLessThan(MATCH_THRESHOLD);
    expect(other.reason).toContain('different figures 11 years vs 14 years');
    // The same length of another thing: a prison term is not a ban from office.
    const ban = match('Arno Vask faces up to 11 years in prison.', 'Arno Vask was banned from public office for eleven years.');
    expect(ban.score).toBeLessThan(MATCH_THRESHOLD);
    expect(ban.signals.measureConflict).toBe(true);
    // A point outside the range the others got.
    expect(match('Four co-defendants received prison terms of two to five years.', 'Co-defendant Lise Orm got a seven-year prison term.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('keys durations for the lookup, and keeps them through the stored features', () => {
    const a = figureKeysOf(features('Vask was jailed for eleven years.'));
    const b = new Set(figureKeysOf(features('Vask received an 11-year prison term.')));
    expect(a.some((k) => k.startsWith('n:duration:') && b.has(k))).toBe(true);
    const f = features('Vask received an 11-year prison term.');
    expect(fromStoredFeatures(JSON.parse(JSON.stringify(toStoredFeatures(f)))).durations.map((d) => d.lo)).toEqual([11]);
  });

  it('a possible maximum is no sentence handed down', () => {
    const r = match('Arno Vask faces up to 15 years in prison if convicted.', 'Judge Ferro sentenced Arno Vask to nine years in prison.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.signals.forecastMismatch).toBe(true);
  });
});

describe('what befell the people a figure counts', () => {
  it('tells 40 injured from 40 detained, and keeps 40 detained told two ways', () => {
    expect(features('Forty people, among them six officers, were treated for injuries.').quantities[0].unit).toBe('wounded');
    const r = match('Forty people, among them six officers, were treated for injuries.', 'Forty demonstrators were detained, police said.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('Police detained 40 people after scuffles in Varn square.', 'Forty demonstrators were detained in Varn square, police said.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('does not round a two-digit figure to another one', () => {
    expect(isRound(12)).toBe(false);
    expect(isRound(40)).toBe(true);
    expect(isRound(6300)).toBe(true);
    expect(match('Nine of the 16 defendants were convicted.', 'Ten of the 16 accused were found guilty.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('compares a part with a part and a whole with a whole ("9 of the 16")', () => {
    expect(match('Nine of the 16 defendants were convicted.', 'In all, 9 of the 16 people on trial were found guilty.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // "acquitted seven" counts nothing named: it is not set against the nine already matched.
    expect(match('Nine of the 16 defendants were convicted.', 'The tribunal convicted nine defendants and acquitted seven.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('courts', () => {
  it('reads money by what it is: a fine is not bail, damages are not a bribe', () => {
    const r = match('Vask was also fined €3 million.', 'Vask has been free since 2023 on bail of €3 million.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('different quantities');
    expect(match('Vask was also fined €3 million.', 'Vask must also pay a fine of three million euros.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('convicted vs acquitted is an opposite state; "not guilty" and "cleared of" are acquittals, not negations', () => {
    const acquitted = features('The court found Vask not guilty of fraud.');
    expect(acquitted.negations).toEqual([]);
    expect(acquitted.states.verdict?.state).toBe(1);
    expect(features('All nine accused have pleaded not guilty.').states.verdict).toBeUndefined();
    const r = match('The court found Vask not guilty of fraud.', 'Vask was convicted of fraud.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.signals.stateConflict).toBe(true);
    expect(match('The court found Vask not guilty of fraud.', 'Judges acquitted Vask of fraud.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('an allegation is not the ruling on it, and a suspended sentence is no custody', () => {
    expect(match('Prosecutors allege that Vask hid €9 million abroad.', 'The court ordered the confiscation of €9 million of Vask assets.').signals.stateConflict).toBe(true);
    const r = match('Former deputy Ilka Sorn received a three-year suspended sentence.', 'Two other officials were jailed for three years each.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('who did it to whom', () => {
  it('tells the accuser from the accused', () => {
    const r = match('Vask accused the prosecutor, Nadia Roel, of a vendetta.', 'Prosecutor Nadia Roel accused Vask of treating the ministry as his own.');
    expect(r.signals.roleConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(match("Vask's former aide, Emil Dorn, testified against him.", "Vask's lawyers accused Dorn of lying.").signals.roleConflict).toBe(true);
  });

  it('tells the payer from the one paid, through "was ordered to pay" and "requires X to compensate"', () => {
    const pays = features('Orvel Holdings was ordered to pay €30 million in damages to the state.');
    expect(Object.values(pays.roles)).toEqual(['agent']);
    expect(Object.values(features('The ruling requires Orvel to compensate the state.').roles)).toEqual(['agent']);
    const r = match('Orvel Holdings was ordered to pay €30 million in damages to the state.', 'An arbitration panel ordered the state to pay Orvel €30 million.');
    expect(r.signals.roleConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('tells who attacked whom through "supporters of"', () => {
    const r = match('Vask supporters attacked reporters outside the court.', "Police attacked Vask's supporters outside the court.");
    expect(r.signals.roleConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('running totals and sub-groups', () => {
  it('a total since a start is not one event with the same figure', () => {
    expect(features('Police have detained 52 people at rallies in Varn since the campaign began.').tally).toBe('running');
    expect(features('Police detained 52 people after scuffles in Varn.').tally).toBe('event');
    // A year or a span makes a figure a period's total: no event to set against a running one.
    expect(features('In 2023 the agency recorded 1,450 complaints.').tally).toBeNull();
    const r = match('Police have detained 52 people at rallies in Varn since the campaign began.', 'Police detained 52 people after scuffles in Varn.');
    expect(r.signals.tallyConflict).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
  });

  it("a sub-group's share is not the whole's", () => {
    const r = match('Among voters over 60, the Unity Party won 27 per cent in 2025.', 'The Unity Party won 27 per cent of the vote in the 2025 election.');
    expect(r.signals.subgroupMismatch).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The Unity Party took 27% at the 2025 election.', 'The Unity Party won 27 per cent of the vote in the 2025 election.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('years in a ", who ..." clause date the person, not the event', () => {
    const f = features('Arno Vask, who ran the ports agency from 2018 to 2022, was jailed for eleven years.');
    expect(f.startYears).toEqual([2018, 2022]);
    // An undated claim in a 2026 article is not set against them.
    const r = scoreClaimMatch({ ...f, articleYear: 2026 }, { ...features('Judge Ferro jailed Arno Vask for eleven years.'), articleYear: 2026 });
    expect(r.signals.undatedYearConflict).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('plans and pronouns', () => {
  it('a plan ("would appeal", "are to be freed") is not what happened', () => {
    expect(features('His lawyers said he would appeal.').forecast).toBe('would');
    expect(features('Twenty detainees are to be freed next week.').forecast).toBe('are to');
    const r = match('His lawyers said he would appeal.', "Vask's lawyers lodged an appeal with the Supreme Court.");
    expect(r.signals.forecastMismatch).toBe(true);
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    // Two plans told two ways still match.
    expect(match('The junta will free 20 detainees.', 'Twenty detainees are to be freed by the junta.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('a claim opening with "she" names someone: it is not held against the other for naming no one', () => {
    expect(features('She was acquitted of bribery.').pronoun).toBe(true);
    expect(features('Judges cleared Lena Voss of the bribery charge.').pronoun).toBe(false);
    expect(match('She was acquitted of bribery.', 'Judges cleared Lena Voss of the bribery charge.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Nor does it stand for anyone in particular: the states still tell the facts apart.
    expect(match('She was acquitted of bribery.', 'Lena Voss was convicted of bribery.').score).toBeLessThan(MATCH_THRESHOLD);
  });
});
