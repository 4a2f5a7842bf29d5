// Sub-headings typed as bold paragraphs. Older CMSs and many editors give writers no heading
// button, so a section title is a paragraph set in bold at (nearly) the body size:
// <p><strong>What the board says</strong></p>. Read as a paragraph it is a sentence fragment in
// the text, and the outline, the reader's headings and the suggestion engine all lose the section.
// A typographer's reading: a short line, all of it bold, with no sentence punctuation, standing
// between blocks of text, is a heading. A bold sentence (emphasis: "The board will vote in
// March."), a bold lead-in ("LLANFOR – At a meeting…"), a bold label ("Also read:") and a bold
// link are not.
import type { TiptapDoc, TiptapNode } from '@/lib/articles/tiptap-doc';

/** A heading is a phrase, not a sentence. */
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 90;
// A heading ends without sentence punctuation (a question may be a heading: "What happens next?").
const SENTENCE_END = /[.!:;,…]["”’»)]?$/u;

const isBold = (node: TiptapNode) => node.marks?.some((m) => m.type === 'bold') ?? false;
const isLink = (node: TiptapNode) => node.marks?.some((m) => m.type === 'link') ?? false;

function boldLineText(node: TiptapNode): string | null {
  if (node.type !== 'paragraph') return null;
  const inline = node.content ?? [];
  if (inline.some((n) => n.type !== 'text' && n.type !== 'hardBreak')) return null;
  const texts = inline.filter((n) => n.type === 'text' && (n.text ?? '').trim() !== '');
  if (texts.length === 0 || !texts.every(isBold) || texts.some(isLink)) return null;
  const text = inline.map((n) => (n.type === 'text' ? (n.text ?? '') : ' ')).join('').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length;
  if (text.length > MAX_HEADING_CHARS || words > MAX_HEADING_WORDS || SENTENCE_END.test(text)) return null;
  // A question set in bold is a heading when short; a long one is an interviewer's question.
  if (text.endsWith('?') && words > 6) return null;
  return /\p{L}/u.test(text) ? text : null;
}

/**
 * A heading too long for the column, set as two bold paragraphs ("Lines return" / "after two
 * years"): two bold lines in a row between blocks of text, the first with no sentence punctuation
 * and both together still a phrase, are one line. Any other pair of bold lines stays two.
 */
function joinTwoLineHeadings(blocks: TiptapNode[]): TiptapNode[] {
  const joined = new Map<number, string>();
  for (let i = 1; i < blocks.length - 2; i += 1) {
    const [first, second] = [boldLineText(blocks[i]!), boldLineText(blocks[i + 1]!)];
    if (first === null || second === null || !isText(blocks[i - 1]) || !isText(blocks[i + 2])) continue;
    // Exactly two: a run of three or more bold lines is a list or a box, not a heading.
    if (boldLineText(blocks[i - 1]!) !== null || boldLineText(blocks[i + 2]!) !== null) continue;
    const line = `${first} ${second}`;
    const words = line.split(' ').length;
    if (line.length > MAX_HEADING_CHARS || words > MAX_HEADING_WORDS || (line.endsWith('?') && words > 6)) continue;
    joined.set(i, line);
    i += 1;
  }
  if (joined.size === 0) return blocks;
  return blocks.flatMap((block, i) => {
    if (joined.has(i - 1)) return [];
    const line = joined.get(i);
    return line === undefined ? [block] : [{ type: 'paragraph', content: [{ type: 'text', text: line, marks: [{ type: 'bold' }] }] }];
  });
}

const isText = (node: TiptapNode | undefined) => !!node && (node.type === 'paragraph' || node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'blockquote');

/**
 * Bold one-line paragraphs between blocks of text become headings, one level under the article's
 * own sub-headings (h2 when it has none, h3 when it has h2s).
 */
export function promoteBoldParagraphHeadings(doc: TiptapDoc): TiptapDoc {
  const blocks = joinTwoLineHeadings(doc.content);
  const targets = new Map<number, string>();
  for (let i = 1; i < blocks.length - 1; i += 1) {
    const text = boldLineText(blocks[i]!);
    // Text before it and text after it: a section title, not a closing line or a lone label.
    if (text && isText(blocks[i - 1]) && isText(blocks[i + 1]) && boldLineText(blocks[i + 1]!) === null) targets.set(i, text);
  }
  // The first block under the headline (the body opening on a picture, then its first section's
  // title): no text above it, so it counts only when the article sets its other sub-headings the
  // same way — a lone bold opening line may be a standfirst or a label.
  const firstBody = blocks[0]?.type === 'heading' && blocks[0].attrs?.level === 1 ? 1 : 0;
  const opening = blocks[firstBody] ? boldLineText(blocks[firstBody]!) : null;
  if (targets.size > 0 && opening && isText(blocks[firstBody + 1]) && boldLineText(blocks[firstBody + 1]!) === null) targets.set(firstBody, opening);
  if (targets.size === 0) return blocks === doc.content ? doc : { ...doc, content: blocks };
  const hasH2 = blocks.some((b) => b.type === 'heading' && b.attrs?.level === 2);
  const level = hasH2 ? 3 : 2;
  return {
    ...doc,
    content: blocks.map((block, i) => {
      const text = targets.get(i);
      return text === undefined ? block : { type: 'heading', attrs: { ...block.attrs, level }, content: [{ type: 'text', text }] };
    }),
  };
}
