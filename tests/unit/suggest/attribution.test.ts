import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, extendLexicon, suggestClaims, type Suggestion } from '@/lib/suggest';

const ALL = ['un', 'intelligence', 'analyst', 'official', 'media', 'ngo', 'unattributed'];

/** The suggestion covering `needle`. */
function at(text: string, needle: string, tags: string[] = ALL): Suggestion {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`needle not in text: ${needle}`);
  const s = suggestClaims(text, { tags }).find((x) => x.start <= i && i < x.end);
  if (!s) throw new Error(`no suggestion covers: ${needle}`);
  return s;
}

describe('cue families', () => {
  it.each([
    ['UN', 'The United Nations says 40 schools were destroyed in the fighting.', 'un'],
    ['UN agency', 'According to the World Health Organization, cholera cases doubled in March.', 'un'],
    ['intelligence', 'Intelligence officials believe the group has about 3,000 members.', 'intelligence'],
    ['intelligence document', 'A leaked intelligence assessment concludes that the truce will fail.', 'intelligence'],
    ['experts', 'Security experts warn that the border remains porous and poorly guarded.', 'analyst'],
    ['observers', 'Observers believe the ceasefire will not survive the winter months.', 'analyst'],
    ['officials', 'Officials said on Sunday that the corridor had reopened for convoys.', 'official'],
    ['country as government', 'Pakistan, however, insists that the sanctuaries remain the core problem.', 'official'],
    ['media tally', 'At least 214 civilians have died since June, according to a Reuters tally.', 'media'],
    ['NGO', 'Aid groups estimate that 1.2 million people remain displaced by the war.', 'ngo'],
  ])('%s', (_name, sentence, tag) => {
    const text = `Headline\n${sentence}`;
    const s = at(text, sentence.slice(0, 20));
    expect(s.tag).toBe(tag);
    expect(s.confidence).toBeGreaterThanOrEqual(0.8);
    expect(s.reason).toMatch(/^cue: '/);
  });

  it('does not read "intelligence-based" or a source named as an object as attribution', () => {
    const a = 'Headline\nDespite hundreds of intelligence-based operations, the army continues to lose soldiers.';
    expect(at(a, 'Despite').tag).toBe('unattributed');
    const b = 'Headline\nThe sophistication of recent attacks inside Pakistan suggests shared planning and support.';
    expect(at(b, 'The sophistication').tag).toBe('unattributed');
  });
});

describe('scope resolution', () => {
  it('resolves "the report" and "According to the report" to the report introduced earlier', () => {
    const text = [
      'Headline',
      'ISLAMABAD: A new United Nations report has warned that militant groups are regrouping in the east.',
      'Unrelated background about the weather sits here for a while.',
      'According to the report, the group carried out over 600 attacks in 2025 alone.',
      'The report also draws attention to the steady flow of weapons to the group.',
    ].join('\n');
    const s = at(text, 'According to the report');
    expect(s.tag).toBe('un');
    expect(s.cue).toBe('According to the report');
    expect(s.reason).toContain('introduced in ¶1');
    expect(s.reason).toContain('A new United Nations report');
    expect(at(text, 'The report also').tag).toBe('un');
  });

  it('resolves the same noun to the nearest document of that kind', () => {
    const text = [
      'Headline',
      'A United Nations report says the war displaced 2 million people this year.',
      'A leaked intelligence assessment concludes that the rebels received 300 drones.',
      'The report notes that most of the displaced are children under ten.',
      'The assessment estimates that the drones came from a foreign supplier.',
    ].join('\n');
    expect(at(text, 'The report notes').tag).toBe('un');
    expect(at(text, 'The assessment estimates').tag).toBe('intelligence');
  });

  it('resolves "they say" / "They argue" to the nearest named speaker', () => {
    const text = [
      'Headline',
      'Security experts warn that the merging of militant groups has expanded the battlefield. They argue that military action alone is not enough. Long-term stability, they say, requires a coordinated strategy.',
    ].join('\n');
    const they = at(text, 'Long-term stability');
    expect(they.tag).toBe('analyst');
    expect(they.cue).toBe('they say');
    expect(they.reason).toContain("'Security experts'");
    expect(at(text, 'They argue').tag).toBe('analyst');
  });

  it('resolves he/she to the last named person and reads their affiliation', () => {
    const text = 'Headline\n"Many could have been saved," said Dr. Amal Haddad, a WHO trauma specialist. She added that the generator ran for four hours a day.';
    expect(at(text, 'Many could').tag).toBe('un');
    const she = at(text, 'She added');
    expect(she.tag).toBe('un');
    expect(she.reason).toContain('Dr. Amal Haddad');
  });

  it('does not carry a pronoun further than two blocks back', () => {
    const text = ['Headline', 'Security experts warn that the border is porous.', 'Filler paragraph one is here.', 'Filler paragraph two is here.', 'Filler paragraph three is here.', 'They argue that nothing will change soon.'].join('\n');
    expect(at(text, 'They argue').tag).toBe('unattributed');
  });
});

describe('hedges and unattributed claims', () => {
  it.each([
    'Militants reportedly held a secret meeting in the north in November.',
    'Logistical support was allegedly provided by local authorities.',
    'Financing is believed to come from smuggling and extortion.',
    'Some traders are said to be hoarding stock ahead of the holiday.',
    'It is understood that the network is protected by local commanders.',
  ])('%s', (sentence) => {
    const s = at(`Headline\n${sentence}`, sentence.slice(0, 15));
    expect(s.tag).toBe('unattributed');
    expect(s.reason).toMatch(/^hedge: /);
    expect(s.confidence).toBeLessThan(0.8);
  });

  it('maps unattributed to null when the desk has no such tag', () => {
    const s = at('Headline\nFinancing is believed to come from smuggling and extortion.', 'Financing', ['un', 'intelligence', 'analyst']);
    expect(s.tag).toBeNull();
    expect(s.reason).toContain('the desk has no tag for unattributed sources');
  });

  it('a sentence without a cue continues the paragraph attribution, else is asserted by the article', () => {
    const text = 'Headline\nThe UN notes that the Taliban shelter the group. With 6,000 fighters, the group is strong.\nThe border clashes pushed relations to a new low.';
    const cont = at(text, 'With 6,000');
    expect(cont.tag).toBe('un');
    expect(cont.confidence).toBeLessThan(0.6);
    expect(cont.reason).toMatch(/^no cue; continues/);
    const own = at(text, 'The border clashes');
    expect(own.tag).toBe('unattributed');
    expect(own.reason).toContain('asserted by the article itself');
  });
});

describe("the writer's voice", () => {
  it('a first-person opinion or a verdict after a source is the writer\'s opinion, not the source going on', () => {
    const text =
      'Headline\nThe latest UN report says the group controls half the territory. In my view, the real failure is political.\n' +
      'Those figures should alarm anyone who trusts the junta.\nIntelligence officials said the mercenaries had done little. It would be a mistake to ignore them.';
    for (const needle of ['In my view', 'Those figures should', 'It would be a mistake']) {
      const s = at(text, needle);
      expect(s.tag, needle).toBe('analyst');
      expect(s.rules[0], needle).toBe('opinion:analysis');
      expect(s.reason, needle).toMatch(/^the writer's own opinion/);
    }
  });

  it('a quotation\'s first person and "must" stay its speaker\'s', () => {
    const text = 'Headline\nThe UN coordinator, Ana Ruiz, said the city was cut off. "We believe the parties must open a corridor now," she wrote.';
    expect(at(text, 'We believe').tag).toBe('un');
  });

  it('in a column, uncued sentences and calls to act are the writer\'s; in a news story they are the article\'s or the source\'s', () => {
    const column =
      'Headline\nThe mission has failed to retake a single district.\nThe UN says 4,000 people were killed. Washington should lead a new effort.\n' +
      'I am not convinced the council will act.';
    expect(at(column, 'The mission has failed').tag).toBe('analyst');
    expect(at(column, 'The mission has failed').rules[0]).toBe('opinion:analysis');
    expect(at(column, 'Washington should').tag).toBe('analyst');
    const news =
      'Headline\nThe mission has failed to retake a single district.\nThe UN panel recommended new sanctions on the leaders. Banks should freeze their assets within a month.\n' +
      '"I am not convinced the council will act," the envoy said.';
    expect(at(news, 'The mission has failed').tag).toBe('unattributed');
    expect(at(news, 'Banks should').rules[0]).toBe('continuation:un');
  });

  it('a label under the headline ("The Herald\'s view") or an editorial "We agree." makes the piece an editorial', () => {
    const body = 'The World Food Programme says 4.3 million people face acute hunger. Donors must close that gap before the rains fail.';
    expect(at(`Headline\nThe Herald's view\n${body}`, 'Donors must').rules[0]).toBe('opinion:analysis');
    expect(at(`Headline\n${body}\nThe agency warned of famine. We agree.`, 'Donors must').rules[0]).toBe('opinion:analysis');
    expect(at(`Headline\n${body}`, 'Donors must').rules[0]).toBe('continuation:un');
  });

  it('a short verdict in the writer\'s voice is a claim, a framing line of a live blog is not', () => {
    const text =
      'Headline\nOur correspondents in Nairobi are following the fighting.\nThe army said it had repelled the attack. We have not been able to verify the account independently.\n' +
      'The ministry said it backed a stronger mission. That is not good enough.';
    const found = suggestClaims(text, { tags: ALL }).map((x) => x.exact);
    expect(found).toContain('That is not good enough.');
    expect(found.some((x) => x.startsWith('Our correspondents'))).toBe(false);
    expect(found.some((x) => x.startsWith('We have not been able'))).toBe(false);
  });

  it('"put it differently" is a way of saying: the speaker, not the last one named, says what follows', () => {
    const text = 'Headline\nOne defence official argued the strikes had worked. A European intelligence official put it differently: the group, she said, had moved underground.';
    expect(at(text, 'A European intelligence').tag).toBe('intelligence');
  });
});

describe('lexicon as data', () => {
  it('a desk can add a family, phrases and a tag mapping', () => {
    const text = 'Headline\nThe Kabul Times reported that the pass was closed for three days.';
    expect(at(text, 'The Kabul').tag).not.toBe('local-press');
    const lexicon = extendLexicon(DEFAULT_LEXICON, {
      families: { localPress: { label: 'local press', tags: ['local-press'] } },
      sources: [{ family: 'localPress', kind: 'organisation', phrases: ['Kabul Times'] }],
    });
    const s = suggestClaims(text, { tags: ['local-press'], lexicon })[0];
    expect(s.tag).toBe('local-press');
    expect(s.reason).toContain('local press');
  });

  it('a family maps to the first preferred tag key the desk has', () => {
    const text = 'Headline\nOfficials said on Sunday that the corridor had reopened for convoys.';
    expect(suggestClaims(text, { tags: ['government'] })[0].tag).toBe('government');
    expect(suggestClaims(text, { tags: ['official', 'government'] })[0].tag).toBe('official');
    expect(suggestClaims(text, { tags: ['un'] })[0].tag).toBeNull();
  });
});
