import type { ArticleMetadataInput } from '@/lib/articles/article-schemas';
import type { DocumentMetadata } from '@/lib/documents/page-metadata';

export type ArticleFields = { title: string | null; outlet: string | null; byline: string | null; publishedAt: Date | null; url: string | null };

/**
 * The article's fields: what the person gave wins, including an explicit blank (""/null clears);
 * a field they did not send takes what the document declares. The title falls back to the
 * document's own headline, since an article cannot be untitled.
 */
export function resolveArticleFields(given: ArticleMetadataInput, found: DocumentMetadata, headline: string | null): ArticleFields {
  const pick = <T>(value: T | null | undefined, fallback: T | null): T | null => (value !== undefined ? value : fallback);
  return {
    title: given.title ?? headline ?? found.title,
    outlet: pick(given.outlet, found.outlet),
    byline: pick(given.byline, found.byline),
    publishedAt: pick(given.publishedAt, found.publishedAt ? new Date(found.publishedAt) : null),
    url: pick(given.url, found.url),
  };
}
