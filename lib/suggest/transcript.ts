/**
 * Broadcast transcripts: each turn opens with its speaker's label in capitals ("ANNA BRUCKNER, HOST: …", "OLSBERG: …").
 * The programme's own people (host, correspondent) speak as the article does; a guest's turn is the guest's claim, as a
 * quotation is its speaker's, whatever the guest cites inside it.
 */
import { describedFamily, personBySurname, type Discourse } from './attribute';
import type { CompiledLexicon } from './compile';
import type { Block } from './segment';

export type TurnLabel = {
  /** Characters of the label (with its colon, the space after it and an "(Through interpreter)" note), from the block's start. */
  length: number;
  /** The label as written, e.g. "KATRIN OLSBERG". */
  name: string;
  /** The role after the name, if the label gives one ("HOST", "INTERIOR MINISTER"). */
  role: string | null;
};

// Capitals only, one to four words, an optional ", ROLE", then a colon: "JONAS FELD, BYLINE: ", "BRUCKNER: ".
const LABEL = /^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,3})(?:,\s*(\p{Lu}[\p{Lu}'’.\s-]{1,40}?))?:\s+(?:\((?:through|via)\s+(?:an\s+)?interpreter\)\s*)?/iu;
const CAPITALS = /^[^\p{Ll}]+$/u;
// Who presents or reports the programme: their words are the programme's own.
const PROGRAMME_ROLES = /^(?:HOST|CO-HOST|ANCHOR|BYLINE|CORRESPONDENT|REPORTER|PRESENTER|NEWSREADER|INTERVIEWER|MODERATOR|NARRATOR)$/u;
// A dateline ("GENEVA: ") has the same shape; only a text with several labelled turns is a transcript.
const MIN_TURNS = 3;

/** The speaker label of each body block, when the text reads as a transcript; empty otherwise. */
export function transcriptLabels(text: string, blocks: Block[]): Map<number, TurnLabel> {
  const labels = new Map<number, TurnLabel>();
  for (const b of blocks) {
    if (b.kind === 'headline') continue;
    const m = LABEL.exec(text.slice(b.start, b.end));
    if (!m || !CAPITALS.test(m[1]) || (m[2] && !CAPITALS.test(m[2]))) continue;
    labels.set(b.index, { length: m[0].length, name: m[1], role: m[2]?.trim() ?? null });
  }
  return labels.size >= MIN_TURNS ? labels : new Map();
}

export type TurnSpeaker = { programme: true } | { programme: false; family: string; who: string };

/**
 * Who speaks in a labelled turn: the programme (a host's or correspondent's label, or the surname of one met before), or a
 * guest classed by the label's role, else by the person the text introduced under that surname ("Let's bring in Katrin
 * Olsberg, who studies … at …"), else a person of unknown affiliation.
 */
export function turnSpeaker(label: TurnLabel, programmeSurnames: Set<string>, d: Discourse, c: CompiledLexicon): TurnSpeaker {
  const surname = label.name.slice(label.name.lastIndexOf(' ') + 1).toLowerCase();
  // "HOST:", "REPORTER:" alone name the role, not a person.
  if ((label.role && PROGRAMME_ROLES.test(label.role)) || PROGRAMME_ROLES.test(label.name) || (!label.role && programmeSurnames.has(surname))) {
    programmeSurnames.add(surname);
    return { programme: true };
  }
  const byRole = label.role ? describedFamily(label.role, c) : null;
  if (byRole) return { programme: false, family: byRole, who: `${label.name}, ${label.role}` };
  const known = personBySurname(d, surname);
  if (known) return { programme: false, family: known.family, who: known.surface };
  return { programme: false, family: c.lexicon.namedFamily, who: label.name };
}
