'use client';

import type { SourceTag } from '@/lib/client/annotations-api';
import type { ReviewQueueFilters as Filters } from '@/lib/client/review-api';

type Props = {
  filters: Filters;
  articles: Array<{ id: string; title: string }>;
  tags: SourceTag[];
  authors: Array<{ id: string; name: string }>;
  onChange: (filters: Filters) => void;
};

export function ReviewQueueFilters({ filters, articles, tags, authors, onChange }: Props) {
  return (
    <div className="rv-queue-filters" role="group" aria-label="Filter the queue">
      <label className="field">
        <span>Article</span>
        <select value={filters.articleId ?? ''} onChange={(e) => onChange({ ...filters, articleId: e.target.value || undefined })}>
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Tag</span>
        <select value={filters.tag ?? ''} onChange={(e) => onChange({ ...filters, tag: e.target.value || undefined })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Author</span>
        <select value={filters.author ?? ''} onChange={(e) => onChange({ ...filters, author: e.target.value || undefined })}>
          <option value="">Everyone</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Provenance</span>
        <select value={filters.provenance ?? ''} onChange={(e) => onChange({ ...filters, provenance: e.target.value === 'unlinked' ? 'unlinked' : undefined })}>
          <option value="">Linked or not</option>
          <option value="unlinked">Unlinked (no source passage yet)</option>
        </select>
      </label>
      {filters.articleId || filters.tag || filters.author || filters.provenance ? (
        <button type="button" className="button small" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
