/**
 * Turns a Lexicon (plain data) into lookup tables. Phrase and verb matching is done on tokens
 * with Maps/Sets rather than giant regex alternations: V8 spends ~100 ms compiling a
 * case-insensitive Unicode alternation of a few hundred words, more than a whole article costs.
 * Compiled once per lexicon object and cached.
 */
import type { Lexicon, SpeakerKind } from './lexicon';

export type TermInfo = {
  family: string;
  kind: SpeakerKind;
  modifierOnly: boolean;
  plural: boolean;
  phrase: string;
  placeName: boolean;
  /** Found by its head word (lexicon `namedBodies`), not listed: its initials may stand for it later. */
  named?: boolean;
  /** "the network", "the Bank": a generic head pointing back to a body named earlier, standing in for it (never a speaker of its own). */
  anaphoric?: boolean;
};

export type CompiledLexicon = {
  lexicon: Lexicon;
  /** Source phrases keyed by their tokens joined with one space: exact for cased phrases, lowercased otherwise. */
  casedTerms: Map<string, TermInfo>;
  caselessTerms: Map<string, TermInfo>;
  maxTermTokens: number;
  /** Every token prefix of a phrase (same keys as the term maps), so matching stops as soon as nothing can follow. */
  casedPrefixes: Set<string>;
  caselessPrefixes: Set<string>;
  documentNouns: Set<string>;
  premodifiers: Set<string>;
  organisationAnaphors: Set<string>;
  organisationHeads: Set<string>;
  verbForms: Set<string>;
  /** Reporting and reacting verbs: what a named speaker may do ("Officials welcomed the findings"). */
  speakerVerbForms: Set<string>;
  /** "tell" forms: the noun after "told" is the addressee ("told Reuters"), never the speaker. */
  tellForms: Set<string>;
  documentRecipients: Set<string>;
  /** "according to", "in the words of" as lowercase token lists. */
  sourcePrepositions: string[][];
  /** Named-body rules with their head and required words as sets (cased). */
  namedBodies: Array<{ family: string; heads: Set<string>; requires: Set<string> | null }>;
  authorNouns: Set<string>;
  /** Nouns that, after "the", may name a body met earlier by its proper name: organisation anaphors, heads and named-body heads. */
  bodyHeads: Set<string>;
  citingParticiples: Set<string>;
  affiliationRank: Map<string, number>;
  analysis: RegExp[];
  writerVoice: RegExp[];
  opinion: RegExp[];
  opinionLabels: RegExp[];
  auxiliaries: Set<string>;
  stanceAdjectives: Set<string>;
  hedge: RegExp;
  /** Single-word hedges ("reportedly"), which must not pass as a speaker's adverb. */
  hedgeWords: Set<string>;
  nonClaims: RegExp[];
  transitions: string[];
  titles: Map<string, string>;
  /** Title + capitalised name: 'Dr. Amal Haddad', 'Mary Wanjiru'. */
  name: RegExp;
};

export type Token = { text: string; lower: string; start: number; end: number };

const cache = new WeakMap<Lexicon, CompiledLexicon>();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_START = '(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)';
const WORD_END = '(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])';

function alternation(phrases: string[]): string {
  const uniq = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return uniq.map((p) => escape(p).replace(/ /g, '\\s+')).join('|');
}

// Words keep inner dots, hyphens and apostrophes ("U.N", "IS-K", "O'Brien") but not a possessive "'s".
const TOKEN = /[\p{L}\p{N}]+(?:(?:[.&-]|['’](?!s(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*/gu;

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) {
    // The "s" of a possessive belongs to the separator ("UN’s report"), so "’s" can be read between two tokens.
    if (m[0] === 's' && m.index > 0 && /['’]/.test(s[m.index - 1])) continue;
    let end = m.index + m[0].length;
    // "U.N." keeps its final dot; "Reuters." does not.
    if (s[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(m[0])) end += 1;
    const text = s.slice(m.index, end);
    out.push({ text, lower: text.toLowerCase(), start: m.index, end });
  }
  return out;
}

export function inflect(base: string): string[] {
  const forms = [base];
  if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied');
  else if (/(?:s|sh|ch|x|z|o)$/.test(base)) forms.push(base + 'es', base + 'ed');
  else if (/e$/.test(base)) forms.push(base + 's', base + 'd');
  else forms.push(base + 's', base + 'ed');
  return forms;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit) return hit;

  const casedTerms = new Map<string, TermInfo>();
  const caselessTerms = new Map<string, TermInfo>();
  let maxTermTokens = 1;
  const casedPrefixes = new Set<string>();
  const caselessPrefixes = new Set<string>();
  for (const t of lexicon.sources) {
    // "the Kremlin" opens sentences as "The Kremlin"; an expert's one-word title has its plural ("epidemiologists"). Only
    // experts: a plural official noun is as often the object of what others say ("senators who it says …").
    const variants = t.phrases.flatMap((p) => [
      p,
      ...(/^the\s/u.test(p) ? [`T${p.slice(1)}`] : []),
      ...(t.family === 'expert' && t.kind !== 'organisation' && /^\p{Ll}+$/u.test(p) && /[^s]$/u.test(p) && !t.phrases.includes(`${p}s`) ? [`${p}s`] : []),
    ]);
    for (const phrase of variants) {
      const tokens = tokenize(phrase).map((x) => x.text);
      if (tokens.length === 0) continue;
      maxTermTokens = Math.max(maxTermTokens, tokens.length);
      const isCased = /\p{Lu}/u.test(phrase);
      const key = isCased ? tokens.join(' ') : tokens.join(' ').toLowerCase();
      const map = isCased ? casedTerms : caselessTerms;
      const prefixes = isCased ? casedPrefixes : caselessPrefixes;
      for (let n = 1; n <= tokens.length; n += 1) prefixes.add(isCased ? tokens.slice(0, n).join(' ') : tokens.slice(0, n).join(' ').toLowerCase());
      if (map.has(key)) continue; // first definition wins
      map.set(key, { family: t.family, kind: t.kind, modifierOnly: t.modifierOnly ?? false, plural: /[^s]s$/.test(phrase), phrase, placeName: t.placeName ?? false });
    }
  }

  const compiled: CompiledLexicon = {
    lexicon,
    casedTerms,
    caselessTerms,
    maxTermTokens,
    casedPrefixes,
    caselessPrefixes,
    documentNouns: new Set(lexicon.documentNouns.map((n) => n.toLowerCase())),
    premodifiers: new Set(lexicon.documentPremodifiers.map((n) => n.toLowerCase())),
    organisationAnaphors: new Set(lexicon.organisationAnaphors.map((n) => n.toLowerCase())),
    organisationHeads: new Set(lexicon.organisationHeads.map((n) => n.toLowerCase())),
    verbForms: new Set([...lexicon.reportingVerbs.flatMap(inflect), ...lexicon.irregularVerbs].map((v) => v.toLowerCase())),
    speakerVerbForms: new Set([...lexicon.reportingVerbs.flatMap(inflect), ...lexicon.irregularVerbs, ...lexicon.reactionVerbs.flatMap(inflect)].map((v) => v.toLowerCase())),
    // "informed the agency that": the one informed is the listener too.
    tellForms: new Set(['tell', 'tells', 'told', 'telling', 'inform', 'informs', 'informed', 'informing']),
    documentRecipients: new Set(lexicon.documentRecipients.map((v) => v.toLowerCase())),
    sourcePrepositions: lexicon.sourcePrepositions.map((p) => tokenize(p).map((t) => t.lower)).filter((p) => p.length > 0),
    namedBodies: lexicon.namedBodies.map((r) => ({ family: r.family, heads: new Set(r.heads), requires: r.requires?.length ? new Set(r.requires) : null })),
    authorNouns: new Set(lexicon.authorNouns.map((n) => n.toLowerCase())),
    bodyHeads: new Set(
      [...lexicon.organisationAnaphors, ...lexicon.namedBodies.flatMap((r) => r.heads), ...lexicon.organisationHeads]
        .map((n) => n.toLowerCase())
        // Source words speak for themselves ("the experts", "the officials"); only names' heads are looked up.
        .filter((n) => !lexicon.sources.some((t) => !t.modifierOnly && t.phrases.some((p) => p.toLowerCase() === n))),
    ),
    citingParticiples: new Set(lexicon.citingParticiples.map((v) => v.toLowerCase())),
    affiliationRank: new Map(lexicon.affiliationPriority.map((f, i) => [f, i])),
    analysis: lexicon.analysisCues.map((p) => new RegExp(p, 'iu')),
    writerVoice: lexicon.writerVoiceCues.map((p) => new RegExp(p, 'iu')),
    opinion: lexicon.opinionCues.map((p) => new RegExp(p, 'iu')),
    opinionLabels: lexicon.opinionLabels.map((p) => new RegExp(p, 'iu')),
    auxiliaries: new Set(lexicon.auxiliaries.map((a) => a.toLowerCase())),
    stanceAdjectives: new Set(lexicon.stanceAdjectives.map((a) => a.toLowerCase())),
    hedge: new RegExp(
      `${WORD_START}(?:${alternation(lexicon.hedges.phrases)}|(?:is|are|was|were|be|been|being)\\s+(?:\\p{L}+ly\\s+|also\\s+|still\\s+|now\\s+)?(?:${alternation(lexicon.hedges.passives)})(?=\\s+(?:to|as|that)${WORD_END}|\\s*[,.;]))${WORD_END}`,
      'giu',
    ),
    hedgeWords: new Set(lexicon.hedges.phrases.filter((p) => !/\s/.test(p)).map((p) => p.toLowerCase())),
    nonClaims: lexicon.nonClaims.map((p) => new RegExp(p, 'iu')),
    transitions: [...lexicon.transitions].sort((a, b) => b.length - a.length),
    titles: new Map(Object.entries(lexicon.titles)),
    name: new RegExp(
      `(?<![\\p{L}\\p{N}'’-])(?:(?:${alternation(Object.keys(lexicon.titles))})\\.?(?:\\s*\\((?:retd|ret|retired)\\.?\\))?\\s+)?\\p{Lu}[\\p{L}’'-]+(?:(?:\\s*\\((?:retd|ret|retired)\\.?\\))?\\s+(?:\\p{Lu}\\.(?=\\s+\\p{Lu})|(?:(?:al|el)-|(?:bin|ibn|van|von|de|da|di|der|den)\\s+)?\\p{Lu}[\\p{L}’'-]+)){0,4}`,
      'gu',
    ),
  };
  cache.set(lexicon, compiled);
  return compiled;
}
