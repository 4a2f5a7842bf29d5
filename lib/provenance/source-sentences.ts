/**
 * The sentences of a source's canonical text that passage proposals are made of. A source's text
 * may carry line breaks inside a paragraph (text copied out of a PDF, a report kept hard-wrapped;
 * "…6,500 fighters, mainly" / "based in eastern Afghanistan."): such a break does not end a
 * sentence, so a proposal is never a sentence cut at the end of a printed line. A break ends the
 * unit when the line before it is finished (sentence-final punctuation), when the next line opens a
 * numbered paragraph ("43. …"), and when the next line starts with a capital after a line that
 * does not end in a comma, a hyphen or a word such as "the" or "and" (a heading followed by its
 * first sentence stays two units).
 */
import { splitBlock } from '@/lib/suggest/segment';

export type SourceSentence = { start: number; end: number; text: string };

const FINISHED = /[.!?:;…]["'”’»)\]]*\s*$/;
const NUMBERED_PARAGRAPH = /^\s*\d{1,4}\.\s/;
// A line ending in a comma, a hyphen or a word that cannot end a sentence or heading ("…and on").
const OPEN_ENDED = /(?:[,\-\u2010–]|\b(?:a|an|the|of|on|in|at|to|by|for|from|with|and|or|but|as|than|that|which|whose|its|their|his|her|between|into|over|under|per)\b)\s*$/u;

function continues(before: string, after: string): boolean {
  if (before.trim() === '' || after.trim() === '') return false;
  if (FINISHED.test(before) || NUMBERED_PARAGRAPH.test(after)) return false;
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

export function sourceSentences(text: string): SourceSentence[] {
  const out: SourceSentence[] = [];
  for (const [from, to] of paragraphUnits(text)) {
    for (const [s, e] of splitBlock(text, from, to)) {
      // A paragraph's number ("42.") is split off as a "sentence" of its own: it is no passage.
      if (/^\d{1,4}\.$/.test(text.slice(s, e))) continue;
      out.push({ start: s, end: e, text: text.slice(s, e) });
    }
  }
  return out;
}
