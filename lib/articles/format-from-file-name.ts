import type { ArticleFormat } from '@/lib/articles/parse-article';

/** The import format implied by an uploaded file's extension (plain text when unknown). */
export function formatFromFileName(name: string): ArticleFormat {
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  if (/\.html?$/i.test(name)) return 'html';
  return 'text';
}
