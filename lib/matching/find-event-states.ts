/**
 * The state a claim reports an event in, where the lexicon knows two opposite ones: a ceasefire
 * agreed or collapsed, a journalist arrested or released, the internet cut or restored, a minister
 * appointed or sacked. "The ceasefire collapsed" and "the ceasefire was agreed" share the event, the
 * actors and most words, and assert opposite facts; claims without figures have little else to tell
 * them apart. A claim naming both states of one event ("agreed in 2022, collapsed within weeks")
 * leaves it unknown, and an unknown state never costs a match.
 */
import type { MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

/**
 * Axis name → the state the claim reports (0 or 1, as the lexicon lists them) and the word that says so;
 * for a stage ladder (arrested → charged → convicted), the furthest step the claim names.
 */
export type EventStates = Record<string, { state: number; word: string }>;

/** `phraseWords`: the concepts of set phrases the claim uses, read like words ("stepped down" is "resigned"). */
export function findEventStates(tokens: Token[], skip: (t: Token) => boolean, lexicon: MatchingLexicon, phraseWords: string[] = []): EventStates {
  const seen = new Map<string, { state: 0 | 1 | 'both'; word: string }>();
  const words = [...tokens.filter((t) => t.kind === 'word' && !skip(t)).map((t) => t.lower), ...phraseWords];
  for (const word of words) {
    for (const hit of lexicon.states.get(word) ?? []) {
      const had = seen.get(hit.axis);
      if (!had) seen.set(hit.axis, { state: hit.state, word });
      else if (had.state !== hit.state) had.state = 'both';
    }
  }
  const states: EventStates = {};
  for (const [axis, s] of seen) if (s.state !== 'both') states[axis] = { state: s.state, word: s.word };
  // A process told by its furthest step: "the two men arrested last week have been charged" reports the
  // charge, which an arrest alone does not; an arrest, a charge and a verdict are three facts.
  for (const word of words) {
    for (const hit of lexicon.stages.get(word) ?? []) {
      const had = states[hit.ladder];
      if (!had || hit.step > had.state) states[hit.ladder] = { state: hit.step, word };
    }
  }
  return states;
}

export type StateConflict = { axis: string; left: string; right: string };

/** The first event both claims report, in opposite states; null when none. */
export function compareEventStates(left: EventStates, right: EventStates): StateConflict | null {
  for (const [axis, l] of Object.entries(left)) {
    const r = right[axis];
    if (r && r.state !== l.state) return { axis, left: l.word, right: r.word };
  }
  return null;
}
