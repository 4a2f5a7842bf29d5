'use client';

import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { useReopen } from '@/components/hooks/use-review';
import { errorMessage } from '@/lib/client/error-message';

/** For the author once they have answered a dispute / needs-source (reply, re-tag): verdicts so far stop counting. */
export function ReopenButton({ annotation }: { annotation: AnnotationDto }) {
  const reopen = useReopen();
  return (
    <div className="rv-section">
      <div className="row">
        <button type="button" className="button small" disabled={reopen.isPending} onClick={() => reopen.mutate(annotation)}>
          Re-open for review
        </button>
        <span className="muted small">after you have answered the reviewers</span>
      </div>
      {reopen.isError ? (
        <p className="form-error small" role="alert">
          {errorMessage(reopen.error)}
        </p>
      ) : null}
    </div>
  );
}
