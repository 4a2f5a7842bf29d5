import type { Node as PmNode } from '@tiptap/pm/model';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';

/**
 * The canonical plain text of an article version: the text of every textblock
 * (paragraph, heading, …) in document order, joined by a single "\n".
 * Annotation offsets (TextPositionSelector) refer to this string.
 */
export function canonicalTextOf(doc: TiptapNode): string {
  const blocks: string[] = [];
  collectTextblocks(doc, blocks);
  return blocks.join('\n');
}

/** Same string as `canonicalTextOf(node.toJSON())`, read straight from a live ProseMirror node. */
export function canonicalTextOfPmNode(doc: PmNode): string {
  const blocks: string[] = [];
  forEachPmTextblock(doc, (block) => {
    let text = '';
    block.forEach((child) => {
      text += child.isText ? (child.text ?? '') : ' ';
    });
    blocks.push(text);
  });
  return blocks.join('\n');
}

/**
 * The one rule deciding which nodes contribute a line of canonical text. Shared by the JSON
 * and ProseMirror walkers (and the position map) so they can never disagree.
 * Inside a canonical textblock every child is text or a hardBreak, so its canonical length
 * equals its ProseMirror content size.
 */
export function isCanonicalTextblock(type: string, childCount: number, childType: (index: number) => string): boolean {
  if (type === 'doc') return false;
  if (childCount === 0) return LEAF_TEXTBLOCKS.has(type);
  for (let i = 0; i < childCount; i++) if (!isCanonicalInline(childType(i))) return false;
  return true;
}

const LEAF_TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function isCanonicalInline(type: string): boolean {
  return type === 'text' || type === 'hardBreak';
}

/** Calls `visit` for each canonical textblock of a live ProseMirror doc, with the position before it. */
export function forEachPmTextblock(doc: PmNode, visit: (block: PmNode, pos: number) => void): void {
  // `descendants` reports positions for free; returning false stops before inline content.
  doc.descendants((node, pos) => {
    if (node.isInline) return false;
    if (isCanonicalTextblock(node.type.name, node.childCount, (i) => node.child(i).type.name)) {
      visit(node, pos);
      return false;
    }
    return true;
  });
}

function collectTextblocks(node: TiptapNode, out: string[]): void {
  const children = node.content ?? [];
  if (isCanonicalTextblock(node.type, children.length, (i) => children[i].type)) {
    out.push(children.map(inlineText).join(''));
    return;
  }
  for (const child of children) collectTextblocks(child, out);
}

function inlineText(node: TiptapNode): string {
  if (node.type === 'text') return node.text ?? '';
  // A hard break is one position in ProseMirror; a space keeps offsets 1:1 without adding a block boundary.
  if (node.type === 'hardBreak') return ' ';
  return '';
}
