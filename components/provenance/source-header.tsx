'use client';

// Above a source's reader: what the document is (issuing body, symbol, date, URL) and the claims that cite it.
import { useState } from 'react';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { SourceDetailsForm } from '@/components/provenance/source-details-form';
import { CitedByList } from '@/components/provenance/cited-by-list';
import { citedByText, formatSourceDate } from '@/components/provenance/source-card';
import './provenance.css';

/** `canEdit`: the viewer may correct the details (lib/core/permissions.ts canEditArticleDetails). */
export function SourceHeader({ source, canEdit = false }: { source: ArticleSummaryDto; canEdit?: boolean }) {
  const [editing, setEditing] = useState(false);
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
          {canEdit && !editing ? (
            <button type="button" className="button small" onClick={() => setEditing(true)}>
              Edit details
            </button>
          ) : null}
        </div>
        {editing ? <SourceDetailsForm source={source} onDone={() => setEditing(false)} /> : null}
        <h2>Cited by</h2>
        <CitedByList sourceId={source.id} />
    </section>
  );
}
