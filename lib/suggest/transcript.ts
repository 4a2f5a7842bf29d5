/**
 * Transcripts and interviews: each turn opens with its speaker's label. Broadcast transcripts write it in capitals
 * ("ANNA BRUCKNER, HOST: …", "OLSBERG: …"); podcasts and print interviews in mixed case ("Host (Anna Bruckner): …",
 * "Interviewer: …", "Seo: …") or as "Q:" / "A:".
 * The programme's own people (host, correspondent, interviewer, the questions) speak as the article does; a guest's turn
 * is the guest's claim, as a quotation is its speaker's, whatever the guest cites inside it. In a Q&A the answers are the
 * interviewee's: the person the introduction presented before the first question.
 */
import { describedFamily, personBySurname, type Discourse } from './attribute';
import type { CompiledLexicon } from './compile';
import type { Block } from './segment';

export type TurnLabel = {
  /** Characters of the label (with its colon, the space after it and an "(Through interpreter)" note), from the block's start. */
  length: number;
  /** The label as written, e.g. "KATRIN OLSBERG", "Anna Bruckner", "A". */
  name: string;
  /** The role after (or before) the name, if the label gives one ("HOST", "INTERIOR MINISTER", "Host"). */
  role: string | null;
  /** A Q&A's "Q:" (the interviewer's question) or "A:" (the interviewee's answer). */
  interview?: 'question' | 'answer';
};

const INTERPRETER = String.raw`(?:\((?:through|via)\s+(?:an\s+)?interpreter\)\s*)?`;
// Capitals only, one to four words, an optional ", ROLE", then a colon: "JONAS FELD, BYLINE: ", "BRUCKNER: ".
const LABEL = new RegExp(String.raw`^(\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+){0,3})(?:,\s*(\p{Lu}[\p{Lu}'’.\s-]{1,40}?))?:\s+${INTERPRETER}`, 'iu');
// A print interview's "Q: " / "A: " (also spelt out).
// "Q. " / "A. " too, when a capital follows (a bare initial "A. Smith" is rarer at a paragraph's start than an answer).
const QA_LABEL = /^(Q|A|Question|Answer)(?::\s+|\.\s+(?=[\p{Lu}“"‘]))/u;
// "Host (Anna Bruckner): ", "Guest (Dr Samuel Okafor): ": a role with the name in brackets.
const ROLE_NAME_LABEL = new RegExp(String.raw`^(\p{Lu}[\p{Ll}-]+(?:\s+\p{Ll}[\p{Ll}-]+)?)\s+\((\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\):\s+${INTERPRETER}`, 'u');
// "Interviewer: ", "Hana Seo: ", "Seo: ": a mixed-case name or role, one to three capitalised words.
const MIXED_LABEL = new RegExp(String.raw`^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}):\s+${INTERPRETER}`, 'u');
const CAPITALS = /^[^\p{Ll}]+$/u;
// Who presents or reports the programme: their words are the programme's own.
const PROGRAMME_ROLES = /^(?:HOST|CO-HOST|ANCHOR|BYLINE|CORRESPONDENT|REPORTER|PRESENTER|NEWSREADER|INTERVIEWER|MODERATOR|NARRATOR)$/u;
// A dateline ("GENEVA: ") has the same shape; only a text with several labelled turns is a transcript.
const MIN_TURNS = 3;
// A mixed-case "Word: " opens many a line that is no turn ("Note: ", "Update: "); a speaker's label comes back.
const MIN_MIXED_REPEATS = 2;

/** The speaker label of each body block, when the text reads as a transcript or an interview; empty otherwise. */
export function transcriptLabels(text: string, blocks: Block[]): Map<number, TurnLabel> {
  const labels = new Map<number, TurnLabel>();
  const mixed = new Map<number, TurnLabel>();
  for (const b of blocks) {
    if (b.kind === 'headline') continue;
    const raw = text.slice(b.start, b.end);
    const qa = QA_LABEL.exec(raw);
    if (qa) {
      labels.set(b.index, { length: qa[0].length, name: qa[1], role: null, interview: qa[1].startsWith('Q') ? 'question' : 'answer' });
      continue;
    }
    const m = LABEL.exec(raw);
    if (m && CAPITALS.test(m[1]) && (!m[2] || CAPITALS.test(m[2]))) {
      labels.set(b.index, { length: m[0].length, name: m[1], role: m[2]?.trim() ?? null });
      continue;
    }
    const rn = ROLE_NAME_LABEL.exec(raw);
    if (rn) {
      labels.set(b.index, { length: rn[0].length, name: rn[2], role: rn[1] });
      continue;
    }
    const mx = MIXED_LABEL.exec(raw);
    if (mx) mixed.set(b.index, { length: mx[0].length, name: mx[1], role: null });
  }
  const repeats = new Map<string, number>();
  for (const l of mixed.values()) repeats.set(l.name, (repeats.get(l.name) ?? 0) + 1);
  // Once some label comes back, a label used once counts too if the text names that person elsewhere ("Lhakpa Sherpa has guided
  // climbers …" then "Sherpa: The icefall is …").
  const repeating = [...mixed.values()].some((l) => (repeats.get(l.name) ?? 0) >= MIN_MIXED_REPEATS);
  for (const [index, l] of mixed) {
    const named = repeating && new RegExp(String.raw`\p{Lu}[\p{L}'’-]*\s+${l.name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\p{L}:])`, 'u').test(text);
    if ((repeats.get(l.name) ?? 0) >= MIN_MIXED_REPEATS || named) labels.set(index, l);
  }
  const kinds = new Set([...labels.values()].map((l) => l.interview));
  // A Q&A has both questions and answers; "A: " alone is no interview.
  if (kinds.has('question') !== kinds.has('answer')) return new Map();
  return labels.size >= MIN_TURNS ? new Map([...labels].sort((a, b) => a[0] - b[0])) : new Map();
}

export type TurnSpeaker = { programme: true } | { programme: false; family: string; who: string };

/** What the turns read so far established: the programme's own people, and a Q&A's interviewee once the first answer came. */
export class TurnState {
  readonly programmeSurnames = new Set<string>();
  interviewee: { family: string; surface: string } | null | undefined = undefined;

  settleInterviewee(d: Discourse, c: CompiledLexicon): void {
    if (this.interviewee === undefined) this.interviewee = interviewee(d, c.lexicon.namedFamily);
  }
}

/**
 * Whom a Q&A's answers belong to: a person the introduction's last paragraph presented, preferring one introduced with an
 * affiliation ("We asked Dr Elin Sørensen, who leads … at the Norwegian Polar Institute") over one merely mentioned.
 */
export function interviewee(d: Discourse, namedFamily: string): { family: string; surface: string } | null {
  const people = [...d.speakers, ...d.bySurname.values()].filter((x) => x.kind === 'person');
  const last = Math.max(...people.map((x) => x.block));
  const inLast = people.filter((x) => x.block === last);
  return inLast.find((x) => x.family !== namedFamily) ?? d.speakers.findLast((x) => x.kind === 'person') ?? inLast.at(-1) ?? null;
}

/**
 * Who speaks in a labelled turn: the programme (a host's, correspondent's or interviewer's label, a Q&A's question, or the
 * surname of one met before), or a guest classed by the label's role, else by the person the text introduced under that
 * surname ("Let's bring in Katrin Olsberg, who studies … at …"; a Q&A's answers: the person introduced before), else a
 * person of unknown affiliation.
 */
export function turnSpeaker(label: TurnLabel, state: TurnState, d: Discourse, c: CompiledLexicon): TurnSpeaker {
  const programmeSurnames = state.programmeSurnames;
  if (label.interview === 'question') return { programme: true };
  if (label.interview === 'answer') {
    // The interviewee is who the introduction presented; people the answers mention ("One man I spoke to") do not replace them.
    state.settleInterviewee(d, c);
    const who = state.interviewee;
    return who ? { programme: false, family: who.family, who: who.surface } : { programme: false, family: c.lexicon.namedFamily, who: 'the interviewee' };
  }
  const surname = label.name.slice(label.name.lastIndexOf(' ') + 1).toLowerCase();
  const role = label.role?.toUpperCase() ?? null;
  // "HOST:", "REPORTER:", "Interviewer:" alone name the role, not a person.
  if ((role && PROGRAMME_ROLES.test(role)) || PROGRAMME_ROLES.test(label.name.toUpperCase()) || (!role && programmeSurnames.has(surname))) {
    programmeSurnames.add(surname);
    return { programme: true };
  }
  const byRole = label.role ? describedFamily(label.role, c) : null;
  if (byRole) return { programme: false, family: byRole, who: `${label.name}, ${label.role}` };
  const known = personBySurname(d, surname);
  if (known) return { programme: false, family: known.family, who: known.surface };
  return { programme: false, family: c.lexicon.namedFamily, who: label.name };
}
