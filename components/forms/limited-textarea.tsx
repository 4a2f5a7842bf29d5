'use client';

// A textarea that shows how much of its limit is used and stops there. Typing (one character at a
// time) stops at the limit; a paste that goes over it is kept whole and marked, so nothing the person
// wrote disappears: the form refuses to save until it is shortened. The count is the API's
// (trimmed, NFC: lib/api/text-field.ts), and the message is what the route's own schema would say.
import { useCallback, useEffect, useId, useRef, type Ref, type TextareaHTMLAttributes } from 'react';
import type { z } from 'zod';
import { storedLength } from '@/lib/api/text-field';
import { schemaProblem } from '@/lib/client/field-errors';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'maxLength'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The field's limit: the constant the request schema uses (MAX_NOTE, MAX_REPLY_LENGTH, …). */
  max: number;
  /** The field's schema in the route's request schema: its message is shown when the value is refused. */
  schema: z.ZodType;
  /** The server's message about this field after a failed save. */
  error?: string | null;
  /** Visually hide the label (it stays the field's accessible name). */
  hideLabel?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

const count = (n: number) => n.toLocaleString('en-US');

export function LimitedTextarea({ label, value, onChange, max, schema, error, hideLabel = false, ref, className, ...rest }: Props) {
  const id = useId();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const used = storedLength(value);
  const over = used > max;
  const problem = error ?? (over ? schemaProblem(schema, value) : null);

  const setRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );

  // Native beforeinput (React's onBeforeInput carries no inputType): refuse a typed character past the limit.
  useEffect(() => {
    const el = own.current;
    if (!el) return;
    const onBeforeInput = (event: InputEvent) => {
      const typed = event.inputType === 'insertText' || event.inputType === 'insertLineBreak' || event.inputType === 'insertCompositionText';
      const data = event.inputType === 'insertLineBreak' ? '\n' : (event.data ?? '');
      if (!typed || data.length > 1) return;
      const next = el.value.slice(0, el.selectionStart) + data + el.value.slice(el.selectionEnd);
      if (storedLength(next) > max && storedLength(next) > storedLength(el.value)) event.preventDefault();
    };
    el.addEventListener('beforeinput', onBeforeInput);
    return () => el.removeEventListener('beforeinput', onBeforeInput);
  }, [max]);

  return (
    <div className={`field cd-limited${over || problem ? ' is-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <textarea
        {...rest}
        id={id}
        ref={setRef}
        className={className}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
      />
      <div className="cd-limited-foot small">
        {problem ? (
          <span id={`${id}-problem`} className="form-error" role="alert" data-testid="field-error">
            {problem}
          </span>
        ) : (
          <span />
        )}
        <span id={`${id}-count`} className={over ? 'form-error cd-limited-count' : 'muted cd-limited-count'} aria-live={used >= max ? 'polite' : 'off'} data-testid="char-count">
          {over ? `${count(used)} / ${count(max)} characters: ${count(used - max)} too many` : `${count(used)} / ${count(max)}`}
        </span>
      </div>
    </div>
  );
}
