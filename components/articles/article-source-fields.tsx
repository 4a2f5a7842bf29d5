'use client';

import { formatFromFileName } from '@/lib/articles/format-from-file-name';
import type { ArticleFormat } from '@/lib/articles/parse-article';

/** The format an article's text is in (the server parses and sanitises accordingly). */
export function FormatSelect({ value, onChange }: { value: ArticleFormat; onChange: (format: ArticleFormat) => void }) {
  return (
    <label className="field">
      <span>Format</span>
      <select value={value} onChange={(e) => onChange(e.target.value as ArticleFormat)} name="format">
        <option value="text">Plain text</option>
        <option value="markdown">Markdown</option>
        <option value="html">HTML</option>
      </select>
    </label>
  );
}

/** Picks a .txt/.md/.html file and hands over its text with the format its extension implies. */
export function ArticleFileInput({ onLoaded }: { onLoaded: (file: { format: ArticleFormat; content: string }) => void }) {
  return (
    <label className="field">
      <span>Upload a .txt, .md or .html file</span>
      <input
        type="file"
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) onLoaded({ format: formatFromFileName(file.name), content: await file.text() });
        }}
      />
    </label>
  );
}
