'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { apiFetch, ApiError } from '@/lib/client/api-fetch';

import { ArticleFileInput, FormatSelect } from '@/components/articles/article-source-fields';
import type { ArticleFormat as Format } from '@/lib/articles/parse-article';

export function ImportArticleForm() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [format, setFormat] = useState<Format>('text');
  const [content, setContent] = useState('');

  function onFile(file: { format: Format; content: string }) {
    setFormat(file.format);
    setContent(file.content);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const { article } = await apiFetch<{ article: { id: string } }>('/api/articles', {
        method: 'POST',
        json: {
          title: String(form.get('title') ?? ''),
          outlet: String(form.get('outlet') ?? ''),
          byline: String(form.get('byline') ?? ''),
          publishedAt: String(form.get('publishedAt') ?? ''),
          url: String(form.get('url') ?? ''),
          format,
          content,
        },
      });
      router.push(`/articles/${article.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not import the article.');
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        Import article
      </button>
    );
  }
  return (
    <form className="import-form card stack" onSubmit={onSubmit} aria-label="Import article">
      <div className="grid-2">
        <label className="field">
          <span>Title (default: the headline)</span>
          <input name="title" maxLength={300} />
        </label>
        <label className="field">
          <span>Outlet</span>
          <input name="outlet" maxLength={200} />
        </label>
        <label className="field">
          <span>Byline</span>
          <input name="byline" maxLength={300} />
        </label>
        <label className="field">
          <span>Published</span>
          <input name="publishedAt" type="date" />
        </label>
        <label className="field">
          <span>Original URL</span>
          <input name="url" type="url" placeholder="https://" />
        </label>
        <FormatSelect value={format} onChange={setFormat} />
      </div>
      <ArticleFileInput onLoaded={onFile} />
      <label className="field">
        <span>…or paste the article (first line: headline)</span>
        <textarea name="content" rows={10} value={content} onChange={(e) => setContent(e.target.value)} required />
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary" disabled={pending || content.trim() === ''}>
          {pending ? 'Importing…' : 'Import'}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
