// The desk's agreement over time (#17): per period, the pooled nominal α with its reading and each
// tag's specific agreement; every completed double annotation with its own figures and a link to its
// agreement page; each analyst's agreement with the colleagues who marked the same claims. Rendered on
// the server: a report read top to bottom, its filters a plain GET form.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AgreementOverTime } from '@/lib/agreement/agreement-over-time';
import { landisKoch } from '@/lib/agreement/bands';
import type { SourceTag } from '@/lib/client/annotations-api';
import './review.css';

const fixed = (value: number | null) => (value === null ? 'no data' : value.toFixed(2));
const percent = (value: number | null) => (value === null ? 'no data' : `${Math.round(value * 100)}%`);
const dateOf = (iso: string) => iso.slice(0, 10);

/** A wide table scrolls inside its own box (focusable, so a keyboard can scroll it) instead of widening the page. */
function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** α as a bar from −1 … 1 drawn from 0, with its figure and reading in words (the bar is decoration). */
function AlphaBar({ value }: { value: number | null }) {
  if (value === null) return <span className="muted">no data</span>;
  const width = Math.min(1, Math.abs(value)) * 100;
  return (
    <span className="agreement-trend">
      <span className="agreement-trend-track" aria-hidden="true">
        <span className={value < 0 ? 'agreement-trend-bar is-negative' : 'agreement-trend-bar'} style={{ width: `${width}%` }} />
      </span>
      <span>
        {value.toFixed(2)} <span className="small muted">{landisKoch(value)}</span>
      </span>
    </span>
  );
}

export function DeskAgreementReport({ report, tags }: { report: AgreementOverTime & { truncated: boolean; limit: number }; tags: SourceTag[] }) {
  const label = (key: string) => tags.find((t) => t.key === key)?.label ?? key;
  const tagKeys = [...new Set([...tags.map((t) => t.key), ...report.periods.flatMap((p) => Object.keys(p.perTag))])];
  return (
    <div className="stack" data-testid="desk-agreement">
      {report.reason ? (
        <p className="small muted" data-testid="desk-agreement-reason">
          {report.reason}
        </p>
      ) : null}
      {report.truncated ? <p className="small">Showing the {report.limit} most recently completed double annotations; narrow the dates to see earlier ones.</p> : null}

      {report.periods.length ? (
        <TableScroll label="Agreement per period">
          <table className="table" data-testid="agreement-periods">
            <caption>
              Per {report.period}: blind work pooled (α on all the period’s units together, so a long article weighs what it holds). Krippendorff asks α ≥ 0.800 for conclusions, ≥ 0.667
              for tentative ones.
            </caption>
            <thead>
              <tr>
                <th scope="col">{report.period === 'week' ? 'Week' : 'Month'}</th>
                <th scope="col">Articles</th>
                <th scope="col">Units (shared)</th>
                <th scope="col">Krippendorff’s α (nominal)</th>
                <th scope="col">Boundaries: overlap / exact F1</th>
                {tagKeys.map((key) => (
                  <th scope="col" key={key}>
                    {label(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.periods.map((p) => (
                <tr key={p.period} data-testid="agreement-period">
                  <th scope="row" className="agreement-period-name">
                    {p.period}
                    <div className="small muted">
                      {p.from} – {p.to}
                    </div>
                  </th>
                  <td>{p.articles}</td>
                  <td>
                    {p.units} ({p.sharedUnits})
                  </td>
                  <td data-testid="period-alpha">
                    <AlphaBar value={p.alphaNominal} />
                  </td>
                  <td>
                    {fixed(p.overlapF1)} / {fixed(p.exactF1)}
                  </td>
                  {tagKeys.map((key) => (
                    <td key={key} title={`${p.perTag[key]?.uses ?? 0} uses`}>
                      {percent(p.perTag[key]?.agreement ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {report.byAnalyst.length ? (
        <TableScroll label="Agreement per analyst">
          <table className="table" data-testid="agreement-analysts">
            <caption>Each analyst: how often their tag was the colleague’s tag where both marked the same claim (blind work).</caption>
            <thead>
              <tr>
                <th scope="col">Analyst</th>
                <th scope="col">Articles</th>
                <th scope="col">Shared units</th>
                <th scope="col">Same tag as the colleague</th>
              </tr>
            </thead>
            <tbody>
              {report.byAnalyst.map((a) => (
                <tr key={a.analyst.id}>
                  <th scope="row">{a.analyst.name}</th>
                  <td>{a.articles}</td>
                  <td>{a.sharedUnits}</td>
                  <td>{percent(a.agreement)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {report.points.length ? (
        <TableScroll label="Completed double annotations">
          <table className="table" data-testid="agreement-points">
            <caption>Every completed double annotation, oldest first (completed: the last analyst’s submission).</caption>
            <thead>
              <tr>
                <th scope="col">Completed</th>
                <th scope="col">Article</th>
                <th scope="col">Analysts</th>
                <th scope="col">κ</th>
                <th scope="col">α (nominal)</th>
                <th scope="col">uα</th>
                <th scope="col">Overlap F1</th>
                <th scope="col">Disagreements</th>
              </tr>
            </thead>
            <tbody>
              {report.points.map((p) => (
                <tr key={p.articleId} data-testid="agreement-point">
                  <td>{dateOf(p.completedAt)}</td>
                  <th scope="row">
                    <Link href={`/articles/${p.articleId}/agreement`}>{p.title}</Link>
                    {p.pooled ? null : <div className="small form-error">Blind mode is off: listed, not pooled (the analysts may have seen each other’s work since).</div>}
                  </th>
                  <td>{p.analysts.map((a) => a.name).join(', ')}</td>
                  <td>{fixed(p.analysts.length === 2 ? p.cohenKappa : p.fleissKappa)}</td>
                  <td>{fixed(p.krippendorffAlpha.nominal)}</td>
                  <td>{fixed(p.krippendorffAlpha.unitizing)}</td>
                  <td>{fixed(p.boundaries.overlapF1)}</td>
                  <td>{p.disagreements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}
