'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ArticleFileInput, FormatSelect, type FormatChoice } from '@/components/articles/article-source-fields';
import { isDocumentError, useDocumentUpload } from '@/components/articles/use-document-upload';
import { addArticleVersion, type CreatedVersion, type NewVersionInput } from '@/lib/client/articles-api';
import { errorMessage } from '@/lib/client/error-message';
import { FormFooter } from '@/components/forms/form-footer';

/** Re-import a changed text or file as the next version; the server re-anchors every annotation onto it. */
export function NewVersionForm({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<FormatChoice>('text');
  const [content, setContent] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CreatedVersion | null>(null);
  const upload = useDocumentUpload();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      let request: NewVersionInput | FormData;
      if (upload.file) {
        const body = new FormData();
        body.set('file', upload.file);
        if (format && format !== 'pdf') body.set('format', format);
        request = body;
      } else {
        request = { format: format || 'text', content };
      }
      const created = await addArticleVersion(articleId, request);
      setResult(created);
      setContent('');
      setOpen(false);
      router.refresh();
    } catch (e) {
      if (upload.file && isDocumentError(e)) upload.setError(e.message);
      else setError(errorMessage(e, 'Could not import the new version.'));
    } finally {
      setPending(false);
    }
  }

  const canSubmit = upload.file ? !upload.error && !upload.checking : content.trim() !== '';
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
            <FormatSelect
              value={format}
              allowDetect={upload.file !== null}
              onChange={(next) => {
                setFormat(next);
                if (upload.file) void upload.choose(upload.file, next);
              }}
            />
            <ArticleFileInput
              onFile={(file) => {
                setFormat(file ? '' : 'text');
                void upload.choose(file);
              }}
              error={upload.error}
              status={upload.status}
            />
          </div>
          {upload.file ? null : (
            <label className="field">
              <span>…or paste the edited article (first line: headline)</span>
              <textarea rows={10} value={content} onChange={(e) => setContent(e.target.value)} required />
            </label>
          )}
          <FormFooter error={error} pending={pending} disabled={!canSubmit} submitLabel="Save as new version" pendingLabel="Saving…" onCancel={() => setOpen(false)} />
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
