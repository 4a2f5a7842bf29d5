'use client';

// Above a source's reader: what the document is (issuing body, symbol, date, URL) and the claims that cite it.
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { CitedByList } from '@/components/provenance/cited-by-list';
import { citedByText, formatSourceDate } from '@/components/provenance/source-card';
import './provenance.css';

export function SourceHeader({ source }: { source: ArticleSummaryDto }) {
  return (
    <section className="card source-head" aria-label="Source document" data-testid="source-header">
        <div className="source-meta small">
          <span className="cd-badge">Source</span>
          {source.issuer ? <span>Issued by {source.issuer}</span> : null}
          {source.symbol ? <span className="source-symbol">{source.symbol}</span> : null}
          {source.publishedAt ? <time dateTime={source.publishedAt}>{formatSourceDate(source.publishedAt)}</time> : null}
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer" target="_blank">
              original document
            </a>
          ) : null}
          <span className="muted">{citedByText(source.citedBy)}</span>
        </div>
        <h2>Cited by</h2>
        <CitedByList sourceId={source.id} />
    </section>
  );
}
