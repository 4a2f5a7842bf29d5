'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { ArticleFileInput, FormatSelect, type FormatChoice } from '@/components/articles/article-source-fields';
import { isDocumentError, useDocumentUpload } from '@/components/articles/use-document-upload';
import { createArticle, type CreateArticleInput } from '@/lib/client/articles-api';
import { errorMessage } from '@/lib/client/error-message';
import type { ImportPreviewDto } from '@/lib/documents/import-preview';
import { SourceFields, NO_SOURCE, type SourceValues } from '@/components/provenance/source-fields';
import { FormFooter } from '@/components/forms/form-footer';

type Fields = { title: string; outlet: string; byline: string; publishedAt: string; url: string };
const EMPTY: Fields = { title: '', outlet: '', byline: '', publishedAt: '', url: '' };
const FIELD_NAMES = Object.keys(EMPTY) as Array<keyof Fields>;

/** `defaultSource`: opened from the library's Sources list, the form starts as a source import. */
export function ImportArticleForm({ defaultSource = false }: { defaultSource?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [format, setFormat] = useState<FormatChoice>('text');
  const [content, setContent] = useState('');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [source, setSource] = useState<SourceValues>({ ...NO_SOURCE, isSource: defaultSource });

  // The document's own metadata fills the fields the analyst has not typed into; all stay editable.
  const prefill = useCallback((p: ImportPreviewDto) => {
    const found: Fields = {
      title: p.title ?? '',
      outlet: p.outlet ?? '',
      byline: p.byline ?? '',
      publishedAt: p.publishedAt ? p.publishedAt.slice(0, 10) : '',
      url: p.url ?? '',
    };
    setFields((current) => Object.fromEntries(FIELD_NAMES.map((k) => [k, current[k].trim() ? current[k] : found[k]])) as Fields);
  }, []);
  const upload = useDocumentUpload(prefill);

  function set(name: keyof Fields, value: string) {
    setFields((f) => ({ ...f, [name]: value }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      let request: CreateArticleInput | FormData;
      if (upload.file) {
        const body = new FormData();
        body.set('file', upload.file);
        if (format && format !== 'pdf') body.set('format', format);
        // Every field is sent as shown: a prefilled value the analyst cleared stays empty.
        for (const name of FIELD_NAMES) body.set(name, fields[name]);
        if (source.isSource) {
          body.set('kind', 'source');
          body.set('issuer', source.issuer);
          body.set('symbol', source.symbol);
        }
        request = body;
      } else {
        // Pasted text: blank fields are left out, so a pasted web page's own metadata fills them.
        const given = Object.fromEntries(FIELD_NAMES.filter((k) => fields[k].trim() !== '').map((k) => [k, fields[k]]));
        const sourceFields = source.isSource
          ? { kind: 'source' as const, ...(source.issuer.trim() ? { issuer: source.issuer } : {}), ...(source.symbol.trim() ? { symbol: source.symbol } : {}) }
          : {};
        request = { ...given, ...sourceFields, format: format || 'text', content };
      }
      const { article } = await createArticle(request);
      router.push(`/articles/${article.id}`);
    } catch (e) {
      if (upload.file && isDocumentError(e)) upload.setError(e.message);
      else setError(errorMessage(e, 'Could not import the article.'));
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        {defaultSource ? 'Import source' : 'Import article'}
      </button>
    );
  }
  const canSubmit = upload.file ? !upload.error && !upload.checking : content.trim() !== '';
  return (
    <form className="import-form card stack" onSubmit={onSubmit} aria-label="Import article">
      <SourceFields value={source} onChange={setSource} />
      <ArticleFileInput
        onFile={(file) => {
          setFormat(file ? '' : 'text');
          void upload.choose(file);
        }}
        error={upload.error}
        status={upload.status}
      />
      <div className="grid-2">
        <label className="field">
          <span>Title (default: the headline)</span>
          <input name="title" maxLength={300} value={fields.title} onChange={(e) => set('title', e.target.value)} />
        </label>
        <label className="field">
          <span>Outlet</span>
          <input name="outlet" maxLength={200} value={fields.outlet} onChange={(e) => set('outlet', e.target.value)} />
        </label>
        <label className="field">
          <span>Byline</span>
          <input name="byline" maxLength={300} value={fields.byline} onChange={(e) => set('byline', e.target.value)} />
        </label>
        <label className="field">
          <span>Published</span>
          <input name="publishedAt" type="date" value={fields.publishedAt} onChange={(e) => set('publishedAt', e.target.value)} />
        </label>
        <label className="field">
          <span>Original URL</span>
          <input name="url" type="url" placeholder="https://" value={fields.url} onChange={(e) => set('url', e.target.value)} />
        </label>
        <FormatSelect
          value={format}
          allowDetect={upload.file !== null}
          onChange={(next) => {
            setFormat(next);
            if (upload.file) void upload.choose(upload.file, next);
          }}
        />
      </div>
      {upload.file ? null : (
        <label className="field">
          <span>…or paste the article (first line: headline)</span>
          <textarea name="content" rows={10} value={content} onChange={(e) => setContent(e.target.value)} required />
        </label>
      )}
      <FormFooter error={error} pending={pending} disabled={!canSubmit} submitLabel="Import" pendingLabel="Importing…" onCancel={() => setOpen(false)} />
    </form>
  );
}
