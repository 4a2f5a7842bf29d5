'use client';

import { useState, type FormEvent } from 'react';
import { LimitedTextarea } from '@/components/forms/limited-textarea';
import { useDraft } from '@/components/hooks/use-draft';
import { storedLength } from '@/lib/api/text-field';
import { formErrors } from '@/lib/client/field-errors';
import { createReplySchema, MAX_REPLY_LENGTH } from '@/lib/review/review-schemas';

type Props = {
  label: string;
  submitLabel: string;
  initial?: string;
  pending?: boolean;
  autoFocus?: boolean;
  /** Where the text is kept while it is being written (survives a reload); null: not kept. */
  draftKey?: string | null;
  /** Resolves once stored: the form empties (or closes); a rejection keeps the text with the server's reason. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
};

const isBlank = (body: string) => !body.trim();

/** One textarea for a new reply, an answer or an edit. Ctrl/⌘+Enter sends; Esc cancels. */
export function ReplyForm({ label, submitLabel, initial = '', pending = false, autoFocus = false, draftKey = null, onSubmit, onCancel }: Props) {
  const [body, setBody, clearDraft] = useDraft(draftKey, initial, { isEmpty: (value) => isBlank(value) || value === initial });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const empty = isBlank(body);
  const blocked = empty || pending || sending || storedLength(body) > MAX_REPLY_LENGTH;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (blocked) return;
    setSending(true);
    setError(null);
    onSubmit(body.trim())
      .then(() => {
        clearDraft();
        if (!initial) setBody('');
      })
      .catch((failure: unknown) => {
        const problems = formErrors(failure, ['body']);
        setError(problems.fields.body ?? problems.message);
      })
      .finally(() => setSending(false));
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
      <LimitedTextarea
        label={label}
        hideLabel
        rows={2}
        value={body}
        onChange={(value) => {
          setBody(value);
          setError(null);
        }}
        max={MAX_REPLY_LENGTH}
        schema={createReplySchema.shape.body}
        error={error}
        autoFocus={autoFocus}
      />
      <div className="row">
        <button type="submit" className="button small primary" disabled={blocked}>
          {sending ? 'Sending…' : submitLabel}
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
