'use client';

// Caret browsing in the read-only reader (F7 or the header's button, as in Chromium): arrows move a
// drawn caret, Shift+arrows extend a real DOM selection (so the annotate popover opens on it
// exactly as after a drag), Ctrl/Alt steps by word, Home/End and Ctrl+Up/Down by block. The
// editor stays `editable: false`, so nothing typed can change the article; the caret is a widget
// decoration of its own small plugin, never part of the text.
import type { Editor } from '@tiptap/react';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { canonicalTextOfPmNode } from '@/lib/anchoring';
import { positionMapOf } from '@/components/reader/annotation-highlights';
import { caretCommandOf, caretRange, inTextDirection, moveCaret, stepOffset, wordsOf, type Caret, type CaretCommand } from '@/components/reader/caret-movement';

export const caretKey = new PluginKey<DecorationSet>('readerCaret');

function caretElement() {
  const el = document.createElement('span');
  el.className = 'cd-caret';
  el.setAttribute('aria-hidden', 'true');
  el.contentEditable = 'false';
  return el;
}

/** Draws the caret at the ProseMirror position given as meta (null hides it). */
export const ReaderCaret = Extension.create({
  name: 'readerCaret',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: caretKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const meta = tr.getMeta(caretKey) as { pos: number | null } | undefined;
            if (meta) return meta.pos === null ? DecorationSet.empty : DecorationSet.create(tr.doc, [Decoration.widget(meta.pos, caretElement, { side: -1, key: 'caret', ignoreSelection: true })]);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: { decorations: (state) => caretKey.getState(state) },
      }),
    ];
  },
});

type Options = {
  enabled: boolean;
  /** After the caret extended or collapsed the DOM selection: the reader reads it as after a drag. */
  onSelectionChange: () => void;
};

export function useCaretBrowsing(editor: Editor | null, { enabled, onSelectionChange }: Options) {
  const text = useMemo(() => (editor ? canonicalTextOfPmNode(editor.state.doc) : ''), [editor]);
  const words = useMemo(() => wordsOf(text), [text]);
  const caret = useRef<Caret | null>(null);
  // The DOM selection the caret last drew: any other one was made by the mouse (or a restored draft).
  const drawn = useRef<{ anchorNode: Node | null; anchorOffset: number; focusNode: Node | null; focusOffset: number } | null>(null);

  const draw = useCallback(
    (next: Caret) => {
      if (!editor || editor.isDestroyed) return;
      caret.current = next;
      const view = editor.view;
      const map = positionMapOf(view.state.doc);
      const range = caretRange(next);
      const selection = window.getSelection();
      const headPos = map.toPmPos(next.head, next.head > next.anchor ? -1 : 1);
      if (range) {
        // Hide the drawn caret first: a redraw writes ProseMirror's (older) selection back to the DOM.
        view.dispatch(view.state.tr.setMeta(caretKey, { pos: null }).setMeta('addToHistory', false));
        const { from, to } = map.toPmRange(range.start, range.end);
        const a = view.domAtPos(next.anchor < next.head ? from : to);
        const h = view.domAtPos(next.anchor < next.head ? to : from);
        selection?.setBaseAndExtent(a.node, a.offset, h.node, h.offset);
        drawn.current = selection ? { anchorNode: selection.anchorNode, anchorOffset: selection.anchorOffset, focusNode: selection.focusNode, focusOffset: selection.focusOffset } : null;
      } else {
        selection?.removeAllRanges();
        view.dispatch(view.state.tr.setMeta(caretKey, { pos: headPos }).setMeta('addToHistory', false));
      }
      try {
        const coords = view.coordsAtPos(headPos);
        const head = document.querySelector('.cd-workspace-head')?.getBoundingClientRect().bottom ?? 0;
        if (coords.top < head + 8) window.scrollBy(0, coords.top - head - 40);
        else if (coords.bottom > window.innerHeight - 8) window.scrollBy(0, coords.bottom - window.innerHeight + 40);
      } catch {
        // a position outside the rendered text: nothing to scroll to
      }
      onSelectionChange();
    },
    [editor, onSelectionChange],
  );

  // The effect below must run when the mode is turned on, not each time `draw` is a new function
  // (its callback changes with the workspace's state): it would take focus back from the sidebar and
  // put the caret back at the top of the view.
  const drawLatest = useRef(draw);
  useEffect(() => {
    drawLatest.current = draw;
  });

  // Turning the mode on puts the caret at the first words in view (or keeps a selection there is).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const view = editor.view;
    if (!enabled) {
      caret.current = null;
      view.dispatch(view.state.tr.setMeta(caretKey, { pos: null }).setMeta('addToHistory', false));
      return;
    }
    const map = positionMapOf(view.state.doc);
    let start = 0;
    const rect = view.dom.getBoundingClientRect();
    const top = Math.max(rect.top, (document.querySelector('.cd-workspace-head')?.getBoundingClientRect().bottom ?? 0) + 4);
    if (rect.top < top) {
      const found = view.posAtCoords({ left: rect.left + 4, top: top + 4 });
      if (found) start = map.toOffset(found.pos, 1);
    }
    view.dom.focus({ preventScroll: true });
    drawLatest.current({ anchor: start, head: start });
  }, [editor, enabled]);

  const lineStep = useCallback(
    (from: number, command: CaretCommand): number => {
      if (!editor) return from;
      const view = editor.view;
      const map = positionMapOf(view.state.doc);
      try {
        const coords = view.coordsAtPos(map.toPmPos(from, 1));
        const height = Math.max(8, coords.bottom - coords.top);
        const found = view.posAtCoords({ left: coords.left + 1, top: command.direction === 'forward' ? coords.bottom + height / 2 : coords.top - height / 2 });
        const offset = found ? map.toOffset(found.pos, 1) : from;
        if (offset !== from) return offset;
      } catch {
        // fall through to a block step
      }
      return stepOffset(text, from, 'block', command.direction, words);
    },
    [editor, text, words],
  );

  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent) => {
      if (!enabled || !editor || event.defaultPrevented) return;
      if (!(event.target instanceof Node) || !editor.view.dom.contains(event.target)) return;
      const command = caretCommandOf(event);
      if (!command) return;
      event.preventDefault();
      let current = caret.current ?? { anchor: 0, head: 0 };
      const dom = window.getSelection();
      const view = editor.view;
      const last = drawn.current;
      const own = last && dom && dom.anchorNode === last.anchorNode && dom.anchorOffset === last.anchorOffset && dom.focusNode === last.focusNode && dom.focusOffset === last.focusOffset;
      if (dom && !dom.isCollapsed && !own && dom.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
        // A selection made with the mouse: the caret goes on from it (Shift+arrows adjust its end).
        try {
          const map = positionMapOf(view.state.doc);
          current = { anchor: map.toOffset(view.posAtDOM(dom.anchorNode, dom.anchorOffset), 1), head: map.toOffset(view.posAtDOM(dom.focusNode, dom.focusOffset), 1) };
        } catch {
          // not a position in the text: keep the caret
        }
      } else if (caretRange(current) && (!dom || dom.isCollapsed)) {
        // A selection cleared elsewhere (the popover saved or closed): the caret stays at its head.
        current = { anchor: current.head, head: current.head };
      }
      const head = command.unit === 'line' ? lineStep(current.head, command) : stepOffset(text, current.head, command.unit, inTextDirection(command, text, current.head), words);
      draw(moveCaret(current, head, command.extend));
    },
    [enabled, editor, text, words, lineStep, draw],
  );

  return { onKeyDown };
}
