/**
 * What a claim's figures measure: "potash prices doubled" and "potash exports doubled" share the
 * commodity, the verb and the figure and are two facts; so are "$4.5bn of foreign debt" and
 * "reserves fell to $4.5bn". A measure word ("prices", "exports", "debt", "grant") names the quantity,
 * and the word before it or after its "of" says of what ("water tariffs", "the price of diesel"), so
 * that water and electricity tariffs rising 25% are told apart too.
 */
import { stemWord, type MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

/** Measure → the words saying what it is of (concepts or stems; empty when the claim does not say). */
export type Measures = Record<string, string[]>;

// Words between a measure and its "of" object ("the price of all the diesel").
const OF_FILLERS = new Set(['the', 'all', 'its', 'their', 'a', 'an']);

/**
 * `skip`: tokens of a figure, a name or a set phrase. `phraseConcepts`: concepts of the claim's set
 * phrases, which may name a measure too ("unpaid bills" is debt).
 */
export function findMeasures(tokens: Token[], skip: (t: Token) => boolean, lexicon: MatchingLexicon, phraseConcepts: string[] = []): Measures {
  const out: Measures = {};
  const add = (measure: string, of: string | null) => {
    const list = (out[measure] ??= []);
    if (of && !list.includes(of)) list.push(of);
  };
  const what = (t: Token | undefined): string | null => {
    if (!t || t.kind !== 'word' || skip(t) || t.lower.length < 2 || /'s$/.test(t.lower)) return null;
    const w = t.lower;
    if (lexicon.stopwords.has(w) || lexicon.reportingWords.has(w) || lexicon.negations.has(w) || lexicon.up.has(w) || lexicon.down.has(w) || lexicon.measures.has(w)) return null;
    // A name inside a sentence owns the quantity ("Sorvia's reserves", "Quorvelec debts"); it says nothing of what is measured.
    if (!t.sentenceStart && /^\p{Lu}/u.test(t.text)) return null;
    const stem = stemWord(w);
    return lexicon.concepts.get(w) ?? lexicon.concepts.get(stem) ?? stem;
  };
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || skip(t)) return;
    const measures = lexicon.measures.get(t.lower);
    if (!measures) return;
    let of = what(tokens[i - 1]);
    if (!of && tokens[i + 1]?.lower === 'of') {
      let k = i + 2;
      while (tokens[k]?.kind === 'word' && OF_FILLERS.has(tokens[k].lower)) k += 1;
      of = what(tokens[k]);
    }
    for (const m of measures) add(m, of);
  });
  for (const c of phraseConcepts) for (const m of lexicon.measures.get(c) ?? []) add(m, null);
  return out;
}

/** Two claims measuring different things (prices vs exports), or one thing of different goods (water vs electricity tariffs); null when either is silent or they agree. */
export function compareMeasures(left: Measures, right: Measures, leftTerms: string[], rightTerms: string[]): { left: string; right: string } | null {
  const L = Object.keys(left);
  const R = Object.keys(right);
  if (!L.length || !R.length) return null;
  const shared = L.filter((m) => R.includes(m));
  if (!shared.length) return { left: L.join('/'), right: R.join('/') };
  for (const m of shared) {
    const a = left[m];
    const b = right[m];
    // Either claim silent on what, or speaking of the other's thing anywhere: the same quantity.
    if (!a.length || !b.length || a.some((w) => b.includes(w) || rightTerms.includes(w)) || b.some((w) => leftTerms.includes(w))) return null;
  }
  const m = shared[0];
  return { left: `${left[m][0]} ${m}`, right: `${right[m][0]} ${m}` };
}
