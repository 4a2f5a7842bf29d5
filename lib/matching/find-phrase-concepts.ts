/**
 * Set phrases that mean one concept: "halt hostilities" is a ceasefire, "carried out" and "claimed
 * responsibility" say who did a deed, "fell to the rebels" is a capture and no fall. Their words are
 * read as the phrase only: "halted" in "halted hostilities" is no service halted, "fell" in "fell to
 * the Taliban" no direction.
 */
import { stemWord, type MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

// Words an outlet puts inside a phrase without changing it ("hand over its weapons", "fell to the rebels").
const FILLERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'all']);

export type PhraseHits = { concepts: string[]; tokens: Set<number> };

export function findPhraseConcepts(tokens: Token[], lexicon: MatchingLexicon): PhraseHits {
  const concepts: string[] = [];
  const used = new Set<number>();
  const words = tokens.filter((t) => t.kind === 'word');
  // What may follow an open phrase: a name, or a word the lexicon knows as a concept ("the rebels").
  const nameOrConcept = (t: Token | undefined) =>
    !!t && t.kind === 'word' && (/^\p{Lu}/u.test(t.text) || lexicon.concepts.has(t.lower) || lexicon.concepts.has(stemWord(t.lower)));
  for (let i = 0; i < words.length; i += 1) {
    if (used.has(words[i].index)) continue;
    for (const p of lexicon.phrases) {
      const hit: number[] = [];
      let k = i;
      for (const w of p.words) {
        while (k < words.length && hit.length > 0 && FILLERS.has(words[k].lower) && words[k].lower !== w) k += 1;
        if (k >= words.length || words[k].lower !== w || used.has(words[k].index)) break;
        // A phrase stays within one clause: no figure or punctuation between its words.
        if (hit.length && tokens.slice(hit[hit.length - 1] + 1, words[k].index).some((t) => t.kind !== 'word')) break;
        hit.push(words[k].index);
        k += 1;
      }
      if (hit.length !== p.words.length) continue;
      if (p.open) {
        let n = hit[hit.length - 1] + 1;
        while (tokens[n]?.kind === 'word' && FILLERS.has(tokens[n].lower)) n += 1;
        if (!nameOrConcept(tokens[n])) continue;
      }
      concepts.push(p.concept);
      for (const h of hit) used.add(h);
      i = words.findIndex((t) => t.index === hit[hit.length - 1]);
      break;
    }
  }
  return { concepts, tokens: used };
}
