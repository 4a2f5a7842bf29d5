// What the annotate popover is positioned against: a virtual element (Floating UI's term) over a
// ProseMirror range. Its rectangles are read again from the view on every call, so the popover
// follows the words through scrolling, resizing and decorations redrawn under it.
import type { EditorView } from '@tiptap/pm/view';

export type SelectionAnchor = {
  getBoundingClientRect: () => DOMRect;
  getClientRects: () => DOMRect[];
  contextElement?: Element;
};

function rangeOf(view: EditorView, from: number, to: number): Range | null {
  if (view.isDestroyed) return null;
  try {
    const start = view.domAtPos(from);
    const end = view.domAtPos(to);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  } catch {
    return null;
  }
}

export function selectionAnchor(view: EditorView, from: number, to: number): SelectionAnchor {
  let last = new DOMRect();
  return {
    getBoundingClientRect: () => {
      const range = rangeOf(view, from, to);
      if (range) last = range.getBoundingClientRect();
      return last;
    },
    getClientRects: () => {
      const range = rangeOf(view, from, to);
      return range ? [...range.getClientRects()] : [last];
    },
    contextElement: view.dom,
  };
}
