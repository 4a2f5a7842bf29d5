/**
 * Named entities in a folded claim: first the variant table (canonical ids such as "ttp"), then
 * capitalised names the table does not know, keyed by a consonant skeleton so that common
 * transliterations agree (Mehsud / Mahsud → "name:mhsd").
 */
import { ENTITY_TABLE, variantKey, type EntityTable } from './entity-variants';
import { MATCHING_LEXICON, stemWord, type MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

export type EntityMention = {
  id: string;
  start: number;
  end: number;
  text: string;
  known: boolean;
  /** A person's or place's name of several words, also known by its last ("President Castell" for "Lena Castell"). */
  alias?: string;
  /** A lone capitalised word opening a sentence ("Velk had fallen"): a name only if the other claim names it too. */
  tentative?: boolean;
  /** Tentative because it opens the sentence (not because it is short): two claims opening with it may share only a common noun ("Floods in …"). */
  opening?: boolean;
  /** Keyed by initials (an acronym, or a body's name read as one): a description of the body may stand for it ("Sorvia's central bank" for the NBS). */
  initials?: boolean;
};

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

/**
 * Consonants that transliterations of one sound write differently: q and k (Qila / Killa, Qari /
 * Kari), ck, a "ch" before a consonant (always a k: Aerotechnika / Aerotekhnika), tz and ts
 * (Kostrovtzev / Kostrovtsev), ph and f, a Russian name's opening ye and e (Yevgeny / Evgeny). Only spellings of one sound are folded, so names that
 * differ by a consonant (Fursan / Furqan, Shirin / Sher) keep different keys.
 * Two more are one sound in the German and Polish spellings of Slavic names: an opening i before
 * a vowel and a consonant is the y of "yu", "ya", "yo" (Iurii / Yuri, Iakov / Yakov), and a w that
 * starts a word or stands between vowels is a v (Wadim / Vadim, Kowalenko / Kovalenko). A w after
 * a vowel and before a consonant or at the end (Dawson, Shaw) is a vowel's glide and stays.
 */
function foldTransliteration(letters: string): string {
  return letters
    .replace(/^ye(?=[^aeiouy])/, 'e')
    .replace(/^i(?=[aou][^aeiouy])/, 'y')
    .replace(/^w(?=[aeiou])/, 'v')
    .replace(/(?<=[aeiou])w(?=[aeiou])/g, 'v')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/ch(?=[^aeiouyh])/g, 'k')
    .replace(/tz/g, 'ts')
    .replace(/ph/g, 'f');
}

export function nameSkeleton(name: string): string {
  // Folded word by word: "Khirbat Zahroun" has no tz.
  const letters = name.toLowerCase().split(/[^a-z]+/).map(foldTransliteration).join('');
  if (!letters) return '';
  // Vowels and a silent h vary most between transliterations (Mehsud/Mahsud, Zainullah/Zainulla).
  const rest = letters.slice(1).replace(/[aeiouyh]/g, '');
  return (letters[0] + rest).replace(/(.)\1+/g, '$1');
}

// Particles inside Arabic and Pashto names: "Saif al Adel", "Jamaat ul Ahrar".
const NAME_PARTICLES = new Set(['al', 'ul', 'bin', 'ibn', 'e', 'i', 'ud', 'ur', 'el']);

/**
 * The article assimilated to a following sun letter, written with a hyphen: "az-Zahrun" is
 * "al-Zahrun", "ash-Sham" "al-Sham". Only before a name that starts with its consonant, since
 * "as", "at" and "an" are English words too.
 */
function isSunParticle(word: Token, hyphen: Token | undefined, next: Token | undefined): boolean {
  const m = /^[ae](sh|th|dh|[tdrzsn])$/.exec(word.lower);
  return !!m && hyphen?.text === '-' && !!next && next.lower.startsWith(m[1]);
}

/** A particle joining two parts of a name, written apart or hyphenated ("ul Adl", "ul-Adl", "az-Zahrun"). */
function isJoiningParticle(tokens: Token[], j: number): boolean {
  return NAME_PARTICLES.has(tokens[j].lower) || isSunParticle(tokens[j], tokens[j + 1], tokens[j + 2]);
}

/** A token of a name span that is not the name: a particle or a hyphen. */
function isParticleToken(t: Token): boolean {
  return t.text === '-' || NAME_PARTICLES.has(t.lower) || (/^\p{Ll}/u.test(t.text) && /^[ae](sh|th|dh|[tdrzsn])$/.test(t.lower));
}

const ACRONYM_WORD = /^\p{Lu}{2,6}$/u;

/**
 * The key of a one-word name. A demonym and a plural end where the name does not (Qaletian,
 * Qaletians = Qaletia; Tavrenis = Tavren), so a final n or s of the skeleton is dropped when enough
 * of it is left to stay distinctive (Taiwan keeps its n).
 */
export function singleNameKey(word: string): string {
  const bare = word.replace(/'s$/i, '');
  const skeleton = nameSkeleton(bare);
  // A short name's skeleton is too short to tell it from others (Marr → "mr"): it is keyed by its letters.
  if (skeleton.length < 3) return foldTransliteration(bare.toLowerCase().replace(/[^a-z]/g, ''));
  for (const end of ['ns', 'n', 's']) if (skeleton.endsWith(end) && skeleton.length - end.length >= 3) return skeleton.slice(0, -end.length);
  return skeleton;
}

/** An acronym's letters are initials, not a transliteration: its vowels stay (GWA is not GW). */
function acronymKey(letters: string): string {
  return letters.toLowerCase();
}

function mention(span: Token[], lexicon: MatchingLexicon): EntityMention | null {
  const words = span.filter((t) => !isParticleToken(t));
  const at = { start: span[0].start, end: span[span.length - 1].end, text: span.map((t) => t.text).join(' '), known: false };
  // "the Oskari Liberation Front" is "the OLF": a body's name of three words or more is known by its initials.
  const head = words[words.length - 1]?.lower.replace(/'s$/, '');
  if (words.length >= 3 && head && lexicon.organisationHeads.has(head)) return { id: `name:${acronymKey(words.map((t) => t.text[0]).join(''))}`, ...at, initials: true };
  if (words.length === 1) {
    const acronym = ACRONYM_WORD.test(words[0].text);
    const key = acronym ? acronymKey(words[0].text) : singleNameKey(words[0].text);
    // A short name (Marr, Kohat) is weak evidence alone: it counts only when the other claim names it too.
    const short = !acronym && nameSkeleton(words[0].text.replace(/'s$/i, '')).length < 3;
    return key.length >= 3 ? { id: `name:${key}`, ...at, ...(short ? { tentative: true } : {}), ...(acronym ? { initials: true } : {}) } : null;
  }
  // "Sikandar Sultan Raja" is often "Sikandar Raja": a long name is known by its first and last word.
  // Particles are left out of the key: "Jaish ul Adl", "Jaish ul-Adl" and "Jaish al-Adl" are one name.
  const keyed = words.length >= 3 ? [words[0], words[words.length - 1]] : words;
  const skeleton = nameSkeleton(keyed.map((t) => t.text.replace(/'s$/i, '')).join(' '));
  if (skeleton.length < 3) return null;
  // A second reference often gives the last word alone ("Castell said"); when the last word is an
  // ordinary word the lexicon knows ("Meridane Health"), it gives the first ("Meridane's systems").
  const byFirst = words.length === 2 && isVocabulary(words[1], lexicon);
  const last = words.length >= 2 ? singleNameKey(words[byFirst ? 0 : words.length - 1].text) : '';
  return { id: `name:${skeleton}`, ...at, ...(last.length >= 3 ? { alias: `name:${last}` } : {}) };
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
      const m = mention(rest.slice(0, 1), lexicon);
      if (m) out.push(m);
      rest = rest.slice(1);
    } else break;
  }
  const bare = (t: Token) => t.lower.replace(/'s$/, '');
  const named = rest.filter((t) => !isParticleToken(t));
  // A body known by its initials keeps its generic last word ("Front" is the F of OLF).
  const byInitials = named.length >= 3 && lexicon.organisationHeads.has(bare(named[named.length - 1]));
  while (!byInitials && rest.length > 1 && lexicon.nameGenerics.has(bare(rest[rest.length - 1]))) rest = rest.slice(0, -1);
  if (rest.length === 1 && (lexicon.titles.has(rest[0].lower) || lexicon.nameGenerics.has(rest[0].lower))) return out;
  const m = mention(rest, lexicon);
  if (m) out.push(m);
  return out;
}

/** A word the lexicon knows as ordinary vocabulary: capitalised only because it opens a sentence. */
function isVocabulary(t: Token, lx: MatchingLexicon): boolean {
  const w = t.lower.replace(/'s$/, '');
  const lists = [lx.stopwords, lx.reportingWords, lx.negations, lx.up, lx.down, lx.titles, lx.nameGenerics, lx.roleVerbs, lx.roleSubjectHeads, lx.organisationHeads];
  return lists.some((l) => l.has(w)) || lx.concepts.has(w) || lx.concepts.has(stemWord(w)) || lx.units.has(w) || lx.states.has(w) || NUMBER_WORD.test(w);
}

// Number words open sentences ("Forty rebel detainees", "Twenty-four troops"); they are figures, not names.
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|dozens|half|quarter|third|fifth|some|several|hundreds|thousands|millions)$/;

/**
 * "the National Bank of Sorvia" is "the NBS": a body's name ending in a word such as Bank or
 * Ministry, followed by "of" and a place, is known by the initials of its capitalised words when
 * there are three or more. The place after "of" stays a name of its own (read by the caller).
 */
function bodyOfPlace(tokens: Token[], from: number, to: number, isCapital: (t: Token) => boolean, lexicon: MatchingLexicon): EntityMention | null {
  if (tokens[to]?.lower !== 'of' || !isCapital(tokens[to + 1] ?? tokens[to])) return null;
  const head = tokens[to - 1].lower;
  if (!lexicon.organisationHeads.has(head)) return null;
  let end = to + 1;
  while (end < tokens.length && isCapital(tokens[end])) end += 1;
  const words = [...tokens.slice(from, to), ...tokens.slice(to + 1, end)].filter((t) => !lexicon.titles.has(t.lower) || t.index >= from);
  if (words.length < 3) return null;
  return { id: `name:${acronymKey(words.map((t) => t.text[0]).join(''))}`, start: tokens[from].start, end: tokens[end - 1].end, text: tokens.slice(from, end).map((t) => t.text).join(' '), known: false, initials: true };
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
    // "Kader's Civic Harbour party" names two: a possessive ends a name (but "People's Republic" is one).
    const owner = (t: Token) => /'s$/i.test(t.text) && !isVocabulary(t, lexicon);
    for (;;) {
      if (j < tokens.length && isCapital(tokens[j]) && !owner(tokens[j - 1])) j += 1;
      else if (j + 1 < tokens.length && NAME_PARTICLES.has(tokens[j].lower) && isCapital(tokens[j + 1])) j += 2;
      else if (j + 2 < tokens.length && tokens[j].text === '-' && NAME_PARTICLES.has(tokens[j + 1].lower) && tokens[j + 2].text === '-') j += 3;
      else if (j + 2 < tokens.length && isJoiningParticle(tokens, j) && tokens[j + 1].text === '-' && isCapital(tokens[j + 2])) j += 3;
      // "Aerotekhnika-Yug" is the "Aerotechnika Yug" another outlet writes apart.
      else if (j + 1 < tokens.length && tokens[j].text === '-' && tokens[j].start === tokens[j - 1].end && tokens[j + 1].start === tokens[j].end && isCapital(tokens[j + 1]) && !ignorable(tokens[j + 1])) j += 2;
      else break;
    }
    // "Journalist Hana Voss was released": a word of the vocabulary opening a sentence is capitalised
    // for the sentence, not for the name after it.
    const from = tokens[i].sentenceStart && j - i >= 2 && isVocabulary(tokens[i], lexicon) ? i + 1 : i;
    const words = j - from;
    if (lexicon.collectiveNames.has(tokens.slice(from, j).map((t) => t.lower).join(' '))) {
      i = j;
      continue;
    }
    const body = bodyOfPlace(tokens, from, j, isCapital, lexicon);
    if (body) out.push(body);
    else if (!tokens[from].sentenceStart || words >= 2 || ACRONYM_WORD.test(tokens[from].text)) out.push(...nameMentions(tokens.slice(from, j), lexicon));
    else if (!isVocabulary(tokens[from], lexicon)) {
      // A capitalised word opening a sentence may be a name ("Velk had fallen") or any word ("Lawmakers passed").
      out.push(...nameMentions(tokens.slice(from, j), lexicon).map((m) => ({ ...m, tentative: true, opening: true })));
    }
    i = j;
  }
  return out;
}

// At most this many words between a possessive and the body's last word ("Quorvia's public health institute").
const DESCRIPTION_WORDS = 3;

/**
 * A body described by its place instead of named: "Sorvia's central bank", "Quorvia's port
 * authority" — a possessive name, a few lowercase words, and a word such as bank or authority. Keyed
 * `desc:<the place's initial>:<the words' initials>` so that the other claim's acronym can be
 * checked against it (alignEntities): the NBS may be Sorvia's central bank, the QPA Quorvia's port
 * authority.
 */
export function findDescribedBodies(tokens: Token[], lexicon: MatchingLexicon = MATCHING_LEXICON): EntityMention[] {
  const out: EntityMention[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || !/^\p{Lu}/u.test(t.text) || !/'s$/i.test(t.text)) return;
    const words: Token[] = [];
    for (let k = i + 1; k < tokens.length && words.length < DESCRIPTION_WORDS + 1; k += 1) {
      const w = tokens[k];
      if (w.kind !== 'word' || /^\p{Lu}/u.test(w.text) || lexicon.stopwords.has(w.lower)) break;
      words.push(w);
      if (lexicon.organisationHeads.has(w.lower)) {
        const last = words[words.length - 1];
        // The span leaves the place to its own mention (Sorvia stays a name of its own).
        out.push({ id: `desc:${t.lower[0]}:${words.map((x) => x.lower[0]).join('')}`, start: words[0].start, end: last.end, text: tokens.slice(i, k + 1).map((x) => x.text).join(' '), known: false });
        return;
      }
    }
  });
  return out;
}

/**
 * Does an acronym's letters fit a described body? The body's last word is in it (the B of NBS for
 * "bank") and so is the place or the word before the last (the S of Sorvia; the H of "health
 * institute" in NHI), and it is not much longer than the description.
 */
export function acronymFitsDescription(letters: string, descId: string): boolean {
  const m = /^desc:(.):(.+)$/.exec(descId);
  if (!m) return false;
  const [, place, initials] = m;
  const head = initials[initials.length - 1];
  const before = initials.length >= 2 ? initials[initials.length - 2] : null;
  return letters.length >= 2 && letters.length <= initials.length + 2 && letters.includes(head) && (letters.includes(place) || (before !== null && letters.includes(before)));
}
