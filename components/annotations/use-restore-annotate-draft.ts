'use client';

// After a reload the annotate popover comes back where it was: the draft names its selection in
// canonical-text offsets, the reader's editor turns them back into a DOM range (selected again,
// so the analyst sees which words), and the popover opens on it with the draft's fields.
import { useEffect } from 'react';
import type { TiptapEditorHTMLElement } from '@tiptap/core';
import { canonicalTextOfPmNode } from '@/lib/anchoring';
import { positionMapOf } from '@/components/reader/annotation-highlights';
import { selectionAnchor } from '@/components/reader/selection-anchor';
import type { TextSelection } from '@/components/reader/article-reader';
import type { AnnotateDraft } from '@/components/annotations/annotate-popover';
import { discardDraft, readDraft } from '@/components/hooks/use-draft';

const GIVE_UP_MS = 10_000;

function selectionOf(dom: TiptapEditorHTMLElement, draft: AnnotateDraft): TextSelection | null {
  const editor = dom.editor;
  if (!editor || editor.isDestroyed) return null;
  const text = canonicalTextOfPmNode(editor.state.doc);
  // The version's text is what the draft was written on; anything else means it no longer applies.
  if (text.slice(draft.start, draft.end) !== draft.exact) return null;
  const { from, to } = positionMapOf(editor.state.doc).toPmRange(draft.start, draft.end);
  const start = editor.view.domAtPos(from);
  const end = editor.view.domAtPos(to);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return { start: draft.start, end: draft.end, exact: draft.exact, anchor: selectionAnchor(editor.view, from, to) };
}

/** Once the reader is ready, reopens the popover of the draft under `draftKey`, if there is one. */
export function useRestoreAnnotateDraft(draftKey: string, restore: (selection: TextSelection) => void) {
  useEffect(() => {
    const draft = readDraft<AnnotateDraft>(draftKey);
    if (!draft || typeof draft.start !== 'number' || typeof draft.end !== 'number' || typeof draft.exact !== 'string') return;
    const giveUpAt = Date.now() + GIVE_UP_MS;
    let frame = 0;
    const attempt = () => {
      const dom = document.querySelector<TiptapEditorHTMLElement>('[data-testid="article-reader"] .ProseMirror');
      if (dom?.editor && !dom.editor.isDestroyed) {
        const selection = selectionOf(dom, draft);
        if (selection) restore(selection);
        else discardDraft(draftKey);
        return;
      }
      if (Date.now() < giveUpAt) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
    // Once per page (and per version): later drafts are written by the open popover itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);
}
