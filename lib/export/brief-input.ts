// Plain-data input for every export format: the API layer maps DB rows to this, nothing here touches the DB.
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';
import type { PageMap } from '@/lib/documents/page-map';
import { CONFIDENCES, REVIEW_STATUSES, type AnchorState, type Confidence, type EvidenceRelation, type ReviewStatus, type Verdict } from '@/lib/core/enums';
import type { ProvenanceState } from '@/lib/provenance/relations';
import { CREDIBILITIES, RELIABILITIES, type CredibilityGrade, type ReliabilityGrade } from '@/lib/core/grading';

export type Person = { id: string; name: string };

// The export's names for the shared vocabulary (lib/core), kept so the renderers read as before.
export type { AnchorState, Confidence, Verdict };
export type Reliability = ReliabilityGrade;
export type Credibility = CredibilityGrade;
export type AnnotationStatus = ReviewStatus;
export { CONFIDENCES, CREDIBILITIES, RELIABILITIES };
export const ANNOTATION_STATUSES = REVIEW_STATUSES;

export type Grade = { reliability: Reliability | null; credibility: Credibility | null };

export type BriefTagInput = { key: string; label: string; color: string; description?: string | null };

export type BriefReviewInput = {
  reviewer: Person;
  verdict: Verdict;
  comment: string | null;
  suggestedTag: string | null;
  createdAt: Date;
};

export type BriefReplyInput = { author: Person; body: string; createdAt: Date };

export type BriefEvidenceReviewInput = { reviewer: Person; verdict: Verdict; comment: string | null; createdAt: Date };

/** A passage of a source, UTF-16 offsets of that source version's text and the same offsets in code points (for W3C selectors). */
export type BriefPassageInput = { exact: string; prefix: string; suffix: string; start: number; end: number; codePointStart: number; codePointEnd: number };

/** One evidence link of a claim (lib/provenance): what a passage of a source (or another claim) says about it. */
export type BriefEvidenceInput = {
  id: string;
  relation: EvidenceRelation;
  document: { id: string; title: string; issuer: string | null; symbol: string | null; url: string | null; publishedAt: Date | null };
  /** Null for not_found (the source was searched, no passage). */
  passage: BriefPassageInput | null;
  /** "p. 12" when the source is paginated. */
  page: string | null;
  /** The numbered paragraph of the source the passage is in (42 for "¶42"), when the source numbers them. */
  paragraph: number | null;
  /** Set when the link points at another claim annotation (the article cites another article). */
  targetAnnotationId: string | null;
  /** What the desk found about that cited claim (its review status); null for a source passage. */
  targetStatus: ReviewStatus | null;
  /** The cited claim's own evidence — the next step of the chain claim → cited claim → source; absent for a source passage. */
  cited?: BriefCitedEvidenceInput | null;
  anchorState: AnchorState | null;
  note: string | null;
  author: Person;
  createdAt: Date;
  reviews: BriefEvidenceReviewInput[];
};

/** One link of a cited claim's own evidence, as the brief cites it. */
export type BriefCitedLinkInput = {
  relation: EvidenceRelation;
  /** "S/2025/482 ¶42, p. 3", or "Earlier wire story, a claim annotated there" one step further. */
  reference: string;
  /** The passage; null for not_found. */
  exact: string | null;
};

/** What a claim cited as evidence rests on: the provenance its own links add up to, and those links. */
export type BriefCitedEvidenceInput = { provenance: ProvenanceState; links: BriefCitedLinkInput[] };

export type BriefAnnotationInput = {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tag: string;
  sourceDetail: string | null;
  note: string | null;
  confidence: Confidence | null;
  grade: Grade;
  status: AnnotationStatus;
  anchorState: AnchorState;
  author: Person;
  createdAt: Date;
  updatedAt: Date;
  reviews: BriefReviewInput[];
  replies: BriefReplyInput[];
  /** Live evidence links the reader may see, oldest first; absent = none. */
  evidence?: BriefEvidenceInput[];
};

/** A claim in another article an annotation was created from (`matchOf`): "previously checked in …". */
export type PreviousCheckInput = { status: AnnotationStatus; article: { title: string; outlet: string | null; publishedAt: Date | null } };

export type BriefInput = {
  desk: { name: string };
  preparedBy: { name: string };
  preparedAt: Date;
  article: {
    id: string;
    title: string;
    outlet: string | null;
    byline: string | null;
    publishedAt: Date | null;
    url: string | null;
  };
  version: {
    id: string;
    number: number;
    /** Canonical plain text: blocks joined by "\n", first block is the headline; offsets refer to it. */
    text: string;
    doc: TiptapDoc;
    /** Where each page starts in `text`, for a paginated source (PDF). */
    pages?: PageMap | null;
  };
  /** Per annotation id, the earlier check it restates; links are not part of the annotation itself (not exported to JSON-LD). */
  previousChecks?: ReadonlyMap<string, PreviousCheckInput>;
  tags: BriefTagInput[];
  annotations: BriefAnnotationInput[];
};

export type BriefGroup = 'document' | 'tag';

/**
 * Which annotations of a blind-annotated article the brief is made of: `curated` the curator's layer
 * only, `all` every annotation the reader may read (analysts' and curated), `auto` curated once a
 * curated layer exists, else all.
 */
export const BRIEF_LAYERS = ['auto', 'all', 'curated'] as const;
export type BriefLayer = (typeof BRIEF_LAYERS)[number];

export type BriefOptions = {
  group: BriefGroup;
  onlyConfirmed: boolean;
  includeNotes: boolean;
  includeReplies: boolean;
  includeReviewerNames: boolean;
  /** Tag keys to keep; null keeps all. */
  tags: string[] | null;
  layer: BriefLayer;
};

export const DEFAULT_BRIEF_OPTIONS: Readonly<BriefOptions> = Object.freeze({
  group: 'document',
  onlyConfirmed: false,
  includeNotes: true,
  includeReplies: true,
  includeReviewerNames: true,
  tags: null,
  layer: 'auto',
});
