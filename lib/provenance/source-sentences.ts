/**
 * The sentences of a source's canonical text that passage proposals are made of. A source's text
 * may carry line breaks inside a paragraph (text copied out of a PDF, a report kept hard-wrapped;
 * "…6,500 fighters, mainly" / "based in eastern Afghanistan."): such a break does not end a
 * sentence, so a proposal is never a sentence cut at the end of a printed line. A break ends the
 * unit when the line before it is finished (sentence-final punctuation), when the next line opens a
 * numbered paragraph ("43. …", "3.1 Findings") or a list item ("(a) …", "• …"), and when the next
 * line starts with a capital after a line that does not end in a comma, a hyphen or a word such as
 * "the" or "and" (a heading followed by its first sentence stays two units).
 *
 * What an analyst cites is the sentence, not its furniture: a paragraph number, a list label
 * ("(b)", "•") is left out of the passage, and a sentence listing sub-items inline ("The Panel
 * notes that: (a) …; (b) …") is one passage per item, each remembering the words that introduce
 * it. A footnote marker glued to a full stop ("…and Mbanti.2 An additional …", as text copied out
 * of a PDF reads, or "…Mbanti.[2] An additional …", as the importers set a raised marker apart)
 * ends the sentence and stays with it.
 */
import { splitBlock } from '@/lib/suggest/segment';

export type SourceSentence = {
  start: number;
  end: number;
  text: string;
  /** A line without sentence-final punctuation: a title, a heading, a table row. */
  heading: boolean;
  /** For a list item: the words that introduce the list ("The Panel recommends that the Council:"). */
  leadIn?: string;
  /** Index of the paragraph (unit) the sentence is in: "the group" in its second sentence is the actor its first one names. */
  paragraph: number;
};

const FINISHED = /[.!?:;…]["'”’»)\]]*(?:\d{0,2}|\[\d{1,3}\])\s*$/;
const LIST_LABEL = String.raw`(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\)|[•▪◦·*\-–])`;
// A line opening a numbered paragraph ("42. "), a numbered section ("3.1 The rise") or a list item.
const OPENS_UNIT = new RegExp(String.raw`^\s*(?:\d{1,4}\.\s|\d{1,3}(?:\.\d{1,3})+\.?\s+\p{Lu}|${LIST_LABEL}\s)`, 'u');
// A line ending in a comma, a hyphen or a word that cannot end a sentence or heading ("…and on").
const OPEN_ENDED = /(?:[,\-\u2010–]|\b(?:a|an|the|of|on|in|at|to|by|for|from|with|and|or|but|as|than|that|which|whose|its|their|his|her|between|into|over|under|per)\b)\s*$/u;
/** The label a passage starts with, left out of it: "(a) ", "ii) ", "• ", "3.1 " before a capital. */
const LEADING_LABEL = new RegExp(String.raw`^(?:${LIST_LABEL}|\d{1,3}(?:\.\d{1,3})+\.?(?=\s+\p{Lu}))\s+`, 'u');
// "…Mbanti.2 An additional": a sentence end, a footnote number glued to it, the next sentence.
// The word before the stop is a word, a closing bracket or a year ("in 2018.5 The"), never a
// decimal ("2.5 tonnes" goes on in lower case anyway). A marker the importer set apart as "[2]"
// (a raised marker in a PDF, a <sup> link on a web page) ends a sentence after any full stop.
const FOOTNOTE_END = /(?:(?:\p{L}|[)\]”"’%]|\b(?:1[89]|20)\d\d)[.!?]["”’)]?\d{1,2}|[.!?]["”’)]?\[\d{1,3}\])(?=\s+["“(]?\p{Lu})/gu;
// An inline sub-item: "(a) " after a colon or semicolon (or "; and (c)").
const INLINE_ITEM = /[:;](?:\s+(?:and|or))?\s+(\((?:[a-z]|[ivx]{1,4})\))\s+/g;

function continues(before: string, after: string): boolean {
  if (before.trim() === '' || after.trim() === '') return false;
  if (FINISHED.test(before) || OPENS_UNIT.test(after)) return false;
  if (OPEN_ENDED.test(before)) return true;
  return /^\s*[\p{Ll}\d(]/u.test(after) && /\p{Ll}\s*$/u.test(before);
}

/** Paragraph units: [start, end) ranges of `text` joining lines a single wrapped break split. */
export function paragraphUnits(text: string): Array<[number, number]> {
  const units: Array<[number, number]> = [];
  let unitStart = 0;
  let lineStart = 0;
  for (;;) {
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1) break;
    const next = text.indexOf('\n', nl + 1);
    if (!continues(text.slice(lineStart, nl), text.slice(nl + 1, next === -1 ? text.length : next))) {
      units.push([unitStart, nl]);
      unitStart = nl + 1;
    }
    lineStart = nl + 1;
  }
  units.push([unitStart, text.length]);
  return units;
}

/** Splits [s, e) after each footnote marker glued to a full stop. */
function splitAtFootnotes(text: string, s: number, e: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = s;
  for (const m of text.slice(s, e).matchAll(FOOTNOTE_END)) {
    const cut = s + m.index + m[0].length;
    out.push([from, cut]);
    from = cut;
    while (from < e && /\s/.test(text[from]!)) from += 1;
  }
  out.push([from, e]);
  return out;
}

type Piece = { start: number; end: number; labelled: boolean; leadIn?: string };

/** "The Panel notes that: (a) x; (b) y;" → the lead-in and one piece per item (labels left out). */
function splitInlineItems(text: string, s: number, e: number): Piece[] {
  const body = text.slice(s, e);
  const items = [...body.matchAll(INLINE_ITEM)];
  if (items.length < 2) return [{ start: s, end: e, labelled: false }];
  const leadEnd = s + items[0]!.index + 1; // keeps the colon
  const leadIn = text.slice(s, leadEnd).trim();
  const pieces: Piece[] = leadIn ? [{ start: s, end: leadEnd, labelled: false }] : [];
  items.forEach((m, i) => {
    const itemStart = s + m.index + m[0].length;
    const itemEnd = i + 1 < items.length ? s + items[i + 1]!.index + 1 : e; // keeps its semicolon
    pieces.push({ start: itemStart, end: itemEnd, labelled: true, leadIn });
  });
  return pieces;
}

function trimmed(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return [s, e];
}

export function sourceSentences(text: string): SourceSentence[] {
  const out: SourceSentence[] = [];
  // The last sentence ending in a colon, which the list items after it continue.
  let openLeadIn: string | undefined;
  for (const [paragraph, [from, to]] of paragraphUnits(text).entries()) {
    for (const [bs, be] of splitBlock(text, from, to)) {
      // A paragraph's or section's number ("42.", "IV.") is split off as a "sentence" of its own: it is no passage.
      if (/^(?:\d{1,4}|[IVXL]{1,6})\.$/.test(text.slice(bs, be))) continue;
      for (const [fs, fe] of splitAtFootnotes(text, bs, be)) {
        for (const piece of splitInlineItems(text, fs, fe)) {
          let [s, e] = trimmed(text, piece.start, piece.end);
          const label = LEADING_LABEL.exec(text.slice(s, e));
          if (label) s += label[0].length;
          if (e - s < 1) continue;
          const sentence = text.slice(s, e);
          const labelled = piece.labelled || label !== null;
          const leadIn = piece.leadIn ?? (labelled ? openLeadIn : undefined);
          out.push({ start: s, end: e, text: sentence, heading: !FINISHED.test(sentence), ...(leadIn ? { leadIn } : {}), paragraph });
          if (!piece.labelled) openLeadIn = /:\s*$/.test(sentence) ? sentence : labelled ? openLeadIn : undefined;
        }
      }
    }
  }
  return out;
}
