// The re-anchoring data set of issue #12, generated (synthetic news prose, written here; no third-party
// text): a 10,000-word article, 1,000 annotations of 1–20 words, then a new version in which ~18% of
// the quotes are lightly edited, 30 sentences are inserted and some passages deleted. Every annotation
// carries what a correct re-anchor must return, derived from the edits themselves.
import { describeRange, type AnchorTarget, type AnchorState } from '@/lib/anchoring';
import { prng } from '@/tests/unit/anchoring/fixtures';

export type Expectation =
  /** No edit inside the quote: exact or moved, on the same characters. */
  | { kind: 'untouched'; start: number; end: number }
  /** Lightly edited inside: fuzzy, on exactly the edited passage. */
  | { kind: 'edited'; start: number; end: number }
  /** Inside a deleted passage: orphaned. */
  | { kind: 'deleted' }
  /** Partly deleted: orphaned, or fuzzy on what is left of it (never exact or moved). */
  | { kind: 'cut'; start: number; end: number };

export type ReanchorCase = {
  text: string;
  edited: string;
  targets: AnchorTarget[];
  expected: Expectation[];
  words: number;
};

export type Outcome = { start: number; end: number; state: AnchorState };

const FIRST = ['Amina', 'Omar', 'Farid', 'Leila', 'Hamid', 'Sara', 'Yusuf', 'Nadia', 'Karim', 'Zainab', 'Tariq', 'Mariam', 'Idris', 'Samira', 'Javed', 'Huma', 'Bilal', 'Rana', 'Nasir', 'Laila'];
const LAST = ['Rahimi', 'Haidari', 'Qureshi', 'Nouri', 'Karimi', 'Siddiqui', 'Ahmadzai', 'Baloch', 'Durrani', 'Mansoor', 'Yousafzai', 'Hashimi', 'Faizi', 'Sultani', 'Wardak', 'Niazi', 'Tareen', 'Popal'];
const PLACES = ['Kandahar', 'Herat', 'Quetta', 'Peshawar', 'Kunduz', 'Jalalabad', 'Gwadar', 'Zhob', 'Khost', 'Chaman', 'Torkham', 'Helmand', 'Nangarhar', 'Bannu', 'Turbat', 'Mazar-i-Sharif', 'Ghazni', 'Spin Boldak', 'Kurram', 'Panjgur'];
const ORGS = ['the health ministry', 'the provincial council', 'a UN monitoring team', 'the border police', 'the World Food Programme', 'an independent rights group', 'the interior ministry', 'local elders', 'the refugee agency', 'the electoral commission'];
const ROLES = ['commander', 'spokesman', 'governor', 'aid worker', 'analyst', 'police chief', 'doctor', 'tribal elder', 'official', 'researcher'];
const ADJ = ['fragile', 'renewed', 'sudden', 'prolonged', 'disputed', 'costly', 'limited', 'unprecedented', 'cautious', 'sweeping', 'quiet', 'bitter', 'temporary', 'partial', 'delayed', 'uneven'];
const NOUNS = ['ceasefire', 'offensive', 'blockade', 'drought', 'election', 'curfew', 'operation', 'negotiation', 'evacuation', 'investigation', 'crackdown', 'amnesty', 'reconstruction', 'vaccination campaign', 'trade agreement', 'water shortage'];
const UNITS = ['fighters', 'families', 'trucks', 'schools', 'clinics', 'villages', 'students', 'refugees', 'detainees', 'shops', 'wells', 'checkpoints'];
const VERBS = ['returned', 'disappeared', 'been rebuilt', 'been closed', 'crossed the border', 'been registered', 'been destroyed', 'reopened', 'been evacuated', 'been inspected'];
const VERB_BASE = ['delay', 'survive', 'replace', 'weaken', 'expand', 'reverse', 'outlast', 'undermine'];

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

function number(random: Random): string {
  const n = [12, 40, 300, 1_200, 4_000, 18_000][Math.floor(random() * 6)] * (1 + Math.floor(random() * 9));
  return n.toLocaleString('en-US');
}

function sentence(random: Random): string {
  const P = `${pick(random, FIRST)} ${pick(random, LAST)}`;
  const L = pick(random, PLACES);
  const L2 = pick(random, PLACES);
  const N = number(random);
  const N2 = number(random);
  const Y = String(1995 + Math.floor(random() * 31));
  const C = `${1 + Math.floor(random() * 60)}%`;
  const O = pick(random, ORGS);
  const a = pick(random, ADJ);
  const n = pick(random, NOUNS);
  const n2 = pick(random, NOUNS);
  const U = pick(random, UNITS);
  const v = pick(random, VERBS);
  const templates = [
    `${P}, a ${pick(random, ROLES)} in ${L}, said ${N} ${U} had ${v} since ${Y}.`,
    `According to ${O}, ${C} of the ${U} in ${L} were affected by the ${a} ${n}.`,
    `The number of ${U} in ${L} rose from ${N} to ${N2} in ${Y}, ${O} said.`,
    `${O[0].toUpperCase()}${O.slice(1)} estimates that between ${N} and ${N2} ${U} remain near ${L}.`,
    `In ${Y}, ${P} announced a ${a} ${n} and promised ${N} more ${U} for ${L}.`,
    `Officials in ${L} described the ${n} as ${a}, citing ${N} ${U} and a ${C} drop in trade with ${L2}.`,
    `${P} told reporters that the ${a} ${n} would not ${pick(random, VERB_BASE)} the ${n2} before ${Y}.`,
    `Residents of ${L} said the ${n} had left ${N} ${U} without help, while ${P} blamed the ${a} ${n2}.`,
    `The ${n} between ${L} and ${L2} lasted ${2 + Math.floor(random() * 40)} days and cost an estimated ${N} dollars a day.`,
    `${P} of ${O} said the ${n2} in ${L} was ${a} but that ${C} of ${U} had ${v}.`,
    `A report by ${O} found that ${N} ${U} in ${L} had ${v} since the ${n} began in ${Y}.`,
    `Talks in ${L} ended without agreement, and ${P} warned that the ${a} ${n} could collapse.`,
  ];
  return pick(random, templates);
}

/** A 10,000-word article: a headline, sub-headings every few paragraphs, paragraphs of 2–6 sentences. */
function article(random: Random, targetWords: number): string {
  const blocks = ['Conflict monitor: the border provinces in the quarter under review'];
  let words = 0;
  while (words < targetWords) {
    if (blocks.length % 6 === 5) blocks.push(`${pick(random, ADJ)[0].toUpperCase()}${pick(random, ADJ).slice(1)} ${pick(random, NOUNS)} in ${pick(random, PLACES)}`);
    const sentences: string[] = [];
    for (let i = 2 + Math.floor(random() * 5); i > 0; i--) sentences.push(sentence(random));
    const paragraph = sentences.join(' ');
    blocks.push(paragraph);
    words += paragraph.split(' ').length;
  }
  return blocks.join('\n');
}

type Edit = { at: number; remove: number; insert: string };

/** Old offset → new offset after the (non-overlapping) edits; an offset inside a removed span goes to its start. */
function mapper(edits: Edit[]): (offset: number, side: 'start' | 'end') => number {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  return (offset, side) => {
    let shift = 0;
    for (const e of sorted) {
      if (e.at + e.remove < offset || (e.at + e.remove === offset && (e.remove > 0 || side === 'start'))) shift += e.insert.length - e.remove;
      else if (e.at < offset) return e.at + shift + (side === 'end' ? e.insert.length : 0);
      else break;
    }
    return offset + shift;
  };
}

/** A one-character light edit of a word: a digit changed in a figure, else a letter in the middle. */
function lightEdit(word: string, random: Random): string {
  const digits = [...word.matchAll(/\d/g)].map((m) => m.index);
  if (digits.length > 0) {
    const i = digits[Math.floor(random() * digits.length)];
    const d = Number(word[i]);
    return word.slice(0, i) + String((d + 1 + Math.floor(random() * 8)) % 10) + word.slice(i + 1);
  }
  const i = 1 + Math.floor(random() * (word.length - 2));
  const vowels = 'aeiou';
  const c = word[i].toLowerCase();
  const next = vowels.includes(c) ? vowels[(vowels.indexOf(c) + 1 + Math.floor(random() * 4)) % 5] : c === 'y' ? 'i' : 'y';
  return word.slice(0, i) + next + word.slice(i + 1);
}

export function buildReanchorCase(seed = 12, targetWords = 10_000): ReanchorCase {
  const random = prng(seed);
  const text = article(random, targetWords);
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));

  const targets: AnchorTarget[] = [];
  for (let i = 0; i < 1000; i++) {
    const span = 1 + Math.floor(random() * 20);
    const first = Math.floor(random() * (words.length - span));
    // Quotes as an analyst selects them: whole words, without the trailing comma or full stop.
    const last = words[first + span - 1];
    const end = last.start + last.word.replace(/[.,]+$/, '').length;
    targets.push(describeRange(text, words[first].start, Math.max(words[first].start + 1, end)));
  }

  const edits: Edit[] = [];
  const free = (from: number, to: number) => edits.every((e) => to < e.at - 1 || from > e.at + Math.max(e.remove, 1));
  const inside = (e: Edit, t: { start: number; end: number }) => e.at < t.end && e.at + Math.max(e.remove, 1) > t.start;

  // Some passages deleted: whole sentences.
  const sentences = [...text.matchAll(/[^.\n]+\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (let k = 0; k < 6; k++) {
    const s = sentences[Math.floor(random() * sentences.length)];
    const from = text[s.start] === ' ' ? s.start : s.start;
    if (free(from - 2, s.end + 2)) edits.push({ at: from, remove: s.end - from, insert: '' });
  }
  // 30 new sentences, each between two sentences no annotation spans.
  const boundaries = sentences.map((s) => s.end).filter((at) => text[at] === ' ' && !targets.some((t) => t.start < at && t.end > at));
  for (let added = 0; added < 30 && boundaries.length > 0; ) {
    const at = boundaries.splice(Math.floor(random() * boundaries.length), 1)[0];
    if (!free(at - 1, at + 1)) continue;
    edits.push({ at, remove: 0, insert: ` Update ${added + 1}: ${sentence(random)}` });
    added++;
  }
  // Light edits inside quotes until ~18% of all quotes are edited.
  const isEdited = (t: AnchorTarget) => edits.some((e) => e.insert !== '' && e.remove > 0 && inside(e, t));
  for (let tries = 0; targets.filter(isEdited).length < 180 && tries < 20_000; tries++) {
    const t = targets[Math.floor(random() * targets.length)];
    if (edits.some((e) => e.remove > 0 && e.insert === '' && inside(e, t))) continue;
    const candidates = words.filter((w) => w.start >= t.start && w.end <= t.end && /\d|[a-z]{4,}/i.test(w.word) && free(w.start - 1, w.end + 1));
    if (candidates.length === 0) continue;
    const w = candidates[Math.floor(random() * candidates.length)];
    const core = w.word.replace(/[.,]+$/, '');
    const changed = lightEdit(core, random);
    const i = [...core].findIndex((ch, j) => ch !== changed[j]);
    edits.push({ at: w.start + i, remove: 1, insert: changed[i] });
  }

  let edited = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) edited = edited.slice(0, e.at) + e.insert + edited.slice(e.at + e.remove);
  const map = mapper(edits);
  const expected = targets.map((t): Expectation => {
    const touching = edits.filter((e) => inside(e, t));
    const start = map(t.start, 'start');
    const end = map(t.end, 'end');
    if (touching.length === 0) return { kind: 'untouched', start, end };
    const deletions = touching.filter((e) => e.insert === '');
    if (deletions.some((e) => e.at <= t.start && e.at + e.remove >= t.end)) return { kind: 'deleted' };
    if (deletions.length > 0) return { kind: 'cut', start, end };
    return { kind: 'edited', start, end };
  });
  return { text, edited, targets, expected, words: text.split(/\s+/).length };
}

export type Tally = {
  correct: number;
  byKind: Record<Expectation['kind'], { total: number; correct: number }>;
  /** The first few wrong answers, for the notes. */
  wrong: string[];
};

/**
 * A fuzzy range on what is left of a partly deleted quote. Where a whole sentence was deleted,
 * "… negotiation.[ … returned.]" and "… negotiation[. … returned]." are the same edit, so the
 * range may take in punctuation or spaces on its edges that the other reading leaves out.
 */
function withinCut(text: string, r: Outcome, x: { start: number; end: number }): boolean {
  const extra = text.slice(Math.min(r.start, x.start), x.start) + text.slice(x.end, Math.max(r.end, x.end));
  return extra.length <= 2 && !/[\p{L}\p{N}]/u.test(extra) && r.end > r.start;
}

/** Checks every outcome against its expectation. */
export function tally(c: ReanchorCase, outcomes: Outcome[]): Tally {
  const byKind: Tally['byKind'] = { untouched: { total: 0, correct: 0 }, edited: { total: 0, correct: 0 }, deleted: { total: 0, correct: 0 }, cut: { total: 0, correct: 0 } };
  const wrong: string[] = [];
  let correct = 0;
  c.expected.forEach((x, i) => {
    const r = outcomes[i];
    let ok: boolean;
    if (x.kind === 'untouched') ok = (r.state === 'exact' || r.state === 'moved') && r.start === x.start && r.end === x.end;
    else if (x.kind === 'edited') ok = r.state === 'fuzzy' && r.start === x.start && r.end === x.end;
    else if (x.kind === 'deleted') ok = r.state === 'orphaned';
    else ok = r.state === 'orphaned' || (r.state === 'fuzzy' && withinCut(c.edited, r, x));
    byKind[x.kind].total++;
    if (ok) {
      byKind[x.kind].correct++;
      correct++;
    } else if (wrong.length < 5) {
      wrong.push(`#${i} ${x.kind} "${c.targets[i].exact.slice(0, 40)}" → ${r.state} ${JSON.stringify(c.edited.slice(r.start, r.end).slice(0, 40))}`);
    }
  });
  return { correct, byKind, wrong };
}
