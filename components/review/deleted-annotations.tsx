'use client';

// ADMIN: soft-deleted annotations of an article, with their history, restorable at any time.
import { useState } from 'react';
import { truncate } from '@/components/annotations/format';
import { TagChip } from '@/components/tags/tag-chip';
import { useTags } from '@/components/hooks/use-tags';
import { useArticleChoices, useDeletedAnnotations, useRestoreDeleted } from '@/components/hooks/use-review';
import { HistoryTimeline } from '@/components/review/history-timeline';
import './review.css';
import { tagByKey } from '@/lib/client/annotations-api';
import { errorMessage } from '@/lib/client/error-message';

export function DeletedAnnotations() {
  const articles = useArticleChoices();
  const [articleId, setArticleId] = useState<string>('');
  const chosen = articleId || articles.data?.[0]?.id || null;
  const deleted = useDeletedAnnotations(chosen);
  const restore = useRestoreDeleted();
  const tags = useTags().data ?? [];
  const tagOf = (key: string) => tagByKey(tags, key);

  return (
    <div className="stack">
      <label className="field">
        <span>Article</span>
        <select value={chosen ?? ''} onChange={(e) => setArticleId(e.target.value)}>
          {(articles.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      {deleted.isError ? <p className="form-error">Could not load deleted annotations: {errorMessage(deleted.error)}</p> : null}
      {restore.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(restore.error)}
        </p>
      ) : null}
      {deleted.data && deleted.data.length === 0 ? <p className="muted">No deleted annotations on this article.</p> : null}
      <ul className="rv-list">
        {(deleted.data ?? []).map((a) => (
          <li key={a.id} className="card stack" style={{ gap: '0.35rem' }} data-testid="deleted-annotation">
            <div className="row small">
              <TagChip tag={tagOf(a.tag)} />
              <span className="muted">
                {a.author.name} · deleted {a.deletedAt ? new Date(a.deletedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : ''}
              </span>
              <button type="button" className="button small" style={{ marginLeft: 'auto' }} disabled={restore.isPending} onClick={() => restore.mutate(a)}>
                Restore
              </button>
            </div>
            <div className="cd-item-quote-static">“{truncate(a.target.exact, 200)}”</div>
            <HistoryTimeline annotationId={a.id} tags={tags} />
          </li>
        ))}
      </ul>
    </div>
  );
}
