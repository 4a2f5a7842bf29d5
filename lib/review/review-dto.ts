import type { Verdict } from '@/lib/core/enums';

export type ReviewDto = {
  id: string;
  annotationId: string;
  verdict: Verdict;
  comment: string | null;
  suggestedTag: string | null;
  reviewer: { id: string; name: string };
  createdAt: string;
  /** Null while this is the reviewer's current verdict. */
  supersededAt: string | null;
  resolvedAt: string | null;
  /** Whether it counts towards the status: current, not resolved (unless AGREE), and given after any re-open. */
  counts: boolean;
};

export const reviewDtoSelect = {
  id: true,
  annotationId: true,
  verdict: true,
  comment: true,
  suggestedTag: true,
  createdAt: true,
  supersededAt: true,
  resolvedAt: true,
  reviewer: { select: { id: true, name: true } },
} as const;

type ReviewRow = {
  id: string;
  annotationId: string;
  verdict: Verdict;
  comment: string | null;
  suggestedTag: string | null;
  createdAt: Date;
  supersededAt: Date | null;
  resolvedAt: Date | null;
  reviewer: { id: string; name: string };
};

export function toReviewDto(row: ReviewRow, reopenedAt: Date | null): ReviewDto {
  const afterReopen = !reopenedAt || row.createdAt.getTime() > reopenedAt.getTime();
  const open = row.verdict === 'AGREE' || !row.resolvedAt;
  return {
    id: row.id,
    annotationId: row.annotationId,
    verdict: row.verdict,
    comment: row.comment,
    suggestedTag: row.suggestedTag,
    reviewer: row.reviewer,
    createdAt: row.createdAt.toISOString(),
    supersededAt: row.supersededAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    counts: !row.supersededAt && afterReopen && open,
  };
}
