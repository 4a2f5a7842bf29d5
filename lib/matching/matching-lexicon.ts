/**
 * The matcher's word lists (data/matching-lexicon.json) compiled into lookups once. The JSON is
 * the place to change vocabulary; this file only indexes it.
 */
import { stemmer } from 'stemmer';
import raw from './data/matching-lexicon.json';

export type MatchingLexicon = {
  stopwords: ReadonlySet<string>;
  reportingWords: ReadonlySet<string>;
  /** Word or stem → concept name (the first word of its list). */
  concepts: ReadonlyMap<string, string>;
  negations: ReadonlySet<string>;
  up: ReadonlySet<string>;
  down: ReadonlySet<string>;
  /** Word → unit class name (the first word of its list). */
  units: ReadonlyMap<string, string>;
  /** Titles and offices before a name ("Prime Minister", "Qari"): not part of who is named. */
  titles: ReadonlySet<string>;
  /** Generic last words of a group's name ("Lazarus Group" is the Lazarus of "the Lazarus hacking group"). */
  nameGenerics: ReadonlySet<string>;
  /** Capitalised phrases that name no particular body ("Member States"), lowercase, words joined by a space. */
  collectiveNames: ReadonlySet<string>;
  /** Last words of a body's name ("Front", "Programme", "Agency"): a name of three words or more ending in one is known by its initials. */
  organisationHeads: ReadonlySet<string>;
  /** Verbs whose "up"/"down" is no direction ("shut down", "dried up", "set up"). */
  phrasalVerbs: ReadonlySet<string>;
  /** Every form of the verbs that tell who did something to whom ("stole", "seized", "killed"). */
  roleVerbs: ReadonlySet<string>;
  /** Their past and past participle forms ("stole", "stolen", "attacked"). */
  rolePastForms: ReadonlySet<string>;
  /** Their base forms ("pay", "attack"): "Halvik was ordered to pay", "requires Halvik to compensate" make Halvik the doer. */
  roleBaseForms: ReadonlySet<string>;
  /** Nouns that may stand between a name and its verb ("American officials have confiscated"). */
  roleSubjectHeads: ReadonlySet<string>;
  passiveAuxiliaries: ReadonlySet<string>;
  agentPrepositions: ReadonlySet<string>;
  patientPrepositions: ReadonlySet<string>;
  /** Events told in one of two opposite states: word → each axis it tells and which state it names there ("suspended": a service cut, a loan no longer approved). */
  states: ReadonlyMap<string, readonly { axis: string; state: 0 | 1 }[]>;
  /** Steps of a process a claim reports one of, furthest named wins: word → each ladder it is on and its step ("charged" is step 1 of prosecution). */
  stages: ReadonlyMap<string, readonly { ladder: string; step: number }[]>;
  /** Words that make a figure a forecast rather than an outcome ("expects", "had forecast"). */
  forecasts: ReadonlySet<string>;
  /** Month name or abbreviation → 1..12. */
  months: ReadonlyMap<string, number>;
  /** Set phrases read as one concept, longest first. */
  phrases: readonly Phrase[];
  /** Word → a second concept it also names ("froze" the grant is a suspension; "froze" the assets stays a seizure too). */
  alsoConcepts: ReadonlyMap<string, string>;
  /** Word → what a figure near it measures ("prices", "exports", "debt"): "potash prices doubled" is not "potash exports doubled". A word may name two ("shipments" are imports or exports). */
  measures: ReadonlyMap<string, readonly string[]>;
};

/** A set phrase's words (lowercase); `open` phrases count only before a name or a concept word ("fell to *"). */
export type Phrase = { concept: string; words: string[]; open: boolean };

export type MatchingLexiconData = {
  stopwords: string[];
  reportingWords: string[];
  concepts: string[][];
  negations: string[];
  up: string[];
  down: string[];
  units: string[][];
  titles?: string[];
  nameGenerics?: string[];
  collectiveNames?: string[];
  organisationHeads?: string[];
  phrasalVerbs?: string[];
  /** Each verb as [base, -s form, past, past participle, -ing form]. */
  roleVerbs?: string[][];
  roleSubjectHeads?: string[];
  passiveAuxiliaries?: string[];
  agentPrepositions?: string[];
  patientPrepositions?: string[];
  /** Each as [axis name, [words of one state], [words of the opposite one]]. */
  stateAxes?: (string | string[])[][];
  /** Each as [ladder name, [words of the first step], [words of the next], …]. */
  stageLadders?: (string | string[])[][];
  /** Each as [concept, phrase, …]. */
  phraseConcepts?: string[][];
  forecasts?: string[];
  /** Twelve lists, January first: a month's name and its abbreviations. */
  months?: string[][];
  /** Each as [word, concept]. */
  alsoConcepts?: string[][];
  /** Each as [measure, word, …]; words by exact form (a stem would make "importers" imports). */
  measures?: string[][];
};

/** British and American spellings stem alike: organisation → organization. */
export function stemWord(word: string): string {
  const w = word.toLowerCase().replace(/'s$/, '');
  const americanised = w.replace(/isation(s?)$/, 'ization$1').replace(/is(e|es|ed|ing)$/, 'iz$1').replace(/our(s?)$/, 'or$1');
  return stemmer(americanised);
}

function groupIndex(groups: string[][], { stems }: { stems: boolean }): Map<string, string> {
  const index = new Map<string, string>();
  for (const group of groups) {
    const name = group[0];
    for (const word of group) {
      const lower = word.toLowerCase();
      if (!index.has(lower)) index.set(lower, name);
      const stem = stemWord(lower);
      if (stems && !index.has(stem)) index.set(stem, name);
    }
  }
  return index;
}

function stateIndex(axes: (string | string[])[][]): Map<string, { axis: string; state: 0 | 1 }[]> {
  const index = new Map<string, { axis: string; state: 0 | 1 }[]>();
  const add = (word: string, axis: string, state: 0 | 1) => index.set(word.toLowerCase(), [...(index.get(word.toLowerCase()) ?? []), { axis, state }]);
  for (const [axis, one, other] of axes) {
    if (typeof axis !== 'string' || !Array.isArray(one) || !Array.isArray(other)) throw new Error(`matching lexicon: a state axis is [name, [words], [words]], not ${JSON.stringify([axis, one, other])}`);
    for (const w of one) add(w, axis, 0);
    for (const w of other) add(w, axis, 1);
  }
  return index;
}

function measureIndex(groups: string[][]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [measure, ...words] of groups) for (const w of words) index.set(w.toLowerCase(), [...new Set([...(index.get(w.toLowerCase()) ?? []), measure])]);
  return index;
}

function phraseList(groups: string[][]): Phrase[] {
  return groups
    .flatMap(([concept, ...phrases]) =>
      phrases.map((p) => {
        const words = p.toLowerCase().split(/\s+/).filter(Boolean);
        const open = words[words.length - 1] === '*';
        return { concept, words: open ? words.slice(0, -1) : words, open };
      }),
    )
    .sort((a, b) => b.words.length - a.words.length);
}

function stageIndex(ladders: (string | string[])[][]): Map<string, { ladder: string; step: number }[]> {
  const index = new Map<string, { ladder: string; step: number }[]>();
  for (const [ladder, ...steps] of ladders) {
    if (typeof ladder !== 'string' || steps.some((s) => !Array.isArray(s))) throw new Error(`matching lexicon: a stage ladder is [name, [words], [words], …], not ${JSON.stringify([ladder, ...steps])}`);
    steps.forEach((words, step) => {
      for (const w of words as string[]) index.set(w.toLowerCase(), [...(index.get(w.toLowerCase()) ?? []), { ladder, step }]);
    });
  }
  return index;
}

export function compileLexicon(data: MatchingLexiconData): MatchingLexicon {
  const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    stopwords: lower(data.stopwords),
    reportingWords: lower(data.reportingWords),
    concepts: groupIndex(data.concepts, { stems: true }),
    negations: lower(data.negations),
    up: lower(data.up),
    down: lower(data.down),
    // Units by exact word: a stem would make "regional" count regions.
    units: groupIndex(data.units, { stems: false }),
    titles: lower(data.titles ?? []),
    nameGenerics: lower(data.nameGenerics ?? []),
    collectiveNames: lower(data.collectiveNames ?? []),
    organisationHeads: lower(data.organisationHeads ?? []),
    phrasalVerbs: lower(data.phrasalVerbs ?? []),
    roleVerbs: lower((data.roleVerbs ?? []).flat()),
    rolePastForms: lower((data.roleVerbs ?? []).flatMap((forms) => forms.slice(2, 4))),
    roleBaseForms: lower((data.roleVerbs ?? []).map((forms) => forms[0])),
    roleSubjectHeads: lower(data.roleSubjectHeads ?? []),
    passiveAuxiliaries: lower(data.passiveAuxiliaries ?? []),
    agentPrepositions: lower(data.agentPrepositions ?? []),
    patientPrepositions: lower(data.patientPrepositions ?? []),
    states: stateIndex(data.stateAxes ?? []),
    stages: stageIndex(data.stageLadders ?? []),
    forecasts: lower(data.forecasts ?? []),
    months: new Map((data.months ?? []).flatMap((names, i) => names.map((n) => [n.toLowerCase(), i + 1] as const))),
    phrases: phraseList(data.phraseConcepts ?? []),
    alsoConcepts: new Map((data.alsoConcepts ?? []).map(([word, concept]) => [word.toLowerCase(), concept] as const)),
    measures: measureIndex(data.measures ?? []),
  };
}

export const MATCHING_LEXICON: MatchingLexicon = compileLexicon(raw);
