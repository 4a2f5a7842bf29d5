'use client';

// The popover that opens on a text selection: pick a tag (1, 2, 3… or click), optionally add
// a source detail, note and confidence, then Enter saves. With focus outside a text field a
// number key picks that tag and moves to the note (select a sentence, 1, type a note, Enter).
// What is typed is a draft (components/hooks/use-draft.ts) until the server has stored it: a
// refused save keeps the popover open with the server's message next to the field.
import { ConfidenceSelect } from '@/components/annotations/confidence-select';
import { SourceDetailField } from '@/components/annotations/source-detail-field';
import { autoUpdate, flip, inline, offset, shift, size, useFloating } from '@floating-ui/react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Confidence } from '@/lib/core/enums';
import { activeTags, type SourceTag } from '@/lib/client/annotations-api';
import type { TextSelection } from '@/components/reader/article-reader';
import { isTextField } from '@/components/annotations/is-text-field';
import { LimitedTextarea } from '@/components/forms/limited-textarea';
import { useDraft } from '@/components/hooks/use-draft';
import { createAnnotationSchema, MAX_NOTE, MAX_SOURCE_DETAIL } from '@/lib/annotations/annotation-schemas';
import { storedLength } from '@/lib/api/text-field';
import { NO_FORM_ERRORS, type FormErrors } from '@/lib/client/field-errors';
import './annotations.css';

export type AnnotateValues = { tag: string; sourceDetail?: string; note?: string; confidence?: Confidence };

/** What the popover keeps in localStorage: the selection it belongs to and the fields. */
export type AnnotateDraft = { start: number; end: number; exact: string; tag: string | null; sourceDetail: string; note: string; confidence: Confidence | '' };

/** The fields a save can be refused for, named as the API names them. */
export const ANNOTATE_FIELDS = ['tag', 'sourceDetail', 'note', 'confidence'] as const;

type Props = {
  selection: TextSelection;
  tags: SourceTag[];
  onSave: (values: AnnotateValues) => void;
  onClose: () => void;
  /** Where the draft is kept (null: not kept). */
  draftKey?: string | null;
  /** The save is on its way: the popover stays until the server has answered. */
  saving?: boolean;
  /** Why the server refused the last save. */
  errors?: FormErrors;
};

const emptyDraft = (s: TextSelection): AnnotateDraft => ({ start: s.start, end: s.end, exact: s.exact, tag: null, sourceDetail: '', note: '', confidence: '' });
const isEmptyDraft = (d: AnnotateDraft) => !d.tag && !d.sourceDetail.trim() && !d.note.trim() && !d.confidence;
const tooLong = (d: { note: string; sourceDetail: string }) => storedLength(d.note) > MAX_NOTE || storedLength(d.sourceDetail) > MAX_SOURCE_DETAIL;

const POPOVER_WIDTH = 320;
const EDGE = 8;

export function AnnotatePopover({ selection, tags: allTags, onSave, onClose, draftKey = null, saving = false, errors = NO_FORM_ERRORS }: Props) {
  // Archived tags stay on old annotations but are never offered for a new one.
  const tags = activeTags(allTags);
  const [draft, setDraft, clearDraft] = useDraft<AnnotateDraft>(draftKey, emptyDraft(selection), {
    isEmpty: isEmptyDraft,
    accept: (stored) => stored.start === selection.start && stored.end === selection.end && stored.exact === selection.exact,
  });
  const { tag, sourceDetail, note, confidence } = draft;
  const setTag = (value: string | null) => setDraft((d) => ({ ...d, tag: value }));
  const setSourceDetail = (value: string) => setDraft((d) => ({ ...d, sourceDetail: value }));
  const setNote = (value: string) => setDraft((d) => ({ ...d, note: value }));
  const setConfidence = (value: Confidence | '') => setDraft((d) => ({ ...d, confidence: value }));
  const [hint, setHint] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement | null>(null);
  // Under the selected words (above when there is more room there), never over them, always
  // inside the viewport: `inline` picks the line the selection ends on, `size` caps the height to
  // the room left so the popover scrolls inside itself rather than covering the words on a phone.
  const { refs, floatingStyles } = useFloating({
    placement: 'bottom-start',
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      inline(),
      offset(EDGE),
      flip({ padding: EDGE, fallbackAxisSideDirection: 'none' }),
      // Height first (the room on the chosen side), so the cross-axis shift below only ever pulls
      // it back into view when the words themselves have scrolled away, never over them.
      size({
        padding: EDGE,
        apply({ availableHeight, availableWidth, elements }) {
          elements.floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
          elements.floating.style.maxWidth = `${Math.max(200, availableWidth)}px`;
        },
      }),
      shift({ padding: EDGE, crossAxis: true }),
    ],
  });
  useLayoutEffect(() => refs.setPositionReference(selection.anchor), [refs, selection.anchor]);
  const setFloating = (el: HTMLDivElement | null) => {
    ref.current = el;
    refs.setFloating(el);
  };
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const blocked = saving || tooLong(draft);

  const latest = useRef({ tag, sourceDetail, note, confidence, tags, onSave, onClose, blocked, saving, clearDraft });
  useEffect(() => {
    latest.current = { tag, sourceDetail, note, confidence, tags, onSave, onClose, blocked, saving, clearDraft };
  });

  useEffect(() => {
    const save = (tagKey: string | null) => {
      const s = latest.current;
      if (!tagKey) {
        setHint('Pick a source tag first (press its number).');
        return;
      }
      if (s.blocked) return; // saving already, or a field over its limit (its message is shown)
      s.onSave({
        tag: tagKey,
        sourceDetail: s.sourceDetail.trim() || undefined,
        note: s.note.trim() || undefined,
        confidence: s.confidence || undefined,
      });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const inField = isTextField(event.target);
      if (event.key === 'Escape') {
        event.preventDefault();
        // Closing on purpose drops the draft (not while a save may still be refused); a click
        // elsewhere (below) keeps it for this selection.
        if (!latest.current.saving) latest.current.clearDraft();
        latest.current.onClose();
        return;
      }
      if (event.key === 'Enter') {
        if (inField && event.target instanceof HTMLTextAreaElement && event.shiftKey) return; // newline in the note
        if (event.target instanceof HTMLButtonElement) return; // let the button do its job
        event.preventDefault();
        save(latest.current.tag);
        return;
      }
      if (!inField && /^[1-9]$/.test(event.key)) {
        const chosen = latest.current.tags[Number(event.key) - 1];
        if (!chosen) return;
        event.preventDefault();
        setDraft((d) => ({ ...d, tag: chosen.key }));
        setHint(null);
        latest.current.tag = chosen.key; // Enter right after the number saves with it
        noteRef.current?.focus();
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) {
        // A click elsewhere closes; the reader reports a new selection if there is one.
        latest.current.onClose();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [setDraft]);

  return (
    <div
      ref={setFloating}
      className="cd-popover"
      role="dialog"
      aria-label="Annotate selection"
      style={{ ...floatingStyles, width: `min(${POPOVER_WIDTH}px, calc(100vw - ${2 * EDGE}px))`, overflowY: 'auto' }}
    >
      <div className="cd-popover-quote" title={selection.exact}>
        “{selection.exact.length > 90 ? `${selection.exact.slice(0, 90)}…` : selection.exact}”
      </div>
      <div className="cd-popover-tags" role="group" aria-label="Source tag">
        {tags.map((t, i) => (
          <button
            key={t.key}
            type="button"
            aria-pressed={tag === t.key}
            className={`cd-tag-button${tag === t.key ? ' is-active' : ''}`}
            style={{ ['--tag' as string]: t.color }}
            title={`${t.label} (press ${i + 1})`}
            onClick={() => {
              setTag(t.key);
              setHint(null);
              noteRef.current?.focus();
            }}
          >
            {i < 9 ? <kbd aria-hidden>{i + 1}</kbd> : null}
            <span className="tag-dot" aria-hidden />
            {t.label}
          </button>
        ))}
      </div>
      <SourceDetailField value={sourceDetail} onChange={setSourceDetail} error={errors.fields.sourceDetail} placeholder="e.g. UN Monitoring Team, 36th report" />
      <LimitedTextarea
        ref={noteRef}
        label="Note"
        rows={2}
        value={note}
        onChange={setNote}
        max={MAX_NOTE}
        schema={createAnnotationSchema.shape.note}
        error={errors.fields.note}
        placeholder="Shift+Enter for a new line"
      />
      <ConfidenceSelect value={confidence} onChange={setConfidence} />
      {hint ? <p className="form-error small">{hint}</p> : null}
      {errors.message && !errors.fields.note && !errors.fields.sourceDetail ? (
        <p className="form-error small" role="alert" data-testid="popover-error">
          Not saved: {errors.message}
        </p>
      ) : null}
      <div className="row cd-popover-actions">
        <span className="muted small">
          <kbd>1</kbd>–<kbd>{Math.min(tags.length, 9)}</kbd> tag · <kbd>Enter</kbd> save · <kbd>Esc</kbd> close
        </span>
        <button
          type="button"
          className="button small"
          onClick={() => {
            if (!saving) clearDraft();
            onClose();
          }}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button small primary"
          disabled={!tag || blocked}
          onClick={() =>
            tag &&
            onSave({ tag, sourceDetail: sourceDetail.trim() || undefined, note: note.trim() || undefined, confidence: confidence || undefined })
          }
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </div>
  );
}
