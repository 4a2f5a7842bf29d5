// Where a passage sits in a numbered report, as a desk cites it: "S/2025/482 ¶42". UN reports (and
// many government and think-tank papers) number their paragraphs in the text ("42. The Monitoring
// Team…"), and their sub-paragraphs ("(a) …") are cited by the parent's number.

/** The number opening a paragraph: digits, a full stop, a space ("42. "); "600. attacks" mid-line is not one. */
const NUMBERED = /^\s*(\d{1,4})\.\s/;
/** A sub-paragraph or bullet under a numbered paragraph: "(a) ", "(iv) ", "(3) ", "b) ", "• ", "– ". */
const SUB_ITEM = /^\s*(?:\([a-z]{1,5}\)|\(\d{1,2}\)|[a-z]\)|[•▪◦‣\-–—])\s/i;
/** How far up a run of sub-items the parent is looked for (a report's longest lists are far shorter). */
const MAX_SUB_ITEMS = 60;

function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The paragraph number of the passage starting at `offset` of a canonical text (blocks are lines):
 * the number opening its line, or — when the line is a sub-item — the number opening the nearest
 * paragraph above the run of sub-items. Null for a text that does not number its paragraphs.
 */
export function paragraphNumberAt(text: string, offset: number): number | null {
  let start = lineStartAt(text, Math.min(offset, text.length));
  for (let hops = 0; hops <= MAX_SUB_ITEMS; hops++) {
    const head = text.slice(start, start + 24);
    const numbered = NUMBERED.exec(head);
    if (numbered) return Number(numbered[1]);
    if (start === 0 || !SUB_ITEM.test(head)) return null;
    start = lineStartAt(text, start - 1);
  }
  return null;
}
