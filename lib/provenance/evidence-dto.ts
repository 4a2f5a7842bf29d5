// The Evidence JSON of the public API (../shared/API.md, "Sources and evidence"): one link of a claim
// to a passage of a source (or to another annotation), with what the passage says about the claim.
import type { AnchorState, ArticleKind, EvidenceRelation, ReviewStatus, Verdict } from '@/lib/core/enums';
import { pageLabel, readPageMap } from '@/lib/documents/page-map';
import { paragraphNumber } from '@/lib/provenance/describe-provenance';
import { deriveStatus } from '@/lib/review/derive-status';

export type EvidencePassage = { exact: string; prefix: string; suffix: string; start: number; end: number };

export type EvidenceReviewDto = {
  id: string;
  evidenceId: string;
  verdict: Verdict;
  comment: string | null;
  reviewer: { id: string; name: string };
  createdAt: string;
};

export type EvidenceDto = {
  id: string;
  /** The claim this link is evidence for. */
  annotationId: string;
  document: { id: string; title: string; kind: ArticleKind; issuer: string | null; symbol: string | null; url: string | null; publishedAt: string | null };
  /** The source version the passage's offsets refer to; null for not_found. */
  versionId: string | null;
  /** The passage (UTF-16 offsets on that version's canonical text); null for not_found. */
  target: EvidencePassage | null;
  /** "p. 12" / "pp. 12–13" when the source is paginated (a PDF). */
  page: string | null;
  /** The number of the paragraph the passage is in, when the source numbers its paragraphs ("42." → 42). */
  paragraph: number | null;
  /**
   * Set when the link points at another claim annotation (the article cites another article), with
   * what the desk found there (its review status): the next link of the chain claim → cited claim → source.
   */
  targetAnnotation: { id: string; articleId: string; authorId: string; status: ReviewStatus } | null;
  relation: EvidenceRelation;
  anchorState: AnchorState | null;
  note: string | null;
  author: { id: string; name: string };
  revision: number;
  /** Reviewers' current verdicts on the link itself, and the status they add up to (same rule as annotations). */
  reviews: EvidenceReviewDto[];
  reviewStatus: ReviewStatus;
  createdAt: string;
  updatedAt: string;
};

const passageSelect = { exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true, versionId: true } as const;

/** The Prisma select every evidence read uses, so toEvidenceDto always has what it needs. */
export const evidenceDtoSelect = {
  id: true,
  annotationId: true,
  relation: true,
  note: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  targetAnnotationId: true,
  ...passageSelect,
  paragraph: true,
  document: { select: { id: true, title: true, kind: true, issuer: true, symbol: true, url: true, publishedAt: true } },
  version: { select: { pages: true } },
  // curated: the read rule lets a submitted analyst read the curated layer (lib/core/permissions.ts canReadAnnotation).
  targetAnnotation: { select: { id: true, articleId: true, authorId: true, status: true, curated: true, version: { select: { pages: true } }, ...passageSelect } },
  author: { select: { id: true, name: true } },
  reviews: {
    where: { supersededAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, evidenceId: true, verdict: true, comment: true, createdAt: true, reviewer: { select: { id: true, name: true } } },
  },
} as const;

type PassageRow = { exact: string | null; prefix: string | null; suffix: string | null; start: number | null; end: number | null; anchorState: AnchorState | null; versionId: string | null };

export type EvidenceRow = PassageRow & {
  id: string;
  paragraph: number | null;
  annotationId: string;
  relation: EvidenceRelation;
  note: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  targetAnnotationId: string | null;
  document: { id: string; title: string; kind: ArticleKind; issuer: string | null; symbol: string | null; url: string | null; publishedAt: Date | null };
  version: { pages: unknown } | null;
  targetAnnotation: (PassageRow & { id: string; articleId: string; authorId: string; status: ReviewStatus; curated?: boolean; version: { pages: unknown } | null }) | null;
  author: { id: string; name: string };
  reviews: Array<{ id: string; evidenceId: string; verdict: Verdict; comment: string | null; createdAt: Date; reviewer: { id: string; name: string } }>;
};

function passageOf(row: PassageRow): EvidencePassage | null {
  if (row.exact === null || row.start === null || row.end === null) return null;
  return { exact: row.exact, prefix: row.prefix ?? '', suffix: row.suffix ?? '', start: row.start, end: row.end };
}

/**
 * The stored number (read from the whole text when the passage was placed). A link to another
 * annotation, and a link stored before the column existed, have only the passage's context: it
 * still reads the number of a passage that opens its paragraph.
 */
function paragraphOf(row: EvidenceRow, target: EvidencePassage): number | null {
  if (row.paragraph !== null) return row.paragraph;
  const anchorState = (row.targetAnnotation ?? row).anchorState;
  return anchorState === 'orphaned' ? null : paragraphNumber(target);
}

export function toEvidenceDto(row: EvidenceRow): EvidenceDto {
  // A link to another annotation shows that annotation's passage as it is now (it is re-anchored with its article).
  const anchor = row.targetAnnotation ?? row;
  const target = passageOf(anchor);
  const pages = readPageMap((row.targetAnnotation ?? row).version?.pages);
  return {
    id: row.id,
    annotationId: row.annotationId,
    document: { ...row.document, publishedAt: row.document.publishedAt?.toISOString() ?? null },
    versionId: target ? anchor.versionId : null,
    target,
    page: target && pages ? pageLabel(pages, target.start, target.end) : null,
    paragraph: target ? paragraphOf(row, target) : null,
    targetAnnotation: row.targetAnnotation
      ? { id: row.targetAnnotation.id, articleId: row.targetAnnotation.articleId, authorId: row.targetAnnotation.authorId, status: row.targetAnnotation.status }
      : null,
    relation: row.relation,
    anchorState: target ? anchor.anchorState : null,
    note: row.note,
    author: row.author,
    revision: row.revision,
    reviews: row.reviews.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    reviewStatus: deriveStatus(row.reviews.map((r) => ({ reviewerId: r.reviewer.id, verdict: r.verdict, createdAt: r.createdAt }))),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
