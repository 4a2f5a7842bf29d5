// The subset of TipTap/ProseMirror JSON that Claimdesk stores for an article version.
export type TiptapMark = { type: string; attrs?: Record<string, unknown> };

export type TiptapNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  text?: string;
  marks?: TiptapMark[];
};

export type TiptapDoc = TiptapNode & { type: 'doc'; content: TiptapNode[] };

export function textNode(text: string, marks?: TiptapMark[]): TiptapNode {
  return marks && marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
}

export function heading(level: number, text: string): TiptapNode {
  return { type: 'heading', attrs: { level }, content: text ? [textNode(text)] : [] };
}

export function paragraph(text: string): TiptapNode {
  return { type: 'paragraph', content: text ? [textNode(text)] : [] };
}
