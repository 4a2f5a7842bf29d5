'use client';

// "Seen elsewhere": for the selected annotation, the claims in other articles asserting the same
// fact (GET /api/annotations/:id/matches), each with what was found there and why it matches.
import { STATUS_LABELS, truncate } from '@/components/annotations/format';
import { useClaimMatches } from '@/components/hooks/use-known-claims';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { describeCheck } from '@/lib/matching/describe-check';
import './matching.css';
import { errorMessage } from '@/lib/client/error-message';

export function ClaimMatchesList({ annotation }: { annotation: AnnotationDto }) {
  const query = useClaimMatches(annotation.id);
  if (query.isPending || (query.data && query.data.length === 0)) return null;
  return (
    <section className="rv-section" aria-label="Seen elsewhere" data-testid="claim-matches">
      <h3 className="small">Seen elsewhere</h3>
      {query.isError ? (
        <p className="form-error small" role="alert">
          Could not look for the same claim elsewhere: {errorMessage(query.error)}
        </p>
      ) : (
        <ul className="cd-list">
          {query.data.map((m) => (
            <li key={m.annotation.id} className="small" data-testid="claim-match">
              <div>
                {describeCheck(STATUS_LABELS[m.annotation.status], m.article)} ·{' '}
                <a href={`/articles/${encodeURIComponent(m.article.id)}?annotation=${encodeURIComponent(m.annotation.id)}`}>open</a>
              </div>
              <div className="muted">“{truncate(m.annotation.target.exact)}”</div>
              <div className="muted">
                {m.reason} ({Math.round(m.score * 100)}%)
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
