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
  /** Verbs whose "up"/"down" is no direction ("shut down", "dried up", "set up"). */
  phrasalVerbs: ReadonlySet<string>;
  /** Every form of the verbs that tell who did something to whom ("stole", "seized", "killed"). */
  roleVerbs: ReadonlySet<string>;
  /** Their past and past participle forms ("stole", "stolen", "attacked"). */
  rolePastForms: ReadonlySet<string>;
  /** Nouns that may stand between a name and its verb ("American officials have confiscated"). */
  roleSubjectHeads: ReadonlySet<string>;
  passiveAuxiliaries: ReadonlySet<string>;
  agentPrepositions: ReadonlySet<string>;
  patientPrepositions: ReadonlySet<string>;
};

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
  phrasalVerbs?: string[];
  /** Each verb as [base, -s form, past, past participle, -ing form]. */
  roleVerbs?: string[][];
  roleSubjectHeads?: string[];
  passiveAuxiliaries?: string[];
  agentPrepositions?: string[];
  patientPrepositions?: string[];
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
    phrasalVerbs: lower(data.phrasalVerbs ?? []),
    roleVerbs: lower((data.roleVerbs ?? []).flat()),
    rolePastForms: lower((data.roleVerbs ?? []).flatMap((forms) => forms.slice(2, 4))),
    roleSubjectHeads: lower(data.roleSubjectHeads ?? []),
    passiveAuxiliaries: lower(data.passiveAuxiliaries ?? []),
    agentPrepositions: lower(data.agentPrepositions ?? []),
    patientPrepositions: lower(data.patientPrepositions ?? []),
  };
}

export const MATCHING_LEXICON: MatchingLexicon = compileLexicon(raw);
