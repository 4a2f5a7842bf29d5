import { isCanonicalTextblock } from '@/lib/anchoring/canonical-text';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';

// Where a passage sits in a numbered report, as a desk cites it: "S/2025/482 ¶42". UN reports (and
// many government and think-tank papers) number their paragraphs, and their sub-paragraphs ("(a) …")
// are cited by the parent's number. A text-only source (a PDF, a pasted report) writes the number in
// the text ("42. The Monitoring Team…"); a web page or Markdown file makes it an ordered list
// (`<ol start="42">`, "42. …"), whose numbers are not in the canonical text but in the document.

/** The number opening a paragraph: digits, a full stop, a space ("42. "); "600. attacks" mid-line is not one. */
const NUMBERED = /^\s*(\d{1,4})\.\s/;
/** A sub-paragraph or bullet under a numbered paragraph: "(a) ", "(iv) ", "(3) ", "b) ", "• ", "– ". */
const SUB_ITEM = /^\s*(?:\([a-z]{1,5}\)|\(\d{1,2}\)|[a-z]\)|[•▪◦‣\-–—])\s/i;
/** How far up a run of sub-items the parent is looked for (a report's longest lists are far shorter). */
const MAX_SUB_ITEMS = 60;
/** Paragraph numbers a desk cites; a list "starting" at 10,000 or below 1 is not a report's numbering. */
const MAX_NUMBER = 9999;

/** The paragraph number of the passage starting at a canonical offset, or null. */
export type ParagraphNumbering = (offset: number) => number | null;

/**
 * How a version numbers its paragraphs: by the ordered list a passage is in when the document has
 * one there (the outermost list's item: a sub-list's items are cited by their parent's number),
 * else by the number written at the start of its line (`paragraphNumberAt`). Built once per version,
 * so re-anchoring many links walks the document once.
 */
export function paragraphNumbering(text: string, doc?: TiptapNode | null): ParagraphNumbering {
  const listed = doc ? listNumberedBlocks(doc) : [];
  if (listed.length === 0) return (offset) => paragraphNumberAt(text, offset);
  return (offset) => {
    const block = blockAt(listed, Math.min(Math.max(offset, 0), text.length));
    return block?.number ?? paragraphNumberAt(text, offset);
  };
}

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

type Block = { start: number; end: number; number: number | null };

/** Every canonical textblock with its extent in the canonical text and its ordered-list number (null outside one). */
function listNumberedBlocks(doc: TiptapNode): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  let anyNumber = false;
  const visit = (node: TiptapNode, number: number | null): void => {
    const children = node.content ?? [];
    if (isCanonicalTextblock(node.type, children.length, (i) => children[i]!.type)) {
      // A canonical textblock holds only text and hard breaks (one position each).
      const length = children.reduce((sum, child) => sum + (child.type === 'text' ? (child.text ?? '').length : 1), 0);
      if (blocks.length > 0) offset += 1; // the "\n" between blocks
      blocks.push({ start: offset, end: offset + length, number });
      offset += length;
      return;
    }
    const first = node.type === 'orderedList' && number === null ? listStart(node) : null;
    children.forEach((child, index) => {
      const itemNumber = first !== null && child.type === 'listItem' ? first + index : null;
      if (itemNumber !== null && itemNumber <= MAX_NUMBER) anyNumber = true;
      visit(child, itemNumber !== null ? (itemNumber <= MAX_NUMBER ? itemNumber : null) : number);
    });
  };
  visit(doc, null);
  return anyNumber ? blocks : [];
}

function listStart(list: TiptapNode): number | null {
  const start = list.attrs?.start;
  const first = start === undefined || start === null ? 1 : Number(start);
  return Number.isInteger(first) && first >= 1 ? first : null;
}

/** The block containing `offset` (a block's end, before its "\n", still belongs to it). */
function blockAt(blocks: Block[], offset: number): Block | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) high = mid - 1;
    else if (offset > block.end) low = mid + 1;
    else return block;
  }
  return undefined;
}
