/**
 * A definite description made of a long name's common-noun tail stands for the name: "the national
 * park" for "Corran Forest National Park", "the rescue service" for "the Marriscan Fire and Rescue
 * Service". Read against the other claim only: the description names nothing by itself.
 */
import type { ClaimFeatures } from './extract-claim-features';
import { MATCHING_LEXICON, stemWord, type MatchingLexicon } from './matching-lexicon';

// A name needs this many words for its last two to be a description of it, not the name itself.
const MIN_NAME_WORDS = 3;

/** Ids of names on `other` whose last two words `side` uses as plain words, and does not name otherwise. */
export function describedNames(side: Pick<ClaimFeatures, 'terms' | 'entityIds'>, other: Pick<ClaimFeatures, 'entities'>, lexicon: MatchingLexicon = MATCHING_LEXICON): string[] {
  const terms = new Set(side.terms);
  const term = (w: string) => lexicon.concepts.get(w) ?? lexicon.concepts.get(stemWord(w)) ?? stemWord(w);
  const out: string[] = [];
  for (const e of other.entities) {
    if (!e.id.startsWith('name:') || side.entityIds.includes(e.id) || out.includes(e.id)) continue;
    const words = e.text.replace(/'s$/i, '').split(/\s+/).filter(Boolean);
    if (words.length < MIN_NAME_WORDS) continue;
    const tail = words.slice(-2).map((w) => w.toLowerCase());
    if (tail.some((w) => lexicon.stopwords.has(w) || !/^\p{L}+$/u.test(w))) continue;
    if (tail.every((w) => terms.has(term(w)))) out.push(e.id);
  }
  return out;
}

// Nouns that stand for a town named before ("a curfew was imposed on the town").
const PLACE_NOUNS = ['town', 'village', 'city'];

/**
 * "the town" on a side that names nothing stands for the place the other names after "in" ("a
 * curfew in Qila Safed"): the place on its own side only, once, since naming nothing is no rival.
 */
export function describedPlaces(side: Pick<ClaimFeatures, 'terms' | 'entityIds'>, other: Pick<ClaimFeatures, 'places'>): string[] {
  if (side.entityIds.length) return [];
  const places = (other.places ?? []).filter((id) => id.startsWith('name:'));
  if (places.length !== 1) return [];
  return PLACE_NOUNS.some((w) => side.terms.includes(stemWord(w))) ? places : [];
}
