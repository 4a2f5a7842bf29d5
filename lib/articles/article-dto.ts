import { isoDate, isoOrNull } from '@/lib/api/total-map';
import type { ArticleKind } from '@/lib/core/enums';
import type { AssignmentState } from '@/lib/assignments/assignment-dto';

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
  /** "article" (checked by the desk) or "source" (a document claims are linked to as evidence). */
  kind: ArticleKind;
  /** Source metadata: issuing body and document symbol ("S/2025/482"). */
  issuer: string | null;
  symbol: string | null;
  /** How many live claims cite this document as evidence. */
  citedBy: number;
  /** Blind double annotation is on (#17): analysts read only their own work until they submit. */
  blind: boolean;
  /** The viewer's own assignment to this article ("assigned to me"), or null. */
  myAssignment: MyAssignmentDto | null;
};

/** The viewer's assignment as the library shows it. */
export type MyAssignmentDto = { state: AssignmentState; dueAt: string | null; submittedAt: string | null };


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
  kind: ArticleKind;
  issuer: string | null;
  symbol: string | null;
  blind?: boolean;
};

export function toArticleSummaryDto(
  article: ArticleRow,
  currentVersion: { id: string; number: number } | null,
  counts: Record<string, number>,
  citedBy = 0,
  myAssignment: MyAssignmentDto | null = null,
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
    kind: article.kind,
    issuer: article.issuer,
    symbol: article.symbol,
    citedBy,
    blind: article.blind ?? false,
    myAssignment,
  };
}
