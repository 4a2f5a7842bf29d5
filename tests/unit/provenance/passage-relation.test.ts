// The relation a proposed passage's wording hints (lib/provenance/passage-relation.ts), on sentences
// written for these scenarios: a source that hedges, one that denies, one that changes a figure, and
// the look-alikes that must not trip the hint.
import { describe, expect, it } from 'vitest';
import { proposePassages } from '@/lib/provenance/propose-passages';

const first = (claim: string, ...sentences: string[]) => proposePassages(claim, sentences.join('\n'))[0]!;

describe('relation hints on proposals', () => {
  it('hints partial when the source hedges what the claim states flatly, and says how', () => {
    const p = first('Flooding at the mine caused the landslide', 'Flooding at the mine may have caused the landslide on the northern road.');
    expect(p.suggests).toBe('partial');
    expect(p.caution).toMatch(/more tentatively.*may have caused/);
    expect(first('Pollution killed the fish in the lake', 'Preliminary tests suggest that pollution killed the fish in the lake.').suggests).toBe('partial');
  });

  it('hints partial for a ceiling the claim states as a plain figure, and for a suspected count', () => {
    const ceiling = first('the fire destroyed 300 homes', 'The fire destroyed up to 300 homes in the district.');
    expect(ceiling.suggests).toBe('partial');
    expect(ceiling.caution).toMatch(/ceiling.*up to 300/);
    expect(first('the virus has infected 480 people', 'A total of 480 suspected cases have been reported.').suggests).toBe('partial');
  });

  it('gives no hedge hint when the claim hedges too, when the hedge qualifies something else, or for the month May', () => {
    expect(first('the fire may have destroyed 300 homes', 'The fire may have destroyed 300 homes.').suggests).toBeNull();
    expect(first('the outbreak killed 12 people', 'A total of 480 suspected cases, including 12 deaths, have been reported.').suggests).toBeNull();
    expect(first('Police arrested 40 protesters', 'Police arrested 40 protesters on 13 May.').suggests).toBeNull();
  });

  it('hints contradicts when the source denies what the claim asserts, though it shares its words', () => {
    const p = first('The court found that the mayor had acted in bad faith', 'The court does not accept that the mayor acted in bad faith.');
    expect(p.suggests).toBe('contradicts');
    expect(p.caution).toMatch(/opposite/);
    expect(first('The fire is now under control', 'Overall, the fire is not under control.').suggests).toBe('contradicts');
    expect(first('Officials expect further price rises', 'The ministry does not expect further price rises this year.').suggests).toBe('contradicts');
  });

  it('reads a negated negative, a bound, an obligation and a denied side-issue as no contradiction', () => {
    expect(first('The company may apply for a new licence', 'Nothing in this order prevents the company from applying for a new licence.').suggests).toBeNull();
    expect(first('the fund pays at least 2 million to each family', 'Each family receives not less than 2 million from the fund.').suggests).toBeNull();
    expect(first('the government is hiding behind the militia', '"The government cannot keep hiding behind the militia," she said.').suggests).toBeNull();
    expect(first('The contractor trained two army units', 'The council was not notified in advance of the training of two army units by the contractor.').suggests).toBeNull();
  });

  it('denies what a negation predicates, not what it is said of, and reads "not just" as adding', () => {
    // The claim denies the people food, not the people: a passage counting them is no contradiction.
    expect(first('Two million people do not have enough to eat', 'Two million people face acute food insecurity.').suggests).toBeNull();
    expect(first('The agency blames the wells, not just the drought, for the falling water table', 'The agency attributes the falling water table to the wells.').suggests).toBeNull();
  });

  it('reads a negating prefix and a negative predicate as negations of their own', () => {
    // both sides deny detection: no contradiction, and the ceiling still makes it partial
    expect(first('30% of cases go undetected', 'Up to 30% of cases may not be detected.').suggests).toBe('partial');
    // "will not have to repay loans" is what "to suspend the repayment of loans" does
    expect(first('farmers will not have to repay loans for a year', 'to suspend for one year the repayment of loans granted to farmers;').suggests).toBeNull();
  });

  it('hints misquoted when the claim’s exact figure differs from the passage’s, naming both', () => {
    const p = first('The campaign has reached 250,000 people', 'The campaign has so far reached 152,000 people.');
    expect(p.suggests).toBe('misquoted');
    expect(p.caution).toMatch(/250,000 vs 152,000/);
    expect(first('Unemployment fell to 4.1%', 'The unemployment rate fell to 4.3% in September.').suggests).toBe('misquoted');
    expect(first('about 150,000 people were reached', 'The campaign has so far reached 152,000 people.').suggests).toBeNull();
  });

  it('keeps weak and its caution for passages that share too little, and adds the hint to the caution', () => {
    const p = first('The outbreak has infected 1,284 people', 'Dorva, where the first cases were detected on 2 April, reported 19 cases in week 19.');
    expect(p.weak).toBe(true);
    expect(p.caution).toMatch(/1,284 vs 19/);
    expect(p.caution!.match(/figure differs/g)).toHaveLength(1);
  });
});

describe('relation hints: what is no hedge and no misquote (fourth holdout)', () => {
  it('reads a figure rounded to the claim’s own precision as no misquote, and a different one as one', () => {
    expect(first('Sales rose 4% last year', 'Sales rose 4.2% in the year to March.').suggests).toBeNull();
    expect(first('Turnover reached £2.31bn', 'Turnover was £2,312 million for the year.').suggests).toBeNull();
    expect(first('Sales rose 5% last year', 'Sales rose 4.2% in the year to March.').suggests).toBe('misquoted');
    expect(first('Sales rose 4.3% last year', 'Sales rose 4.2% in the year to March.').suggests).toBe('misquoted');
  });

  it('reads "could not" as an inability stated as fact, while "could" alone still hedges', () => {
    expect(first('Officials were unable to say how many families had been displaced', 'Officials could not say how many families had been displaced by the dam.').suggests).toBeNull();
    expect(first('The dam will flood 40 villages', 'The dam could flood 40 villages upstream.').suggests).toBe('partial');
  });

  it('reads a ceiling that is the goal of reducing or limiting as the target, not a hedge', () => {
    expect(first('The council wants class sizes cut to 25', 'The council should reduce class sizes to no more than 25 pupils.').suggests).toBeNull();
    expect(first('The storm damaged 25 schools', 'The storm damaged up to 25 schools.').suggests).toBe('partial');
  });

  it('lets a raising hedge govern its whole verb phrase, and a decision subject to approval is not yet taken', () => {
    const p = first('Inspectors failed to check the boilers every month', 'Inspectors appear to have been unable for most of the year to check the boilers every month.');
    expect(p.suggests).toBe('partial');
    expect(p.caution).toMatch(/appear to/);
    expect(first('The merger will save £40m a year', 'The merger is expected to deliver annual savings of £40 million from 2029.').suggests).toBe('partial');
    const d = first('Shareholders will receive a special dividend of 10p', 'The Board is proposing a special dividend of 10p per share, subject to shareholder approval in March.');
    expect(d.suggests).toBe('partial');
    expect(d.caution).toMatch(/subject to shareholder approval/);
    expect(first('The trading firm Vassa Metals is under sanctions', 'The trading firm Vassa Metals has been subject to sanctions since 2022.').suggests).toBeNull();
  });

  it('hints misquoted when the claim dates what the passage dates once, in another year, and not when a year agrees or the passage gives two', () => {
    const p = first('The charity, founded in 1989, runs six shelters', 'The charity was founded in 1998 and runs six shelters.');
    expect(p.suggests).toBe('misquoted');
    expect(p.caution).toMatch(/year differs \(1989 vs 1998\)/);
    expect(first('The bridge opened in 2019', 'The bridge opened in 2019 after long delays.').suggests).toBeNull();
    expect(first('The bridge opened in 2019', 'The bridge, opened in 2018, was repaired in 2022.').suggests).toBeNull();
  });

  it('weakens only a claim that gives the count when the hedge classes the count ("286 suspected cases")', () => {
    expect(first('Cases have risen sharply this week', 'The week saw a sharp rise in cases, with 310 suspected cases against 190.').suggests).toBeNull();
    expect(first('The outbreak has now infected 310 people', 'The week saw a sharp rise in cases, with 310 suspected cases against 190.').suggests).toBe('partial');
  });
});

describe('hints on a passage that relays one party’s say-so, and on one changed count (sixth holdout)', () => {
  it('hints partial when the source attributes what the claim states to one party, and names it', () => {
    const p = first('The group trained fighters near the lake', 'One Member State assessed that the group had trained fighters near the lake.');
    expect(p.suggests).toBe('partial');
    expect(p.caution).toMatch(/attributes this to one Member State/);
    expect(first('Food prices in the town have tripled', 'One aid agency reported that food prices in the town had tripled.').caution).toMatch(/one aid agency/);
    expect(first('The leader lives abroad', 'The leader lives abroad, according to two former members of the group.').caution).toMatch(/two former members of the group/);
    expect(first('the group raises $5 million a year', 'According to one senior official, the group raises $5 million a year.').suggests).toBe('partial');
    expect(first('1,140 prisoners were released in May', 'The Government stated that 1,140 prisoners had been released in May.').caution).toMatch(/the Government/);
    expect(first('Two officials travelled on false passports', 'The Panel received information that two officials had travelled on false passports.').caution).toMatch(/only received information/);
  });

  it('gives no attribution hint for many parties, the source’s own voice, a named body cited for a figure, or a claim that names the speaker', () => {
    expect(first('Kidnappings rose during the period', 'Member States reported that kidnappings rose during the period.').suggests).toBeNull();
    const panel = ['The Panel visited the border.', 'The Panel met officials.', 'The Panel inspected the depot.', 'The Panel estimates that the group earns $3 million a month from gold.'];
    expect(first('the group earns $3 million a month from gold', ...panel).suggests).toBeNull();
    expect(first('43 people have died in the floods', 'According to the National Civil Protection Agency, 43 people have died in the floods.').suggests).toBeNull();
    expect(first('One Member State said the group trained fighters near the lake', 'One Member State assessed that the group had trained fighters near the lake.').suggests).toBeNull();
    expect(first('The Government says 1,140 prisoners were released', 'The Government stated that 1,140 prisoners had been released.').suggests).toBeNull();
  });

  it('hints misquoted for one changed count beside counts that agree, naming both, and not for counts of different things', () => {
    const p = first('Nine journalists were arrested, and four are still in custody', 'Nine journalists were detained during the period, and two of them remain in custody.');
    expect(p.suggests).toBe('misquoted');
    expect(p.caution).toMatch(/four vs two/);
    expect(first('The group controls 11 mines and taxes output at 20 per cent', 'The group controls 11 mining sites, where it levies a tax of 10 per cent on output.').suggests).toBe('misquoted');
    expect(first('attacks rose from 38 to 71', 'Attacks rose from 38 in the first half of 2025 to 61 in the first half of 2026.').suggests).toBe('misquoted');
    expect(first('a state of disaster in three counties', 'to declare a state of disaster in the counties of Brava, Sellin and Ovar for a period of 60 days;').suggests).toBeNull();
    expect(first('Nine journalists were arrested and two remain in custody', 'Nine journalists were detained, and two of them remain in custody.').suggests).toBeNull();
    expect(first('revenue rose 6% to 1,200 tonnes', 'Revenue rose 6.1% to 1,200 tonnes.').suggests).toBeNull();
  });

  it('reads "not aware of any investigation" as denying the investigation, and "denied" against "admitted" as the opposite', () => {
    expect(first('No one has been investigated over the killings', 'The Office is not aware of any investigation into the killings.').suggests).toBeNull();
    const p = first('The company has admitted buying gold from the group', 'The company denied buying gold from the group.');
    expect(p.suggests).toBe('contradicts');
    expect(p.caution).toMatch(/denied buying gold/);
  });
});

describe('several witnesses given as the source, and asking against refusing (seventh holdout)', () => {
  it('hints partial when the claim gives what witnesses told the source as a speaker\'s finding, not when it names no speaker or the witnesses', () => {
    const passage = 'Witnesses interviewed by the Office consistently stated that the marchers were unarmed.';
    const p = first('The UN found that the marchers had been unarmed.', passage);
    expect(p.suggests).toBe('partial');
    expect(p.caution).toMatch(/relays it from witnesses/);
    expect(first('The marchers had been unarmed.', passage).suggests).toBeNull();
    expect(first('Witnesses said the marchers had been unarmed.', passage).suggests).toBeNull();
  });

  it('reads "has refused" against "has requested" the same help as the opposite, quoting the source', () => {
    const p = first('The government has refused international help.', 'The Government has requested international assistance for search and rescue.');
    expect(p.suggests).toBe('contradicts');
    expect(p.caution).toMatch(/requested international/);
  });
});

describe('a length of time is a figure to find', () => {
  it('finds "lasted only 14 days" in the sentence that states 14 days', () => {
    const p = first('The consultation lasted only 14 days', 'The consultation opened on 6 February.', 'The consultation period was 14 days, far short of the legal minimum.');
    expect(p.exact).toMatch(/^The consultation period was 14 days/);
    expect(p.reason).toMatch(/14 days/);
  });
});
