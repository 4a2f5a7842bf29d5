'use client';

// "Edit details" on a source's page: its title, issuing body, symbol, date and URL as typed at import
// corrected later (the text stays as imported). The page re-renders from the server once saved.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { updateArticleDetails } from '@/lib/client/articles-api';
import { errorMessage } from '@/lib/client/error-message';

type Values = { title: string; issuer: string; symbol: string; publishedAt: string; url: string; isSource: boolean };

const valuesOf = (s: ArticleSummaryDto): Values => ({
  title: s.title,
  issuer: s.issuer ?? '',
  symbol: s.symbol ?? '',
  publishedAt: s.publishedAt ? s.publishedAt.slice(0, 10) : '',
  url: s.url ?? '',
  isSource: s.kind === 'source',
});

export function SourceDetailsForm({ source, onDone }: { source: ArticleSummaryDto; onDone: () => void }) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(() => valuesOf(source));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { isSource, ...fields } = values;
      await updateArticleDetails(source.id, { ...fields, kind: isSource ? 'source' : 'article' });
      router.refresh();
      onDone();
    } catch (e) {
      setError(errorMessage(e, 'The details were not saved: network error.'));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Source details" style={{ marginTop: '0.5rem' }}>
      <div className="grid-2">
        <label className="field">
          <span>Title</span>
          <input name="title" maxLength={300} required value={values.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label className="field">
          <span>Issuing body</span>
          <input name="issuer" maxLength={300} value={values.issuer} onChange={(e) => set({ issuer: e.target.value })} />
        </label>
        <label className="field">
          <span>Document symbol</span>
          <input name="symbol" maxLength={100} value={values.symbol} onChange={(e) => set({ symbol: e.target.value })} />
        </label>
        <label className="field">
          <span>Date</span>
          <input name="publishedAt" type="date" value={values.publishedAt} onChange={(e) => set({ publishedAt: e.target.value })} />
        </label>
        <label className="field">
          <span>URL</span>
          <input name="url" type="url" placeholder="https://" value={values.url} onChange={(e) => set({ url: e.target.value })} />
        </label>
      </div>
      <label className="row">
        <input type="checkbox" name="isSource" checked={values.isSource} onChange={(e) => set({ isSource: e.target.checked })} />
        <span>This is a source document</span>
      </label>
      {error ? (
        <p role="alert" className="form-error small">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button primary small" disabled={pending}>
          {pending ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
