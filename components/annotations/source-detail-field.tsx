'use client';

import { MAX_SOURCE_DETAIL } from '@/lib/annotations/annotation-schemas';

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The server's message for this field after a refused save. */
  error?: string;
  placeholder?: string;
};

/**
 * The "Source detail" field of the annotate popover and the edit form. Typing stops at the API's
 * limit, but a longer value already there (a paste, an old row) stays whole and marked rather than
 * cut: the form refuses to send it until it is shortened.
 */
export function SourceDetailField({ value, onChange, error, placeholder }: Props) {
  return (
    <label className="field">
      <span>Source detail</span>
      <input value={value} maxLength={Math.max(MAX_SOURCE_DETAIL, value.length)} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} aria-invalid={error ? true : undefined} />
      {error ? (
        <span className="form-error small" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
