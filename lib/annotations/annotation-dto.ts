// The Annotation JSON of the public API (../shared/API.md). Every route returns this shape.
import type { AnchorState, Confidence, ReviewStatus } from '@/lib/core/enums';
import type { ReliabilityGrade } from '@/lib/core/grading';

export type AnnotationDto = {
  id: string;
  articleId: string;
  versionId: string;
  target: { exact: string; prefix: string; suffix: string; start: number; end: number };
  tag: string;
  sourceDetail: string | null;
  note: string | null;
  confidence: Confidence | null;
  grade: { reliability: ReliabilityGrade | null; credibility: number | null };
  status: ReviewStatus;
  anchorState: AnchorState;
  orphaned: boolean;
  author: { id: string; name: string };
  revision: number;
  /** Set when the annotation was accepted from a suggestion. */
  suggestionReason: string | null;
  replyCount: number;
  /** Ids of other annotations this one conflicts with (overlap ≥ 50% of the shorter span, different tag, different author). */
  conflictsWith: string[];
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The Prisma select every annotation read uses, so toAnnotationDto always has what it needs. */
export const annotationDtoSelect = {
  id: true,
  articleId: true,
  versionId: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  sourceDetail: true,
  note: true,
  confidence: true,
  reliability: true,
  credibility: true,
  status: true,
  anchorState: true,
  revision: true,
  suggestionReason: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  tag: { select: { key: true } },
  author: { select: { id: true, name: true } },
  _count: { select: { replies: { where: { deletedAt: null } } } },
} as const;

export type AnnotationRow = {
  id: string;
  articleId: string;
  versionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  sourceDetail: string | null;
  note: string | null;
  confidence: Confidence | null;
  reliability: string | null;
  credibility: number | null;
  status: ReviewStatus;
  anchorState: AnchorState;
  revision: number;
  suggestionReason: string | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tag: { key: string };
  author: { id: string; name: string };
  _count: { replies: number };
};

export function toAnnotationDto(row: AnnotationRow, conflictsWith: string[] = []): AnnotationDto {
  return {
    id: row.id,
    articleId: row.articleId,
    versionId: row.versionId,
    target: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    tag: row.tag.key,
    sourceDetail: row.sourceDetail,
    note: row.note,
    confidence: row.confidence,
    grade: { reliability: (row.reliability as ReliabilityGrade | null) ?? null, credibility: row.credibility },
    status: row.status,
    anchorState: row.anchorState,
    orphaned: row.anchorState === 'orphaned',
    author: row.author,
    revision: row.revision,
    suggestionReason: row.suggestionReason,
    replyCount: row._count.replies,
    conflictsWith,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
