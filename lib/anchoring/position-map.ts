import type { Node as PmNode } from '@tiptap/pm/model';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { forEachPmTextblock, isCanonicalTextblock } from '@/lib/anchoring/canonical-text';
import { clampInt, lastAtOrBefore } from '@/lib/anchoring/search-sorted';

/**
 * Which side to resolve to where an offset or position sits on a block boundary.
 * -1 = the end of the earlier textblock, 1 = the start of the later one.
 */
export type Bias = -1 | 1;

export type PositionMap = {
  /** Length of the canonical text the map was built for. */
  readonly textLength: number;
  /** ProseMirror `doc.content.size`. */
  readonly docSize: number;
  /**
   * Canonical offset → ProseMirror position, always inside a textblock. Offsets are clamped
   * into [0, textLength]. An offset right after a "\n" is the start of the next block; with
   * bias -1 it resolves to the end of the previous block instead (use it for range ends so a
   * range ending with "\n" does not spill onto the next line).
   */
  toPmPos(offset: number, bias?: Bias): number;
  /**
   * ProseMirror position → canonical offset. Positions outside any textblock's content
   * (between blocks, at a horizontal rule, list/blockquote tokens) resolve to the end of the
   * preceding textblock (bias -1, the default: the "\n" after it) or the start of the next (bias 1).
   */
  toOffset(pmPos: number, bias?: Bias): number;
  /** A canonical range as a ProseMirror range (start biased forward, end backward, never inverted). */
  toPmRange(start: number, end: number): { from: number; to: number };
};

/** Where each canonical textblock lives, in document order. */
type Blocks = { contentStart: number[]; offset: number[]; length: number[] };

/**
 * Builds the map for a stored TipTap JSON doc or a live ProseMirror doc (e.g. `editor.state.doc`).
 * Both give identical results for the same document; the ProseMirror path reuses node sizes
 * ProseMirror already knows, so it is cheap enough to call on every decoration rebuild.
 */
export function buildPositionMap(doc: TiptapNode | PmNode): PositionMap {
  return isPmNode(doc) ? buildPositionMapFromPm(doc) : buildPositionMapFromJson(doc);
}

export function buildPositionMapFromJson(doc: TiptapNode): PositionMap {
  const blocks: Blocks = { contentStart: [], offset: [], length: [] };
  let docSize = 0;
  for (const child of doc.content ?? []) docSize += measureJson(child, docSize, blocks);
  return makeMap(blocks, docSize);
}

export function buildPositionMapFromPm(doc: PmNode): PositionMap {
  const blocks: Blocks = { contentStart: [], offset: [], length: [] };
  forEachPmTextblock(doc, (block, pos) => pushBlock(blocks, pos + 1, block.content.size));
  return makeMap(blocks, doc.content.size);
}

function isPmNode(doc: TiptapNode | PmNode): doc is PmNode {
  return 'nodeSize' in doc && typeof doc.descendants === 'function';
}

// Non-leaf node types that may appear without `content` in JSON; any other childless
// non-text node is taken to be a leaf atom (hardBreak, horizontalRule, image…), size 1.
const CONTAINERS = new Set(['doc', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem']);

/** Returns the ProseMirror nodeSize of `node` (which starts at `pos`), recording textblocks inside it. */
function measureJson(node: TiptapNode, pos: number, blocks: Blocks): number {
  if (node.type === 'text') return node.text?.length ?? 0;
  const children = node.content ?? [];
  if (isCanonicalTextblock(node.type, children.length, (i) => children[i].type)) {
    let length = 0;
    for (const child of children) length += child.type === 'text' ? (child.text?.length ?? 0) : 1;
    pushBlock(blocks, pos + 1, length);
    return length + 2;
  }
  if (children.length === 0 && !CONTAINERS.has(node.type)) return 1;
  let size = 0;
  for (const child of children) size += measureJson(child, pos + 1 + size, blocks);
  return size + 2;
}

function pushBlock(blocks: Blocks, contentStart: number, length: number): void {
  const n = blocks.offset.length;
  const offset = n === 0 ? 0 : blocks.offset[n - 1] + blocks.length[n - 1] + 1;
  blocks.contentStart.push(contentStart);
  blocks.offset.push(offset);
  blocks.length.push(length);
}

function makeMap(blocks: Blocks, docSize: number): PositionMap {
  const { contentStart, offset, length } = blocks;
  const n = offset.length;
  const textLength = n === 0 ? 0 : offset[n - 1] + length[n - 1];

  const toPmPos = (rawOffset: number, bias: Bias = 1): number => {
    if (n === 0) return 0;
    const o = clampInt(rawOffset, 0, textLength);
    const i = lastAtOrBefore(offset, o);
    if (bias < 0 && o === offset[i] && i > 0) return contentStart[i - 1] + length[i - 1];
    return contentStart[i] + (o - offset[i]);
  };

  const toOffset = (rawPos: number, bias: Bias = -1): number => {
    const pos = clampInt(rawPos, 0, docSize);
    const i = lastAtOrBefore(contentStart, pos);
    if (i >= 0 && pos <= contentStart[i] + length[i]) return offset[i] + (pos - contentStart[i]);
    if (bias < 0) return i >= 0 ? offset[i] + length[i] : 0;
    return i + 1 < n ? offset[i + 1] : textLength;
  };

  const toPmRange = (start: number, end: number): { from: number; to: number } => {
    const from = toPmPos(start, 1);
    return { from, to: Math.max(from, toPmPos(end, -1)) };
  };

  return { textLength, docSize, toPmPos, toOffset, toPmRange };
}
