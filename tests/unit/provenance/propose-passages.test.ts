// Passage proposals on a source written for this test (an invented monitoring report, not any real document's text).
import { describe, expect, it } from 'vitest';
import { MIN_PROPOSAL_SCORE, PROPOSAL_LIMIT, WEAK_BELOW, claimSpeaker, proposePassages } from '@/lib/provenance/propose-passages';

const REPORT = [
  'Twelfth report of the Analytical Support and Sanctions Monitoring Team',
  'Summary',
  'The security situation in the region remained volatile throughout the reporting period.',
  'Member States assessed that Tehrik-e Taliban Pakistan (TTP) retained an estimated 6,000 to 6,500 fighters in eastern Afghanistan.',
  'The group conducted more than 600 attacks across the border in 2025, according to one Member State.',
  'Islamic State in Iraq and the Levant-Khorasan (ISIL-K) was assessed to have around 2,000 fighters.',
  'Financing',
  'Several Member States reported that the group increasingly relied on cryptocurrencies to move funds.',
  'Meetings between senior figures of several groups were reported in northern Afghanistan in the spring.',
  'The Monitoring Team received no information suggesting that training camps had been closed.',
].join('\n');

describe('proposePassages', () => {
  it('finds "6,000 fighters" in "an estimated 6,000 to 6,500 fighters" first, and explains why', () => {
    const [first] = proposePassages('the TTP has some 6,000 fighters in Afghanistan', REPORT);
    expect(first!.exact).toBe('Member States assessed that Tehrik-e Taliban Pakistan (TTP) retained an estimated 6,000 to 6,500 fighters in eastern Afghanistan.');
    expect(REPORT.slice(first!.start, first!.end)).toBe(first!.exact);
    expect(first!.reason).toMatch(/^shares: .*6,000/);
    expect(first!.reason).toMatch(/TTP|Tehrik/);
    expect(first!.reason).toMatch(/Afghanistan/);
  });

  it('ranks by figures and actors, not by shared words alone', () => {
    const ranked = proposePassages('ISIL-K has about 2,000 fighters', REPORT);
    expect(ranked[0]!.exact).toMatch(/^Islamic State in Iraq and the Levant-Khorasan/);
    // The TTP passage shares "fighters" but neither the figure nor the group: it comes after.
    const ttp = ranked.findIndex((p) => p.exact.includes('6,000 to 6,500'));
    expect(ttp === -1 || ttp > 0).toBe(true);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]?.score ?? 0);
  });

  it('still proposes the passage a claim misquotes, saying the figure differs', () => {
    const [first] = proposePassages('the TTP carried out over 900 attacks in 2025', REPORT);
    expect(first!.exact).toMatch(/more than 600 attacks/);
    expect(first!.reason).toMatch(/figure differs: .*900.* vs .*600/);
  });

  it('returns at most 5, best first, deterministic, all above the floor', () => {
    const a = proposePassages('several Member States reported meetings of groups in Afghanistan', REPORT);
    const b = proposePassages('several Member States reported meetings of groups in Afghanistan', REPORT);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(1);
    expect(a.length).toBeLessThanOrEqual(PROPOSAL_LIMIT);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
    for (const p of a) expect(p.score).toBeGreaterThanOrEqual(MIN_PROPOSAL_SCORE);
    expect(a[0]!.exact).toMatch(/^Meetings between senior figures/);
  });

  it('reads a sentence across the line breaks of a hard-wrapped source as one passage', () => {
    // Text kept as printed (copied out of a PDF): a line break inside a paragraph ends no sentence,
    // while a heading, a finished line and the next numbered paragraph still do.
    const wrapped = [
      'Security situation',
      '42. The TTP continued to operate from Afghan territory. Member States assessed that the',
      'group retains an estimated 6,000 to 6,500 fighters, mainly',
      'based in eastern Afghanistan.',
      '43. Financing',
      'The group relies on extortion, and on',
      'Kabul-based intermediaries, to move funds.',
    ].join('\n');
    const [first] = proposePassages('With an estimated strength of 6,000 fighters, mainly based in eastern Afghanistan', wrapped);
    expect(first!.exact).toBe('Member States assessed that the\ngroup retains an estimated 6,000 to 6,500 fighters, mainly\nbased in eastern Afghanistan.');
    expect(wrapped.slice(first!.start, first!.end)).toBe(first!.exact);
    const funds = proposePassages('the group moves funds through extortion and intermediaries in Kabul', wrapped);
    expect(funds[0]!.exact).toBe('The group relies on extortion, and on\nKabul-based intermediaries, to move funds.');
    for (const p of funds) expect(p.exact).not.toMatch(/^43\. Financing\n|Security situation\n/);
    // A paragraph number on its own is no passage (it would "share" a figure 42 with a claim).
    expect(proposePassages('42 fighters', wrapped).map((p) => p.exact)).not.toContain('42.');
  });

  // Scenarios from the blind holdout (tests/fixtures/provenance-holdout), on text written for this test.
  const PANEL = [
    'Summary',
    'The Alliance for the Liberation of Talvora (ALT) expanded its operations. The Talvoran Armed Forces (FAT) withdrew from Lasso.',
    'II. Armed groups',
    '6. The Panel estimates that the ALT commands between 1,700 and 1,940 combatants, most of them in Mbanti.2 An additional 300 auxiliaries guard its mines.',
    '12. The Panel estimates the strength of the Sentinel Brigades at approximately 1,900 members.',
    '35. The Panel notes that: (a) the drones used were commercially available quadcopters; (b) the components were purchased in Durenia;',
    '47. The Panel recommends that the Security Council:',
    '(a) Request the Government of Durenia to investigate the diversion of weapons;',
    '(b) Consider the designation of Sira Golden Trade;',
    '38. Nineteen port employees and four officers of the customs service have been arrested on suspicion of assisting smugglers.',
    '39. In total, 19 suspects and 4 vessels were seized in 2024.',
    'Arrests of port employees',
  ].join('\n');

  it("reads the claim's long name as the acronym the source defines, so the right group's figure wins", () => {
    const [first] = proposePassages('The Alliance for the Liberation of Talvora now fields nearly 2,000 fighters', PANEL);
    expect(first!.exact).toBe('The Panel estimates that the ALT commands between 1,700 and 1,940 combatants, most of them in Mbanti.2');
    expect(first!.reason).toMatch(/alt/i);
  });

  it('proposes the sub-item, not its whole sentence, and reads an item with its lead-in', () => {
    const [drones] = proposePassages('The drones were off-the-shelf quadcopters', PANEL);
    expect(drones!.exact).toBe('the drones used were commercially available quadcopters;');
    const [sanctions] = proposePassages('The experts recommended that the Security Council impose sanctions on the gold trader Sira Golden Trade', PANEL);
    expect(sanctions!.exact).toBe('Consider the designation of Sira Golden Trade;');
  });

  it('counts a figure whose noun the matcher classes differently, and weighs a heading less than a sentence', () => {
    const ranked = proposePassages('19 dock workers and four customs officials have been arrested for helping smugglers', PANEL);
    expect(ranked[0]!.exact).toMatch(/^Nineteen port employees/);
    expect(ranked[0]!.reason).toMatch(/19/);
    const heading = ranked.find((p) => p.exact === 'Arrests of port employees');
    expect(heading).toBeDefined();
    expect(heading!.score).toBeLessThan(ranked[0]!.score);
  });

  it('proposes nothing for a claim the source has no words for', () => {
    expect(proposePassages('Quantum computers broke elliptic curves', REPORT)).toEqual([]);
  });

  // Found by the end-to-end PDF probe (pdf-source-chain.test.ts): a report names its actor once per
  // paragraph and then writes "the group"; an article rounds a report's range to one figure.
  it('reads a sentence with the actors its paragraph named before it, and a rounded figure inside the range', () => {
    const source = [
      '12. The Coastal Front remains the largest armed group in the north. Member States estimate its strength at between 4,200 and 4,800 fighters, most of them recruited since 2022.',
      '13. The Harbour Brigade, a smaller group, counted some 900 fighters. Local officials recorded 4,500 vehicle checks on the coastal road.',
      '14. In the south, the Coastal Front held two ports for part of the year.',
    ].join('\n');
    const [first] = proposePassages('The Coastal Front is thought to have roughly 4,500 fighters, according to UN experts.', source);
    expect(first!.exact).toBe('Member States estimate its strength at between 4,200 and 4,800 fighters, most of them recruited since 2022.');
    expect(first!.reason).toMatch(/4,500/);
    expect(first!.reason).not.toMatch(/differs/);
  });

  it('does not lend a paragraph\'s actor to the next paragraph', () => {
    const source = ['The Coastal Front remains the largest armed group in the north.', 'Member States estimate its strength at 4,000 fighters.'].join('\n\n');
    const withContext = proposePassages('The Coastal Front has 4,000 fighters', source.replace('\n\n', ' '));
    const apart = proposePassages('The Coastal Front has 4,000 fighters', source);
    const score = (ps: typeof apart) => ps.find((p) => p.exact.startsWith('Member States'))!.score;
    expect(score(withContext)).toBeGreaterThan(score(apart));
  });

  // Found by the second blind holdout (tests/fixtures/provenance-holdout2): a report names an officer
  // in full once and then by rank and surname; the article writes the surname alone.
  describe('a surname alone and the full name', () => {
    const source = [
      '8. Riot police fired rubber bullets at the crowd shortly after noon. The order to clear the square was given by Colonel Ilse Marwick, who commanded the unit.',
      '9. The district governor, Paavo Lindqvist, was told of the shooting within the hour.',
      '10. Colonel Marwick later authorised the use of water cannon on the bridge.',
    ].join('\n');

    it('meets the full name the source gives once', () => {
      const [first] = proposePassages('Marwick gave the order to clear the square', source);
      expect(first!.exact).toBe('The order to clear the square was given by Colonel Ilse Marwick, who commanded the unit.');
      expect(first!.reason).toMatch(/shares: .*Marwick/);
      expect(first!.reason).not.toMatch(/name:/);
    });

    it('meets the surname alone when the claim gives the full name the source never writes', () => {
      const text = 'The spokesperson, reached by telephone, declined to comment.\nHalvorsen said the convoy had been turned back at the border.';
      const [first] = proposePassages('Anneli Halvorsen said the convoy was turned back', text);
      expect(first!.exact).toBe('Halvorsen said the convoy had been turned back at the border.');
      expect(first!.reason).toMatch(/Halvorsen/);
    });

    it('does not merge two people who share a surname', () => {
      const twins = ['Ilse Marwick chaired the inquiry into the shooting.', 'Tomas Marwick, her brother, owns the transport company that lost two lorries.'].join('\n');
      const withBoth = proposePassages('Marwick chaired the inquiry', twins);
      const alone = proposePassages('Marwick chaired the inquiry', twins.split('\n')[0]!);
      // With two Marwicks the surname stays its own name: it names neither in full.
      expect(withBoth[0]!.exact).toBe('Ilse Marwick chaired the inquiry into the shooting.');
      expect(withBoth[0]!.score).toBeLessThan(alone[0]!.score);
    });
  });

  it('reads "nearly 2,000" as rounding "between 1,700 and 1,940" up, not as a different figure', () => {
    const source = 'The experts estimate that the movement commands between 1,700 and 1,940 combatants.\nThe movement lost 300 fighters in the spring.';
    const [first] = proposePassages('the movement has nearly 2,000 fighters', source);
    expect(first!.exact).toMatch(/^The experts estimate/);
    expect(first!.reason).toMatch(/nearly 2,000/);
    expect(first!.reason).not.toMatch(/differs/);
    // An exact figure outside the range still differs: the article may be misquoting it.
    expect(proposePassages('the movement has 2,400 fighters', source)[0]!.reason).toMatch(/figure differs: 2,400 vs/);
  });

  it('reads a hedged figure against the passage figure it equals when its own class differs, but keeps an exact one differing', () => {
    const source = 'The inquiry identified 74 people who were treated in clinics for injuries sustained during the riot, of whom 29 had gunshot wounds.';
    const [hedged] = proposePassages('Some 30 of the roughly 75 people taken to clinics had been shot', source);
    expect(hedged!.reason).toMatch(/about 30/);
    expect(hedged!.reason).not.toMatch(/differs/);
    const [exact] = proposePassages('The inquiry identified 52 people treated in clinics', source);
    expect(exact!.reason).toMatch(/figure differs: 52 vs/);
  });

  it("explains with the claim's own words, not the matcher's stems and concept names", () => {
    const [first] = proposePassages('Officers considered dispersing the crowd with tear gas', 'Police considered the dispersal of the crowd by tear gas at noon.');
    expect(first!.reason).toMatch(/officers/);
    expect(first!.reason).toMatch(/considered/);
    expect(first!.reason).not.toMatch(/soldier|consid(?!ered)/);
  });

  it('meets "by 2pm" in "by 14:00", and reads two clock times as no figures in conflict', () => {
    const source = ['The governor was informed of the shooting by 14:00.', 'The governor was informed of the flooding by 09:00.', 'Units fired at 13:25.'].join('\n');
    const [first] = proposePassages('The governor knew of the shooting by 2pm', source);
    expect(first!.exact).toBe('The governor was informed of the shooting by 14:00.');
    expect(first!.reason).toMatch(/2pm/);
    expect(proposePassages('Units fired at 13:20', source)[0]!.reason).not.toMatch(/differs/);
  });

  it('reads a body’s name as no surname: an article’s "Supreme Court" is not the judgment’s "the Court" or its "High Court"', () => {
    const source = ['The High Court dismissed the application in June.', 'The Court does not accept that submission.', 'The third ground of appeal fails.'].join('\n');
    const ranked = proposePassages('The company said it would appeal to the Supreme Court', source);
    for (const p of ranked) expect(p.reason).not.toMatch(/Supreme Court|High Court/);
    // A person's surname still stands for the one full name ending in it.
    const people = proposePassages('Castell chaired the hearing', 'Judge Miriam Castell chaired the hearing on 3 March.\nThe hearing was adjourned.');
    expect(people[0]!.reason).toMatch(/Castell/);
  });

  describe('weak proposals', () => {
    it('flags a passage that shares only a name with the claim, and says so', () => {
      const source = 'The Coastal Front held two ports in the south for most of the year.\nFishing catches fell by a third.';
      const [first] = proposePassages('The Coastal Front is paid by a foreign government to smuggle fuel', source);
      expect(first).toMatchObject({ weak: true, caution: 'only a name in common' });
    });

    it('flags a low score with what the passage lacks, and leaves a fair candidate unflagged', () => {
      const [weak] = proposePassages('Two officers were injured in the raids on 40 warehouses', REPORT);
      expect(weak!.score).toBeLessThan(WEAK_BELOW);
      expect(weak).toMatchObject({ weak: true });
      expect(weak!.caution).toMatch(/figures|names|few words/);
      const [strong] = proposePassages('the TTP has some 6,000 fighters in Afghanistan', REPORT);
      expect(strong).toMatchObject({ weak: false, caution: null });
    });
  });
});

describe('proposePassages: the source’s own voice (fourth holdout)', () => {
  it('ranks the sentence stating the finding above the one in which the document describes itself', () => {
    const source = [
      'This report examines the Harbour Tunnel project, which was begun in 2019 to carry 40,000 vehicles a day under the Merrow estuary.',
      'The contractor changed twice during construction.',
      'By June 2026 the tunnel carried fewer than half of the 40,000 vehicles a day it was built to carry.',
    ].join('\n');
    // The finding names no actor (the report writes "the tunnel"): the self-description, naming them all, weighs half.
    const [p] = proposePassages('The Harbour Tunnel project, begun in 2019 to carry 40,000 vehicles a day under the Merrow estuary, carries fewer than half of them', source);
    expect(p!.exact).toMatch(/^By June 2026/);
    const release = 'Marlow Water plc today announces its results for the year ended 31 March 2026, a year of heavy rainfall.\nMarlow Water plc reported a pre-tax profit of £48 million for the year ended 31 March 2026.';
    expect(proposePassages('Marlow Water made a pre-tax profit of £48 million in the year to March', release)[0]!.exact).toMatch(/^Marlow Water plc reported/);
  });

  it('weighs a sentence on how the evidence was gathered half, but not one that says what the witnesses said', () => {
    const source = [
      'We took evidence from the Port Authority, the harbour pilots and the Dockers Union, and we considered the sale of the Kessel terminal by the Port Authority.',
      'The Kessel terminal was sold to Arvo Logistics in May for £60 million.',
    ].join('\n');
    expect(proposePassages('The Port Authority sold the Kessel terminal, the Dockers Union said', source)[0]!.exact).toMatch(/^The Kessel terminal was sold/);
    const heard = 'We heard from the harbour pilots that the Kessel terminal had been sold without a tender.\nThe harbour was busy in May.';
    expect(proposePassages('the Kessel terminal was sold without a tender', heard)[0]!.exact).toMatch(/^We heard from/);
  });

  it('ranks the source’s own denial above an allegation it reports from others, unless the claim is that speaker’s', () => {
    const source = [
      'Several traders told us that the army had closed the central market in the town of Belo.',
      'We found no evidence that the army closed the central market in Belo; it was closed by the municipality.',
      'The municipality told us that it would reopen the central market in May.',
    ].join('\n');
    const [p] = proposePassages('The report found that the army had closed the central market in the town of Belo', source);
    expect(p!.exact).toMatch(/^We found no evidence/);
    expect(p!.suggests).toBe('contradicts');
    expect(proposePassages('The municipality said it would reopen the central market in May', source)[0]!.exact).toMatch(/^The municipality told us/);
  });

  it('counts the name of the claim’s speaker at half weight, so the speaker’s other sentences do not outrank what was said', () => {
    expect(claimSpeaker('Velt said revenue would be broadly flat')).toBe('Velt');
    expect(claimSpeaker('The port sold the terminal, the Dockers Union said.')).toBe('the Dockers Union');
    expect(claimSpeaker('Revenue rose 6% to £1.84bn')).toBeNull();
    const statement = ['Mara Velt, Chief Executive, said: "We had a difficult year at the company."', 'Mara Velt thanked the staff of every bakery.', 'The Board expects operating profit for the 2027 financial year to be broadly in line with that of 2026.'].join('\n');
    expect(proposePassages('Velt said profit this year would be broadly flat', statement)[0]!.exact).toMatch(/^The Board expects/);
    // Her name still finds her own words.
    expect(proposePassages('Velt said it had been a difficult year', statement)[0]!.exact).toMatch(/^Mara Velt, Chief Executive/);
  });

  it('reads a phrasal verb of rising as the rise it is', () => {
    const [p] = proposePassages('Bread prices shot up in March', 'Bread prices were discussed at length in March.\nBread prices increased in March.');
    expect(p!.exact).toBe('Bread prices increased in March.');
  });
});

describe('figures that name and rates written as adjectives (sixth holdout)', () => {
  it('finds "raising about $28 million a year" in "its annual income at approximately $28 million"', () => {
    const [p] = proposePassages('raising about $28 million a year', 'The network taxes gold mining.\nOne Member State estimated its annual income at approximately $28 million.\nThe network has 4,000 fighters.');
    expect(p?.exact).toMatch(/annual income/);
  });

  it('does not read "resolution 60/14" or "Sixty-third session" as counts a claim’s figure meets', () => {
    const text = 'Sixty-third session\nThe present report, submitted pursuant to resolution 60/14, covers the first half of 2026.\nOf these, 52 killings were attributed to the security forces.';
    const proposals = proposePassages('The army was responsible for 62 of the killings', text);
    expect(proposals[0]?.exact).toMatch(/^Of these, 52/);
    expect(proposals.some((p) => /60\/14|Sixty-third/.test(p.exact) && /62/.test(p.reason))).toBe(false);
  });
});
