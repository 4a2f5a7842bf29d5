'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ArticleFileInput, FormatSelect } from '@/components/articles/article-source-fields';
import type { ArticleFormat } from '@/lib/articles/parse-article';
import { apiFetch, ApiError } from '@/lib/client/api-fetch';

type Result = { version: { number: number }; reanchored: number; orphaned: number };

/** Re-import a changed text as the next version; the server re-anchors every annotation onto it. */
export function NewVersionForm({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ArticleFormat>('text');
  const [content, setContent] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  function onFile(file: { format: ArticleFormat; content: string }) {
    setFormat(file.format);
    setContent(file.content);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const created = await apiFetch<Result>(`/api/articles/${encodeURIComponent(articleId)}/versions`, { method: 'POST', json: { format, content } });
      setResult(created);
      setContent('');
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not import the new version.');
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack">
      {result ? (
        <p role="status" className="card" data-testid="version-result">
          Version {result.version.number} saved: {result.reanchored} annotation{result.reanchored === 1 ? '' : 's'} re-anchored
          {result.orphaned ? `, ${result.orphaned} orphaned (kept, listed below)` : ', none orphaned'}.
        </p>
      ) : null}
      {open ? (
        <form className="card stack" onSubmit={onSubmit} aria-label="Import a new version">
          <div className="row">
            <FormatSelect value={format} onChange={setFormat} />
            <ArticleFileInput onLoaded={onFile} />
          </div>
          <label className="field">
            <span>…or paste the edited article (first line: headline)</span>
            <textarea rows={10} value={content} onChange={(e) => setContent(e.target.value)} required />
          </label>
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <div className="row">
            <button type="submit" className="button primary" disabled={pending || content.trim() === ''}>
              {pending ? 'Saving…' : 'Save as new version'}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="button primary" onClick={() => setOpen(true)}>
            Import a new version
          </button>
        </div>
      )}
    </div>
  );
}
