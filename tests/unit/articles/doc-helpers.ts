import type { TiptapNode } from '@/lib/articles/tiptap-doc';

/** Text of a textblock as canonicalTextOf sees it (hard break = one space). */
export function blockText(node: TiptapNode): string {
  return (node.content ?? []).map((c) => (c.type === 'hardBreak' ? ' ' : (c.text ?? ''))).join('');
}

/** "type[level]:text" per top-level block — compact structural assertions. */
export function outline(nodes: TiptapNode[]): string[] {
  return nodes.map((n) => `${n.type}${n.type === 'heading' ? String(n.attrs?.level) : ''}:${blockText(n)}`);
}

/** Every node of the tree, depth first. */
export function allNodes(node: TiptapNode): TiptapNode[] {
  return [node, ...(node.content ?? []).flatMap(allNodes)];
}
