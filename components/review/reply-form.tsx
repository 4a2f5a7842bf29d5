'use client';

import { useState, type FormEvent } from 'react';
import { MAX_REPLY_LENGTH } from '@/lib/review/review-schemas';

type Props = {
  label: string;
  submitLabel: string;
  initial?: string;
  pending?: boolean;
  autoFocus?: boolean;
  onSubmit: (body: string) => void;
  onCancel?: () => void;
};

/** One textarea for a new reply, an answer or an edit. Ctrl/⌘+Enter sends; Esc cancels. */
export function ReplyForm({ label, submitLabel, initial = '', pending = false, autoFocus = false, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const empty = !body.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (empty) return;
    onSubmit(body.trim());
    if (!initial) setBody('');
  }

  return (
    <form
      className="rv-form"
      aria-label={label}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.stopPropagation();
          onCancel();
        }
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
      }}
    >
      <textarea aria-label={label} rows={2} value={body} maxLength={MAX_REPLY_LENGTH} autoFocus={autoFocus} onChange={(e) => setBody(e.target.value)} />
      <div className="row">
        <button type="submit" className="button small primary" disabled={empty || pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
