'use client';

// The claims citing a source, each with its article, what the passage does (the relation) and a
// link that opens the claim in its article's reader.
import Link from 'next/link';
import { useCitedBy } from '@/components/hooks/use-provenance';
import { truncate } from '@/components/annotations/format';
import { errorMessage } from '@/lib/client/error-message';
import { RELATION_LABELS } from '@/lib/provenance/relations';
import { STATUS_LABELS } from '@/components/annotations/format';

export function CitedByList({ sourceId }: { sourceId: string }) {
  const citedBy = useCitedBy(sourceId);
  if (citedBy.isPending) return <p className="muted small">Loading the claims citing this source…</p>;
  if (citedBy.isError) return <p className="form-error small">Could not load the claims citing this source: {errorMessage(citedBy.error)}</p>;
  if (citedBy.data.length === 0) return <p className="muted small">No claim cites this source yet.</p>;
  return (
    <ul className="cited-by" aria-label="Claims citing this source">
      {citedBy.data.map((e) => (
        <li key={e.id} className="pv-link" data-testid="cited-by-item">
          <div className="pv-link-head">
            <span className="pv-relation">{RELATION_LABELS[e.relation]}</span>
            <span className="muted small">
              {e.page ? `${e.page} · ` : ''}link {STATUS_LABELS[e.reviewStatus].toLowerCase()} · by {e.author.name}
            </span>
          </div>
          <div dir="auto">“{truncate(e.annotation.target.exact, 240)}”</div>
          <div className="small">
            in <em>{e.article.title}</em>
            {e.article.outlet ? ` (${e.article.outlet})` : ''} ·{' '}
            <Link href={`/articles/${encodeURIComponent(e.article.id)}?annotation=${encodeURIComponent(e.annotation.id)}`} aria-label={`open in the reader: the claim in ${e.article.title}`}>
              open in the reader
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
