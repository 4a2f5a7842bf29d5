'use client';

// The unit-based agreement report (#17, #19 item 8): whether the work compared was blind, κ and α with
// their Landis & Koch reading, "no data" instead of a misleading 1.0, per-tag and boundary agreement,
// the confusion table per pair of analysts by name, and every disagreeing unit with both annotations
// and a link that opens it in the reader.
import Link from 'next/link';
import { useAgreement } from '@/components/hooks/use-review';
import { landisKoch } from '@/lib/agreement/bands';
import type { SourceTag } from '@/lib/client/annotations-api';
import type { AgreementResult } from '@/lib/client/review-api';

const AGREEMENT_WORDS: Record<string, string> = { partial: 'not marked by everyone', tag: 'same tag, different span', span: 'same span, different tag', none: 'different tag and span', single: 'marked by one analyst only' };

function Figure({ name, value, testId }: { name: string; value: number | null; testId: string }) {
  return (
    <div className="rv-stat">
      <div className="muted small">{name}</div>
      <div className="rv-stat-value" data-testid={testId}>
        {value === null ? 'no data' : value.toFixed(2)}
      </div>
      {value !== null ? <div className="small muted">{landisKoch(value)}</div> : null}
    </div>
  );
}

export function UnitAgreementReport({ articleId, tags, initialData }: { articleId: string; tags: SourceTag[]; initialData?: AgreementResult }) {
  const { data } = useAgreement(articleId, initialData);
  if (!data) return null;
  const label = (key: string) => tags.find((t) => t.key === key)?.label ?? key;
  return (
    <section className="stack" aria-label="Agreement on units" data-testid="unit-agreement">
      <p data-testid="agreement-blind" className={data.blind ? 'small' : 'small form-error'}>
        {data.blind ? 'Computed on submitted blind work: the analysts did not see each other’s annotations.' : data.warning}
      </p>
      {data.reason ? <p className="small muted" data-testid="agreement-reason">{data.reason}</p> : null}
      <p className="small muted">
        Analysts compared: {data.analysts.map((a) => a.name).join(', ') || 'none'} · {data.units} units, {data.sharedUnits} marked by at least two. Landis &amp; Koch: ≤ 0.20 slight, 0.21–0.40 fair,
        0.41–0.60 moderate, 0.61–0.80 substantial, ≥ 0.81 almost perfect; Krippendorff asks α ≥ 0.800 for conclusions (≥ 0.667 tentative).
      </p>
      <div className="rv-stats">
        <Figure name="Cohen’s κ (2 analysts)" value={data.cohenKappa} testId="cohen-kappa" />
        <Figure name="Fleiss’ κ (≥ 3 analysts)" value={data.fleissKappa} testId="fleiss-kappa" />
        <Figure name="Krippendorff’s α (nominal)" value={data.krippendorffAlpha.nominal} testId="alpha-nominal" />
        <Figure name="Krippendorff’s uα (unitizing)" value={data.krippendorffAlpha.unitizing} testId="alpha-unitizing" />
        <Figure name="Boundaries: exact F1" value={data.boundaries.exactF1} testId="boundary-exact" />
        <Figure name="Boundaries: overlap F1" value={data.boundaries.overlapF1} testId="boundary-overlap" />
      </div>
      {Object.keys(data.perTag).length ? (
        <table className="small">
          <caption>Per tag</caption>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">κ</th>
              <th scope="col">Agreement</th>
              <th scope="col">uα</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(data.perTag).map(([key, t]) => (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td>{t.kappa === null ? 'no data' : t.kappa.toFixed(2)}</td>
                <td>{t.agreement === null ? 'no data' : `${(t.agreement * 100).toFixed(0)}%`}</td>
                <td>{t.unitizing === null ? 'no data' : t.unitizing.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.confusionByPair.map((pair) => {
        const keys = [...new Set([...Object.keys(pair.table), ...Object.values(pair.table).flatMap((r) => Object.keys(r))])];
        return (
          <table key={`${pair.a.id}-${pair.b.id}`} className="small" data-testid="pair-confusion">
            <caption>
              {pair.a.name} (rows) × {pair.b.name} (columns) · {pair.units} shared units
            </caption>
            <thead>
              <tr>
                <th scope="col">{pair.a.name} ↓ / {pair.b.name} →</th>
                {keys.map((k) => (
                  <th key={k} scope="col">{label(k)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((r) => (
                <tr key={r}>
                  <th scope="row">{label(r)}</th>
                  {keys.map((c) => (
                    <td key={c}>{pair.table[r]?.[c] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      <h2>Disagreements ({data.disagreements.length})</h2>
      <ul className="stack" data-testid="disagreements">
        {data.disagreements.map((d) => (
          <li key={d.key} className="curation-unit" data-testid="disagreement">
            <div className="small muted">{AGREEMENT_WORDS[d.agreement] ?? d.agreement}{d.missing.length ? ` · not marked by ${d.missing.map((m) => m.name).join(', ')}` : ''}</div>
            <ul>
              {d.annotations.map((a) => (
                <li key={a.id} className="small">
                  <strong>{a.author.name}</strong>: {label(a.tag)} — “{a.exact}”{a.note ? <span className="muted"> ({a.note})</span> : null}{' '}
                  <Link href={`/articles/${articleId}?annotation=${encodeURIComponent(a.id)}`}>open in the reader</Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
