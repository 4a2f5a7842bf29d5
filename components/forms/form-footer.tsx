'use client';

type Props = {
  /** Why the last submit was refused, announced when it appears. */
  error: string | null;
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
};

/** The end of a disclosure form (import an article, a new version): the refusal, then Submit and Cancel. */
export function FormFooter({ error, pending, disabled = false, submitLabel, pendingLabel, onCancel }: Props) {
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending || disabled}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
