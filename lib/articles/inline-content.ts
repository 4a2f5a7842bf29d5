import { textNode, type TiptapMark, type TiptapNode } from '@/lib/articles/tiptap-doc';

/** The marks active on a run of text while walking markdown tokens or HTML elements. */
export type MarkState = { bold: boolean; italic: boolean; href: string | null };
export const NO_MARKS: MarkState = { bold: false, italic: false, href: null };

export type InlineItem = { kind: 'text'; text: string; marks: MarkState } | { kind: 'break' };

// Whitespace that collapses in HTML and markdown prose; "\u00A0" is content, not layout.
const COLLAPSIBLE = /[ \t\n\f\r]+/g;
// Character references can smuggle control characters past the input clean-up.
 
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

// ProseMirror's check() requires marks in schema rank order; StarterKit ranks link, bold, italic.
function marksOf(state: MarkState): TiptapMark[] {
  const marks: TiptapMark[] = [];
  if (state.href) marks.push({ type: 'link', attrs: { href: state.href } });
  if (state.bold) marks.push({ type: 'bold' });
  if (state.italic) marks.push({ type: 'italic' });
  return marks;
}

function sameMarks(a: MarkState, b: MarkState): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

/**
 * Collapses whitespace the way a browser renders prose, trims around the block's edges and
 * hard breaks, drops empty text and merges neighbours with equal marks. Returns [] when the
 * block has no visible text (so callers can skip it).
 */
export function buildInline(items: InlineItem[]): TiptapNode[] {
  const out: InlineItem[] = [];
  let afterSpace = true;
  for (const item of items) {
    if (item.kind === 'break') {
      trimTrailingSpace(out);
      out.push(item);
      afterSpace = true;
      continue;
    }
    let text = item.text.replace(CONTROL, '').replace(COLLAPSIBLE, ' ');
    if (afterSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    afterSpace = text.endsWith(' ');
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && sameMarks(last.marks, item.marks)) last.text += text;
    else out.push({ kind: 'text', text, marks: item.marks });
  }
  trimTrailingSpace(out);
  while (out.length > 0 && out[out.length - 1].kind === 'break') {
    out.pop();
    trimTrailingSpace(out);
  }
  while (out.length > 0 && out[0].kind === 'break') out.shift();
  if (!out.some((item) => item.kind === 'text')) return [];
  return out.map((item) => (item.kind === 'break' ? { type: 'hardBreak' } : textNode(item.text, marksOf(item.marks))));
}

function trimTrailingSpace(out: InlineItem[]): void {
  const last = out[out.length - 1];
  if (!last || last.kind !== 'text') return;
  last.text = last.text.replace(/ $/, '');
  if (last.text === '') {
    out.pop();
    trimTrailingSpace(out);
  }
}

/** StarterKit's listItem must start with a paragraph; adapt what markdown/HTML put first. */
export function listItemOf(blocks: TiptapNode[]): TiptapNode | null {
  if (blocks.length === 0) return null;
  const [first, ...rest] = blocks;
  if (first.type === 'paragraph') return { type: 'listItem', content: blocks };
  if (first.type === 'heading') return { type: 'listItem', content: [{ type: 'paragraph', content: first.content ?? [] }, ...rest] };
  if (first.type === 'blockquote') return listItemOf([...(first.content ?? []), ...rest]);
  // A list directly inside a list item: an empty lead paragraph is the only valid shape.
  return { type: 'listItem', content: [{ type: 'paragraph', content: [] }, ...blocks] };
}

export function listOf(ordered: boolean, items: TiptapNode[], start = 1): TiptapNode | null {
  if (items.length === 0) return null;
  if (!ordered) return { type: 'bulletList', content: items };
  return Number.isInteger(start) && start !== 1
    ? { type: 'orderedList', attrs: { start }, content: items }
    : { type: 'orderedList', content: items };
}

export function headingLevel(depth: number): number {
  return Math.min(Math.max(depth, 1), 3);
}
