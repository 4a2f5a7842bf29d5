'use client';

// The select → annotate controller: which text selection the popover is open on, saving it, and
// keeping it. The popover stays open until the server has stored the annotation; a refusal keeps
// (or brings back) the popover on its selection with the server's reasons, and the draft stays
// until a save succeeds. Focus goes back to the text afterwards, so a keyboard user goes on from there.
import { useCallback, useState } from 'react';
import { ANNOTATE_FIELDS, type AnnotateValues } from '@/components/annotations/annotate-popover';
import { useRestoreAnnotateDraft } from '@/components/annotations/use-restore-annotate-draft';
import { discardDraft } from '@/components/hooks/use-draft';
import { newCreateIds, useCreateAnnotation } from '@/components/hooks/use-annotations';
import type { TextSelection } from '@/components/reader/article-reader';
import { formErrors, NO_FORM_ERRORS, type FormErrors } from '@/lib/client/field-errors';

type SaveState = { selection: TextSelection; saving: boolean; errors: FormErrors };

/**
 * Puts focus back on the reader's text once the popover that had it is gone (it unmounts a little
 * after the save resolves), unless the user has put focus somewhere else meanwhile.
 */
export function focusReaderText() {
  let tries = 0;
  const attempt = () => {
    const active = document.activeElement;
    const inPopover = active instanceof Element && active.isConnected && active.closest('.cd-popover');
    if (inPopover && tries++ < 10) {
      window.setTimeout(attempt, 50);
      return;
    }
    if (active && active !== document.body && active.isConnected && !inPopover) return;
    document.querySelector<HTMLElement>('[data-testid="article-reader"] .ProseMirror')?.focus({ preventScroll: true });
  };
  requestAnimationFrame(attempt);
}

export function useAnnotateSelection(create: ReturnType<typeof useCreateAnnotation>, draftKey: string, versionId: string) {
  const [textSelection, setTextSelection] = useState<TextSelection | null>(null);
  const [saveState, setSaveState] = useState<SaveState | null>(null);
  useRestoreAnnotateDraft(draftKey, setTextSelection);

  const save = useCallback(
    (values: AnnotateValues) => {
      const selection = textSelection;
      if (!selection) return;
      setSaveState({ selection, saving: true, errors: NO_FORM_ERRORS });
      create
        .mutateAsync({ ...newCreateIds(), start: selection.start, end: selection.end, exact: selection.exact, versionId, ...values })
        .then(() => {
          discardDraft(draftKey);
          setSaveState((s) => (s?.selection === selection ? null : s));
          setTextSelection((current) => {
            if (current !== selection) return current;
            window.getSelection()?.removeAllRanges();
            return null;
          });
          focusReaderText();
        })
        .catch((error: unknown) => {
          setSaveState((s) => (s === null || s.selection === selection ? { selection, saving: false, errors: formErrors(error, ANNOTATE_FIELDS) } : s));
          setTextSelection((current) => current ?? selection);
        });
    },
    [create, draftKey, textSelection, versionId],
  );

  const close = useCallback(() => {
    setTextSelection(null);
    focusReaderText();
  }, []);

  const popoverState = saveState && saveState.selection === textSelection ? saveState : null;
  return { textSelection, setTextSelection, save, close, popoverState };
}
