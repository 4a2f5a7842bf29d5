'use client';

// Inter-analyst agreement on one article: claims tagged by ≥ 2 analysts, percent agreement,
// Cohen's kappa and the per-tag confusion table (GET /api/articles/:id/agreement).
import type { SourceTag } from '@/lib/client/annotations-api';
import type { AgreementResult } from '@/lib/client/review-api';
import { useAgreement } from '@/components/hooks/use-review';
import './review.css';
import { errorMessage } from '@/lib/client/error-message';

/** Landis & Koch's reading of kappa. */
function kappaReading(kappa: number): string {
  if (kappa < 0) return 'worse than chance';
  if (kappa === 0) return 'no better than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

type Props = { articleId: string; tags: SourceTag[]; initialData?: AgreementResult };

export function AgreementReport({ articleId, tags, initialData }: Props) {
  const agreement = useAgreement(articleId, initialData);
  if (agreement.isPending) return <p className="muted">Loading…</p>;
  if (agreement.isError) return <p className="form-error">Could not compute agreement: {errorMessage(agreement.error)}</p>;
  const data = agreement.data;
  const label = (key: string) => tags.find((t) => t.key === key)?.label ?? key;
  const keys = Object.keys(data.confusion);
  // Known tags in their desk order first, then any others met in the data.
  const order = [...tags.map((t) => t.key).filter((k) => keys.includes(k)), ...keys.filter((k) => !tags.some((t) => t.key === k))];
  const rowTotal = (r: string) => order.reduce((sum, c) => sum + (data.confusion[r]?.[c] ?? 0), 0);
  const colTotal = (c: string) => order.reduce((sum, r) => sum + (data.confusion[r]?.[c] ?? 0), 0);

  return (
    <div className="stack">
      <div className="rv-stats" data-testid="agreement-stats">
        <div className="rv-stat">
          <div className="muted small">Claims tagged by ≥ 2 analysts</div>
          <div className="rv-stat-value" data-testid="agreement-claims">{data.claims}</div>
        </div>
        <div className="rv-stat">
          <div className="muted small">Compared pairs</div>
          <div className="rv-stat-value">{data.pairs}</div>
        </div>
        <div className="rv-stat">
          <div className="muted small">Percent agreement</div>
          <div className="rv-stat-value" data-testid="agreement-percent">
            {data.percentAgreement === null ? '—' : `${data.percentAgreement.toFixed(1)}%`}
          </div>
          <div className="muted small">{data.pairs ? `${data.agreed} of ${data.pairs} pairs same tag` : 'no pairs yet'}</div>
        </div>
        <div className="rv-stat">
          <div className="muted small" title="Agreement corrected for chance: 1 is perfect, 0 is what chance alone would give.">
            Cohen’s kappa
          </div>
          <div className="rv-stat-value" data-testid="agreement-kappa">
            {data.kappa === null ? '—' : data.kappa.toFixed(2)}
          </div>
          <div className="muted small">{data.kappa === null ? (data.pairs ? 'undefined for these pairs' : 'no pairs yet') : kappaReading(data.kappa)}</div>
        </div>
      </div>
      {data.pairs === 0 ? (
        <p className="muted">No claim has been tagged by two analysts yet: agreement needs overlapping annotations (≥ 50% of the shorter span) by different people.</p>
      ) : (
        <>
          <h2>Confusion table</h2>
          <p className="muted small">
            Each pair of overlapping annotations by two analysts counts once: rows are the tag of one analyst, columns the other’s (the same rater order kappa
            uses). The diagonal is agreement.
          </p>
          <table className="data-table rv-confusion" aria-label="Confusion table">
            <thead>
              <tr>
                <th scope="col">Tag ↓ / →</th>
                {order.map((c) => (
                  <th key={c} scope="col">
                    {label(c)}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {order.map((r) => (
                <tr key={r}>
                  <th scope="row">{label(r)}</th>
                  {order.map((c) => (
                    <td key={c} className={r === c ? 'is-diagonal' : undefined}>
                      {data.confusion[r]?.[c] ?? 0}
                    </td>
                  ))}
                  <td>{rowTotal(r)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th>
                {order.map((c) => (
                  <td key={c}>{colTotal(c)}</td>
                ))}
                <td>{data.pairs}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
