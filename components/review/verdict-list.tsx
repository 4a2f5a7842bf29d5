'use client';

import type { SourceTag } from '@/lib/client/annotations-api';
import type { ReviewDto } from '@/lib/client/review-api';
import { relativeTime } from '@/components/annotations/format';
import { VERDICT_LABELS } from '@/components/review/verdict-labels';

/** Each reviewer's current verdict; ones that no longer count (given before a re-open, or resolved) are dimmed. */
export function VerdictList({ reviews, tags }: { reviews: ReviewDto[]; tags: SourceTag[] }) {
  const current = reviews.filter((r) => !r.supersededAt);
  if (current.length === 0) return <p className="muted small">No verdicts yet.</p>;
  const label = (key: string) => tags.find((t) => t.key === key)?.label ?? key;
  return (
    <ul className="rv-list" aria-label="Verdicts">
      {current.map((r) => (
        <li key={r.id} className={`rv-review${r.counts ? '' : ' is-stale'}`} data-testid="verdict" data-verdict={r.verdict}>
          <div>
            <strong>{r.reviewer.name}</strong>{' '}
            <span className={`cd-badge rv-verdict-${r.verdict.toLowerCase()}`}>{VERDICT_LABELS[r.verdict]}</span>{' '}
            <time className="muted small" dateTime={r.createdAt}>
              {relativeTime(r.createdAt)}
            </time>
            {r.counts ? null : <span className="muted small"> · {r.resolvedAt ? 'resolved' : 'before re-open'}</span>}
          </div>
          {r.comment ? <div className="rv-review-comment">{r.comment}</div> : null}
          {r.suggestedTag ? <div className="muted small">Suggests: {label(r.suggestedTag)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
