// The Annotation JSON of the public API (../shared/API.md). Every route returns this shape.
import type { AnchorState, Confidence, ReviewStatus } from '@/lib/core/enums';
import type { EvidenceRelation } from '@/lib/core/enums';
import type { ReliabilityGrade } from '@/lib/core/grading';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';
import type { ProvenanceState } from '@/lib/provenance/relations';

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
  /** The claim checked before in another article that this annotation was created from (`matchOf`), or null. */
  matchOf: PreviouslyChecked | null;
  /** How many annotations elsewhere were created from this one ("also checked in …"). */
  matchedByCount: number;
  /** What the claim's evidence links add up to (lib/provenance/derive-provenance.ts). */
  provenance: ProvenanceState;
  /** Live evidence links of this claim. */
  evidenceCount: number;
  /** Part of the article's curated layer (a reviewer's adjudication of blind work). */
  curated: boolean;
  /** The annotations a curated one was made from; [] otherwise. */
  curatedFrom: string[];
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** An earlier annotation as a later one shows it: "previously checked in Dawn, 14 Jul: Confirmed". */
export type PreviouslyChecked = {
  annotationId: string;
  status: ReviewStatus;
  tag: string;
  article: { id: string; title: string; outlet: string | null; publishedAt: string | null };
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
  curated: true,
  curatedFrom: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  tag: { select: { key: true } },
  author: { select: { id: true, name: true } },
  matchOf: {
    select: { id: true, status: true, deletedAt: true, tag: { select: { key: true } }, article: { select: { id: true, title: true, outlet: true, publishedAt: true, blind: true } } },
  },
  // Work on a blind article is nobody's "previously checked" while blind mode is on (see toPreviouslyChecked).
  _count: { select: { replies: { where: { deletedAt: null } }, matchedBy: { where: { deletedAt: null, article: { blind: false } } } } },
  evidence: { where: LIVE_EVIDENCE, select: { relation: true } },
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
  /** Optional so rows built by hand (tests, fixtures) need not carry them. */
  curated?: boolean;
  curatedFrom?: string[] | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tag: { key: string };
  author: { id: string; name: string };
  /** Optional so rows built by hand (tests, fixtures) need not carry the match link. */
  matchOf?: {
    id: string;
    status: ReviewStatus;
    deletedAt: Date | null;
    tag: { key: string };
    article: { id: string; title: string; outlet: string | null; publishedAt: Date | null; blind?: boolean };
  } | null;
  _count: { replies: number; matchedBy?: number };
  /** The claim's live evidence links (optional: rows built by hand have none). */
  evidence?: Array<{ relation: EvidenceRelation }>;
};

/**
 * The earlier check a claim restates. One on a blind article is left out while blind mode is on: the
 * DTO is built once for every viewer (lists, the live stream), and an analyst who has not submitted
 * there must not learn a colleague's blind annotation exists; a blind check is not finished anyway.
 */
function toPreviouslyChecked(m: AnnotationRow['matchOf']): PreviouslyChecked | null {
  if (!m || m.deletedAt || m.article.blind) return null;
  return {
    annotationId: m.id,
    status: m.status,
    tag: m.tag.key,
    article: { id: m.article.id, title: m.article.title, outlet: m.article.outlet, publishedAt: m.article.publishedAt?.toISOString() ?? null },
  };
}

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
    matchOf: toPreviouslyChecked(row.matchOf),
    matchedByCount: row._count.matchedBy ?? 0,
    provenance: deriveProvenance((row.evidence ?? []).map((e) => e.relation)),
    evidenceCount: row.evidence?.length ?? 0,
    curated: row.curated ?? false,
    curatedFrom: row.curatedFrom ?? [],
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
