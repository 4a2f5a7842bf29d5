'use client';

// A dispute needs a comment saying what is wrong (the API refuses one without); a better tag is optional.
import { useState, type FormEvent } from 'react';
import type { SourceTag } from '@/lib/client/annotations-api';
import { MAX_COMMENT_LENGTH } from '@/lib/review/review-schemas';

type Props = {
  tags: SourceTag[];
  /** The annotation's tag: not offered as a suggestion. */
  currentTag: string;
  pending: boolean;
  onSubmit: (values: { comment: string; suggestedTag?: string }) => void;
  onCancel: () => void;
};

export function DisputeForm({ tags, currentTag, pending, onSubmit, onCancel }: Props) {
  const [comment, setComment] = useState('');
  const [suggestedTag, setSuggestedTag] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) {
      setProblem('Say what is wrong: a dispute needs a comment.');
      return;
    }
    onSubmit({ comment: comment.trim(), suggestedTag: suggestedTag || undefined });
  }

  return (
    <form
      className="rv-form"
      aria-label="Dispute"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
      }}
    >
      <label className="field">
        <span>What is wrong? (required)</span>
        <textarea
          name="comment"
          rows={3}
          value={comment}
          maxLength={MAX_COMMENT_LENGTH}
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'rv-dispute-problem' : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim()) setProblem(null);
          }}
        />
      </label>
      <label className="field">
        <span>Suggested tag</span>
        <select name="suggestedTag" value={suggestedTag} onChange={(e) => setSuggestedTag(e.target.value)}>
          <option value="">— none —</option>
          {tags
            .filter((t) => t.key !== currentTag && !t.archived)
            .map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
        </select>
      </label>
      {problem ? (
        <p className="form-error small" id="rv-dispute-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button small primary" disabled={pending}>
          Submit dispute
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
