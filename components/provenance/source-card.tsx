// A source document in the library: what it is (issuing body, symbol, date) and how many claims cite it.
import Link from 'next/link';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';

type SourceSummary = Pick<ArticleSummaryDto, 'issuer' | 'symbol' | 'publishedAt' | 'outlet'>;

export function formatSourceDate(iso: string | null): string | null {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : null;
}

/** "UN Security Council · S/2025/482 · 3 Jul 2025" (the outlet stands in for a missing issuer). */
export function describeSource(s: SourceSummary): string {
  return [s.issuer ?? s.outlet, s.symbol, formatSourceDate(s.publishedAt)].filter(Boolean).join(' · ');
}

export function citedByText(n: number): string {
  return n === 0 ? 'not cited yet' : `cited by ${n} claim${n === 1 ? '' : 's'}`;
}

export function SourceCard({ source }: { source: ArticleSummaryDto }) {
  return (
    <li className="article-card" data-testid="source-card">
      <Link href={`/articles/${source.id}`} className="article-title">
        {source.title}
      </Link>
      <div className="muted small source-meta">
        {source.issuer ?? source.outlet ? <span data-testid="source-issuer">{source.issuer ?? source.outlet}</span> : null}
        {source.symbol ? (
          <span className="source-symbol" data-testid="source-symbol">
            {source.symbol}
          </span>
        ) : null}
        {source.publishedAt ? <time dateTime={source.publishedAt}>{formatSourceDate(source.publishedAt)}</time> : null}
        {source.currentVersion ? <span>version {source.currentVersion.number}</span> : null}
      </div>
      <div className="small" data-testid="cited-by-count">
        {citedByText(source.citedBy)}
      </div>
    </li>
  );
}
