/**
 * Two names of the same shape that differ in one part name two actors or places: "Liwa al-Ansar"
 * and "Liwa al-Anbar" are two brigades, "Deh-e-Gul" and "Deh-e-Gulab" two villages, "Pavel" and
 * "Ilya Belyavtsev" two brothers. Transliterations of one name already share a key (particles,
 * vowels, q/k and the like are folded), so a name of two or more words whose first part matches
 * the other's and whose last does not, or the other way round, is another name, not a spelling.
 */
import type { EntityMention } from './find-entities';
import { singleNameKey } from './find-entities';

type Named = Pick<EntityMention, 'id' | 'text' | 'alias'>;

// Particles and hyphens inside a name ("Jamaat-ul-Qahar", "Tal ash-Shams") are not its parts.
const PARTICLE = /^(?:al|ul|el|e|i|ud|ur|bin|ibn|[ae](?:sh|th|dh|[tdrzsn]))$/i;

/** A part's key with every vowel gone, the first letter too: "Evgeny" and "Yevgeny" are one first name. */
function partKey(word: string): string {
  return singleNameKey(word).replace(/^[aeiouy]+/, '');
}

function parts(e: Named): string[] | null {
  if (!e.id.startsWith('name:')) return null;
  const words = e.text.split(/[\s\-]+/).filter((w) => w && !PARTICLE.test(w));
  if (words.length < 2 || words.some((w) => !/^\p{Lu}/u.test(w))) return null;
  return [partKey(words[0]), partKey(words[words.length - 1])];
}

/** A pair of names, one a side, that share one end and differ at the other: [left's id, right's id] or null. */
export function similarNameConflict(left: Named[], right: Named[], leftIds: string[], rightIds: string[]): [string, string] | null {
  const named = (e: Named, ids: string[]) => ids.includes(e.id) || (!!e.alias && ids.includes(e.alias));
  for (const a of left) {
    if (named(a, rightIds)) continue;
    const pa = parts(a);
    if (!pa) continue;
    for (const b of right) {
      if (named(b, leftIds)) continue;
      const pb = parts(b);
      if (!pb || a.id === b.id) continue;
      const first = pa[0] === pb[0];
      const last = pa[1] === pb[1];
      if (first !== last) return [a.id, b.id];
    }
  }
  return null;
}
