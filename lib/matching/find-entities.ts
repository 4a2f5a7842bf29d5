/**
 * Named entities in a folded claim: first the variant table (canonical ids such as "ttp"), then
 * capitalised names the table does not know, keyed by a consonant skeleton so that common
 * transliterations agree (Mehsud / Mahsud → "name:mhsd").
 */
import { ENTITY_TABLE, variantKey, type EntityTable } from './entity-variants';
import { MATCHING_LEXICON, type MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

export type EntityMention = { id: string; start: number; end: number; text: string; known: boolean };

/** Table hits, longest first where two overlap. */
export function findKnownEntities(folded: string, table: EntityTable = ENTITY_TABLE): EntityMention[] {
  const hits: EntityMention[] = [];
  const scan = (re: RegExp | null, acronym: boolean) => {
    if (!re) return;
    for (const m of folded.matchAll(re)) {
      const id = table.lookup.get((acronym ? 'A:' : '') + variantKey(m[0]));
      // "US$2.3bn" is a currency, not the United States.
      if (id && !(acronym && /^\s?\$/.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 2)))) {
        hits.push({ id, start: m.index, end: m.index + m[0].length, text: m[0], known: true });
      }
    }
  };
  scan(table.exactCase, true);
  scan(table.anyCase, false);
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: EntityMention[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) {
      if (hit.end - hit.start > last.end - last.start) kept[kept.length - 1] = hit;
      continue;
    }
    kept.push(hit);
  }
  return kept;
}

export function nameSkeleton(name: string): string {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  if (!letters) return '';
  // Vowels and a silent h vary most between transliterations (Mehsud/Mahsud, Zainullah/Zainulla).
  const rest = letters.slice(1).replace(/[aeiouyh]/g, '');
  return (letters[0] + rest).replace(/(.)\1+/g, '$1');
}

// Particles inside Arabic and Pashto names: "Saif al Adel", "Jamaat ul Ahrar".
const NAME_PARTICLES = new Set(['al', 'ul', 'bin', 'ibn', 'e', 'i', 'ud', 'ur', 'el']);

const ACRONYM_WORD = /^\p{Lu}{2,6}$/u;

function mention(span: Token[]): EntityMention | null {
  const words = span.filter((t) => !NAME_PARTICLES.has(t.lower) && t.text !== '-');
  // "Sikandar Sultan Raja" is often "Sikandar Raja": a long name is known by its first and last word.
  const keyed = words.length >= 3 ? [words[0], words[words.length - 1]] : span;
  const skeleton = nameSkeleton(keyed.map((t) => t.text.replace(/'s$/i, '')).join(' '));
  if (skeleton.length < 3) return null;
  return { id: `name:${skeleton}`, start: span[0].start, end: span[span.length - 1].end, text: span.map((t) => t.text).join(' '), known: false };
}

/**
 * One run of capitalised words as the names it holds: titles before a name dropped ("Chief Election
 * Commissioner Sikandar Sultan Raja"), an acronym before a name kept apart ("CEC Sikandar Raja"), a
 * generic last word dropped ("Lazarus Group"), a possessive dropped ("Imran Khan's").
 */
function nameMentions(span: Token[], lexicon: MatchingLexicon): EntityMention[] {
  const out: EntityMention[] = [];
  let rest = span;
  for (;;) {
    if (rest.length > 1 && lexicon.titles.has(rest[0].lower)) rest = rest.slice(1);
    else if (rest.length > 1 && ACRONYM_WORD.test(rest[0].text) && !ACRONYM_WORD.test(rest[1].text)) {
      const m = mention(rest.slice(0, 1));
      if (m) out.push(m);
      rest = rest.slice(1);
    } else break;
  }
  const bare = (t: Token) => t.lower.replace(/'s$/, '');
  while (rest.length > 1 && lexicon.nameGenerics.has(bare(rest[rest.length - 1]))) rest = rest.slice(0, -1);
  if (rest.length === 1 && (lexicon.titles.has(rest[0].lower) || lexicon.nameGenerics.has(rest[0].lower))) return out;
  const m = mention(rest);
  if (m) out.push(m);
  return out;
}

/** Capitalised names outside the table's hits (tokens already covered are skipped). */
export function findUnknownNames(tokens: Token[], covered: (t: Token) => boolean, lexicon: MatchingLexicon = MATCHING_LEXICON): EntityMention[] {
  const out: EntityMention[] = [];
  const isCapital = (t: Token) => t.kind === 'word' && /^\p{Lu}/u.test(t.text) && t.text.length >= 3 && !covered(t);
  const ignorable = (t: Token) => lexicon.stopwords.has(t.lower) || lexicon.reportingWords.has(t.lower);
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]) || ignorable(tokens[i])) {
      i += 1;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < tokens.length && isCapital(tokens[j])) j += 1;
      else if (j + 1 < tokens.length && NAME_PARTICLES.has(tokens[j].lower) && isCapital(tokens[j + 1])) j += 2;
      else if (j + 2 < tokens.length && tokens[j].text === '-' && NAME_PARTICLES.has(tokens[j + 1].lower) && tokens[j + 2].text === '-') j += 3;
      else break;
    }
    const words = j - i;
    // A capitalised word opening a sentence is only a name when more of the name follows.
    if (!tokens[i].sentenceStart || words >= 2) out.push(...nameMentions(tokens.slice(i, j), lexicon));
    i = j;
  }
  return out;
}
