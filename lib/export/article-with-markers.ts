// The brief's article section starts from the stored TipTap document (lists, quotes, headings,
// bold and links as the reader shows them) with a `claimMarker` node inserted where each claim
// ends. Offsets become ProseMirror positions through the same position map the reader uses.
import { buildPositionMapFromJson } from '@/lib/anchoring/position-map';
import { canonicalTextOf, isCanonicalTextblock } from '@/lib/anchoring/canonical-text';
import { heading, paragraph, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';

export const CLAIM_MARKER = 'claimMarker';

/** Claim numbers by the canonical offset at which their claims end. */
export type MarkerPlacement = Map<number, number[]>;

/**
 * The version's document, or — when the stored doc does not spell exactly the canonical text the
 * offsets refer to (hand-edited data) — one paragraph per line, so markers still land right.
 */
export function briefDocument(doc: TiptapDoc | null | undefined, text: string): TiptapDoc {
  if (doc && doc.type === 'doc' && Array.isArray(doc.content) && canonicalTextOf(doc) === text) return doc;
  const lines = text.split('\n');
  return { type: 'doc', content: lines.map((line, i) => (i === 0 ? heading(1, line) : paragraph(line))) };
}

/** A copy of `doc` with a claimMarker node (attrs.numbers) at each placement. */
export function insertClaimMarkers(doc: TiptapDoc, placements: MarkerPlacement): TiptapDoc {
  if (placements.size === 0) return doc;
  const map = buildPositionMapFromJson(doc);
  // A claim ending on a block boundary belongs to the block it ends in (bias -1).
  const byPos = new Map<number, number[]>();
  for (const [offset, numbers] of placements) {
    const pos = map.toPmPos(offset, -1);
    byPos.set(pos, [...(byPos.get(pos) ?? []), ...numbers].sort((a, b) => a - b));
  }
  let cursor = 0;
  const walk = (node: TiptapNode, pos: number): { node: TiptapNode; size: number } => {
    if (node.type === 'text') return { node, size: node.text?.length ?? 0 };
    const children = node.content ?? [];
    if (isCanonicalTextblock(node.type, children.length, (i) => children[i]!.type)) {
      const contentStart = pos + 1;
      const out: TiptapNode[] = [];
      let at = contentStart;
      const emit = (p: number) => {
        const numbers = byPos.get(p);
        if (numbers) {
          out.push({ type: CLAIM_MARKER, attrs: { numbers } });
          byPos.delete(p);
        }
      };
      for (const child of children) {
        if (child.type !== 'text') {
          out.push(child);
          at += 1;
          emit(at);
          continue;
        }
        const text = child.text ?? '';
        let from = 0;
        for (let i = 1; i <= text.length; i++) {
          if (!byPos.has(at + i)) continue;
          out.push({ ...child, text: text.slice(from, i) });
          emit(at + i);
          from = i;
        }
        if (from < text.length) out.push(from === 0 ? child : { ...child, text: text.slice(from) });
        at += text.length;
      }
      // An empty block (or a marker at its very start, which only an empty claim could want).
      emit(contentStart);
      return { node: { ...node, content: out }, size: at - contentStart + 2 };
    }
    if (children.length === 0) return { node, size: node.type === 'doc' ? 0 : isContainer(node.type) ? 2 : 1 };
    const content: TiptapNode[] = [];
    let size = 0;
    for (const child of children) {
      const r = walk(child, pos + 1 + size);
      content.push(r.node);
      size += r.size;
    }
    return { node: { ...node, content }, size: size + 2 };
  };
  const content: TiptapNode[] = [];
  for (const child of doc.content) {
    const r = walk(child, cursor);
    content.push(r.node);
    cursor += r.size;
  }
  return { ...doc, content };
}

const CONTAINERS = new Set(['blockquote', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem']);
function isContainer(type: string): boolean {
  return CONTAINERS.has(type);
}

export function markerNumbers(raw: unknown): number[] {
  return Array.isArray(raw) ? raw.filter((n): n is number => Number.isInteger(n) && n > 0) : [];
}

/** Plain text of inline content, markers left out (for headings and tests). */
export function inlinePlainText(node: TiptapNode): string {
  return (node.content ?? []).map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? ' ' : '')).join('');
}

