'use client';

import { useId } from 'react';
import type { ImportFormat } from '@/lib/articles/article-schemas';
import { formatBytes, MAX_UPLOAD_BYTES } from '@/lib/documents/import-limits';

/** "" = detect from the content (files only). */
export type FormatChoice = ImportFormat | '';

/** The format of pasted text, or (for a file) a hint that overrides detection between text formats. */
export function FormatSelect({ value, onChange, allowDetect }: { value: FormatChoice; onChange: (format: FormatChoice) => void; allowDetect: boolean }) {
  return (
    <label className="field">
      <span>Format</span>
      <select value={value} onChange={(e) => onChange(e.target.value as FormatChoice)} name="format">
        {allowDetect ? <option value="">Detect from the file</option> : null}
        <option value="text">Plain text</option>
        <option value="markdown">Markdown</option>
        <option value="html">HTML (web page or fragment)</option>
      </select>
    </label>
  );
}

export const ACCEPT_ATTRIBUTE = '.txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf';

/** What the browser can say about a file before sending it (the server judges the content). */
export function checkFileLocally(file: File): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return `The file is too large (${formatBytes(file.size)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}).`;
  return null;
}

/**
 * Picks the document to import; the file is sent as it is (multipart) and the server sniffs what
 * it really is. `error` is shown right under the field (empty, too large, not a document, scanned PDF).
 */
export function ArticleFileInput({
  onFile,
  error,
  status,
}: {
  onFile: (file: File | null) => void;
  error: string | null;
  status?: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-file`}>
        <span>Upload a file: text, Markdown, HTML or a saved web page, PDF (up to {formatBytes(MAX_UPLOAD_BYTES)})</span>
      </label>
      <input
        id={`${id}-file`}
        type="file"
        name="file"
        accept={ACCEPT_ATTRIBUTE}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : status ? `${id}-status` : undefined}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="form-error field-error" data-testid="file-error">
          {error}
        </p>
      ) : status ? (
        <p id={`${id}-status`} className="field-status" role="status" data-testid="file-status">
          {status}
        </p>
      ) : null}
    </div>
  );
}
