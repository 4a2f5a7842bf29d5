'use client';

import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useCallback, useEffect, useMemo, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { ReaderCaret, useCaretBrowsing } from '@/components/reader/caret-browsing';
import { selectionAnchor, type SelectionAnchor } from '@/components/reader/selection-anchor';
import { canonicalTextOfPmNode } from '@/lib/anchoring';
import { AnnotationHighlights, annotationHighlightsKey, highlightColorRules, positionMapOf, type HighlightInput, type HighlightMeta } from '@/components/reader/annotation-highlights';
import { KnownClaimHighlights, knownClaimHighlightsKey, type KnownClaimHighlightInput } from '@/components/reader/known-claim-highlights';
import { SuggestionHighlights, suggestionHighlightsKey, type SuggestionHighlightInput } from '@/components/reader/suggestion-highlights';
import { PageMarkers } from '@/components/reader/page-markers';
import type { PageMap } from '@/lib/documents/page-map';
import './reader.css';

/** A text selection in canonical-text offsets (whitespace trimmed), with what to position a popover against. */
export type TextSelection = { start: number; end: number; exact: string; anchor: SelectionAnchor };

type Props = {
  doc: JSONContent;
  highlights?: HighlightInput[];
  selectedId?: string | null;
  onSelectAnnotation?: (id: string | null) => void;
  onTextSelection?: (selection: TextSelection | null) => void;
  renderTooltip?: (annotationId: string) => ReactNode;
  /** Proposed claims, drawn as dashed outlines (components/reader/suggestion-highlights.ts). */
  suggestions?: SuggestionHighlightInput[];
  /** Where each page of a PDF starts: shown as "p. N" markers. */
  pages?: PageMap | null;
  /** Sentences checked before in another article (components/reader/known-claim-highlights.ts). */
  knownClaims?: KnownClaimHighlightInput[];
  /** Caret browsing (components/reader/caret-browsing.ts): arrows move a caret, Shift+arrows select. */
  caretMode?: boolean;
};

const NO_SUGGESTIONS: SuggestionHighlightInput[] = [];
const NO_KNOWN: KnownClaimHighlightInput[] = [];

const WHITESPACE = /\s/;

/** The article rendered read-only by TipTap; annotations are drawn on top as decorations. */
export function ArticleReader({ doc, highlights = [], selectedId = null, onSelectAnnotation, onTextSelection, renderTooltip, suggestions = NO_SUGGESTIONS, pages = null, knownClaims = NO_KNOWN, caretMode = false }: Props) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false } }), AnnotationHighlights, SuggestionHighlights, KnownClaimHighlights, PageMarkers.configure({ pages }), ReaderCaret],
    content: doc,
    // Each block finds its own direction: an Urdu or Arabic paragraph reads right to left among English ones.
    textDirection: 'auto',
    editable: false,
    immediatelyRender: false,
    // ProseMirror gives the root role=textbox; a screen reader has to hear what it is and that it
    // cannot be typed into. Focusable, so a keyboard reaches the text (caret browsing, j/k).
    editorProps: { attributes: { 'aria-label': 'Article text', 'aria-readonly': 'true', 'aria-multiline': 'true', tabindex: '0' } },
  });

  // The plugin redraws only what changed (components/reader/annotation-highlights.ts).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const meta: HighlightMeta = { highlights, selectedId };
    editor.view.dispatch(editor.state.tr.setMeta(annotationHighlightsKey, meta).setMeta('addToHistory', false));
  }, [editor, highlights, selectedId]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(suggestionHighlightsKey, suggestions).setMeta('addToHistory', false));
  }, [editor, suggestions]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(knownClaimHighlightsKey, knownClaims).setMeta('addToHistory', false));
  }, [editor, knownClaims]);

  const text = useMemo(() => (editor ? canonicalTextOfPmNode(editor.state.doc) : ''), [editor]);

  const readSelection = useCallback((): TextSelection | null => {
    if (!editor || editor.isDestroyed) return null;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const root = editor.view.dom;
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    let from: number;
    let to: number;
    try {
      from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
    const map = positionMapOf(editor.state.doc);
    let start = map.toOffset(Math.min(from, to), 1);
    let end = map.toOffset(Math.max(from, to), -1);
    while (start < end && WHITESPACE.test(text[start] ?? '')) start++;
    while (end > start && WHITESPACE.test(text[end - 1] ?? '')) end--;
    if (end <= start) return null;
    const pm = map.toPmRange(start, end);
    return { start, end, exact: text.slice(start, end), anchor: selectionAnchor(editor.view, pm.from, pm.to) };
  }, [editor, text]);

  const reportSelection = useCallback(() => {
    if (!onTextSelection) return;
    onTextSelection(readSelection());
  }, [onTextSelection, readSelection]);
  const caret = useCaretBrowsing(editor, { enabled: caretMode, onSelectionChange: reportSelection });

  // On touch no mouseup follows a long-press or a drag of the selection handles: the selection is
  // followed as it changes instead. Only a selection is reported, never its end: tapping a tag
  // button may clear the page's selection, and the popover must stay (it closes on a tap outside).
  useEffect(() => {
    if (!onTextSelection) return;
    let touch = false;
    let timer = 0;
    const onPointerDown = (event: PointerEvent) => {
      touch = event.pointerType === 'touch';
    };
    const onSelectionChange = () => {
      if (!touch) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const selection = readSelection();
        if (selection) onTextSelection(selection);
      }, 250);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [onTextSelection, readSelection]);

  const handleClick = useCallback(
    (event: ReactMouseEvent<HTMLDivElement>) => {
      if (!editor || !onSelectAnnotation) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const target = event.target as HTMLElement;
      const domIds = new Set<string>();
      for (let el: HTMLElement | null = target.closest('.cd-highlight'); el; el = el.parentElement?.closest('.cd-highlight') ?? null) {
        const id = el.dataset.annotationId;
        if (id) domIds.add(id);
      }
      if (domIds.size === 0) {
        onSelectAnnotation(null);
        return;
      }
      const id = annotationAt(editor, highlights, event.clientX, event.clientY, domIds);
      onSelectAnnotation(id);
    },
    [editor, highlights, onSelectAnnotation],
  );

  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const handleMouseOver = useCallback(
    (event: ReactMouseEvent<HTMLDivElement>) => {
      // Every highlight span around the pointer covers it; the tooltip shows the same (shortest)
      // annotation a click would select, whichever way ProseMirror happened to nest the spans.
      const spans = new Map<string, HTMLElement>();
      for (let el: HTMLElement | null = (event.target as HTMLElement).closest('.cd-highlight'); el; el = el.parentElement?.closest('.cd-highlight') ?? null) {
        const id = el.dataset.annotationId;
        if (id && !spans.has(id)) spans.set(id, el);
      }
      const candidates = highlights.filter((h) => spans.has(h.id));
      const id = candidates.length ? shortest(candidates) : spans.keys().next().value;
      const el = id ? spans.get(id) : undefined;
      if (!id || !el) {
        setHover(null);
        return;
      }
      const rect = el.getBoundingClientRect();
      setHover((h) => (h?.id === id ? h : { id, x: rect.left, y: rect.bottom }));
    },
    [highlights],
  );

  return (
    <div
      className="cd-reader-wrap"
      onMouseUp={reportSelection}
      onKeyDown={caret.onKeyDown}
      onKeyUp={(event) => {
        if (event.shiftKey || event.key === 'Shift') reportSelection();
      }}
      onClick={handleClick}
      onMouseOver={handleMouseOver}
      onMouseLeave={() => setHover(null)}
    >
      <style>{highlightColorRules(highlights.map((h) => h.color))}</style>
      <EditorContent editor={editor} className="article-reader" data-testid="article-reader" />
      {hover && renderTooltip ? (
        <div className="cd-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y + 6 }}>
          {renderTooltip(hover.id)}
        </div>
      ) : null}
    </div>
  );
}

/** The innermost (shortest) annotation covering the clicked point, found through the position map. */
function annotationAt(editor: Editor, highlights: HighlightInput[], x: number, y: number, domIds: Set<string>): string | null {
  const found = editor.view.posAtCoords({ left: x, top: y });
  const candidates = highlights.filter((h) => domIds.has(h.id));
  if (found) {
    const offset = positionMapOf(editor.state.doc).toOffset(found.pos);
    const covering = candidates.filter((h) => h.start <= offset && offset <= h.end);
    if (covering.length) return shortest(covering);
  }
  return candidates.length ? shortest(candidates) : null;
}

function shortest(list: HighlightInput[]): string {
  return list.reduce((best, h) => (h.end - h.start < best.end - best.start ? h : best)).id;
}
