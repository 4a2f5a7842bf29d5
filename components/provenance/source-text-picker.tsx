'use client';

// A source's canonical text, where the analyst selects a passage by hand (offsets are those of the
// text itself: it is rendered as it is, whitespace kept) and the chosen passage is marked.
import { useCallback, useEffect, useRef } from 'react';

export type Passage = { start: number; end: number; exact: string };

const WHITESPACE = /\s/;

/** The selection's offsets in `root`'s text (the concatenation of its text nodes), or null outside it. */
function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const offsetOf = (container: Node, offset: number): number => {
    const before = document.createRange();
    before.selectNodeContents(root);
    before.setEnd(container, offset);
    return before.toString().length;
  };
  return { start: offsetOf(range.startContainer, range.startOffset), end: offsetOf(range.endContainer, range.endOffset) };
}

export function SourceTextPicker({ text, passage, onPick, labelledBy }: { text: string; passage: Passage | null; onPick: (passage: Passage) => void; labelledBy: string }) {
  const root = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);

  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [passage?.start, passage?.end]);

  const pick = useCallback(() => {
    if (!root.current) return;
    const at = selectionOffsets(root.current);
    if (!at) return;
    let { start, end } = at;
    while (start < end && WHITESPACE.test(text[start] ?? '')) start++;
    while (end > start && WHITESPACE.test(text[end - 1] ?? '')) end--;
    if (end <= start) return;
    onPick({ start, end, exact: text.slice(start, end) });
  }, [onPick, text]);

  const inRange = passage && passage.end <= text.length && text.slice(passage.start, passage.end) === passage.exact;
  return (
    // A region that can be scrolled with the keyboard; the passage is chosen with the mouse or shift+arrows.
    <div
      ref={root}
      className="pv-source-text"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      data-testid="source-text"
      onMouseUp={pick}
      onKeyUp={(e) => (e.shiftKey ? pick() : undefined)}
    >
      {inRange ? (
        <>
          {text.slice(0, passage.start)}
          <mark ref={mark} data-testid="chosen-passage">
            {text.slice(passage.start, passage.end)}
          </mark>
          {text.slice(passage.end)}
        </>
      ) : (
        text
      )}
    </div>
  );
}
