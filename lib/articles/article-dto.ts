import { isoDate, isoOrNull } from '@/lib/api/total-map';

export type ArticleSummaryDto = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  createdAt: string;
  currentVersion: { id: string; number: number } | null;
  counts: Record<string, number>;
};

import type { PageMap } from '@/lib/documents/page-map';

export type ArticleVersionDto = {
  id: string;
  number: number;
  text: string;
  doc: unknown;
  contentHash: string;
  createdAt: string;
  /** What the version was imported from ("text" | "markdown" | "html" | "pdf"); null for versions imported before this was recorded. */
  format: string | null;
  /** Where each page starts in `text`, for paginated sources (PDF); null otherwise. */
  pages: PageMap | null;
};

type ArticleRow = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: Date | null;
  url: string | null;
  createdAt: Date;
};

export function toArticleSummaryDto(
  article: ArticleRow,
  currentVersion: { id: string; number: number } | null,
  counts: Record<string, number>,
): ArticleSummaryDto {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    byline: article.byline,
    // A date outside 1900–2100 (stored before the schema bounded it) shows as unknown, not as a 500.
    publishedAt: isoOrNull(article.publishedAt),
    url: article.url,
    createdAt: isoDate(article.createdAt),
    currentVersion,
    counts,
  };
}
