'use client';

import { useCallback, useRef, useState } from 'react';
import { checkFileLocally, type FormatChoice } from '@/components/articles/article-source-fields';
import { ApiError } from '@/lib/client/api-fetch';
import { previewImport } from '@/lib/client/articles-api';
import { errorMessage } from '@/lib/client/error-message';
import type { ImportPreviewDto } from '@/lib/documents/import-preview';

/** Errors that are about the file itself (shown next to the file field, not at the form's foot). */
export function isDocumentError(error: unknown): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if ([413, 415, 422].includes(error.status)) return true;
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  return error.status === 400 && (reason === 'empty' || reason === 'unsupported_format');
}

const FORMAT_NAMES: Record<ImportPreviewDto['format'], string> = { text: 'Plain text', markdown: 'Markdown', html: 'HTML', pdf: 'PDF' };

export function describePreview(p: ImportPreviewDto): string {
  const parts: string[] = [];
  if (p.format === 'pdf') {
    parts.push(`PDF, ${p.pageCount ?? '?'} page${p.pageCount === 1 ? '' : 's'}`);
    if (p.pagesWithoutText.length > 0) parts.push(`no text on page${p.pagesWithoutText.length === 1 ? '' : 's'} ${p.pagesWithoutText.join(', ')}`);
  } else if (p.webPage) {
    parts.push('Web page: the article was extracted (navigation, banners, related links and footer left out)');
  } else {
    parts.push(FORMAT_NAMES[p.format]);
  }
  parts.push(`${p.characters.toLocaleString('en-US')} characters in ${p.blocks} block${p.blocks === 1 ? '' : 's'}`);
  return `${parts.join(' · ')}.`;
}

/**
 * The chosen file and what the server says it is: checked locally for size, then previewed by
 * POST /api/articles/preview (nothing stored) so the form can prefill the document's metadata.
 */
export function useDocumentUpload(onPreview?: (preview: ImportPreviewDto) => void) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);

  const choose = useCallback(
    async (next: File | null, format: FormatChoice = '') => {
      const ticket = ++latest.current;
      setFile(next);
      setError(null);
      setStatus(null);
      if (!next) return;
      const local = checkFileLocally(next);
      if (local) {
        setError(local);
        return;
      }
      setChecking(true);
      setStatus('Reading the file…');
      const body = new FormData();
      body.set('file', next);
      if (format) body.set('format', format);
      try {
        const preview = await previewImport(body);
        if (ticket !== latest.current) return;
        setStatus(describePreview(preview));
        onPreview?.(preview);
      } catch (e) {
        if (ticket !== latest.current) return;
        setStatus(null);
        setError(errorMessage(e, 'The file could not be read.'));
      } finally {
        if (ticket === latest.current) setChecking(false);
      }
    },
    [onPreview],
  );

  return { file, error, status, checking, choose, setError };
}
