// Response shapes of the claim-matching endpoints (../shared/API.md "Claim matching").
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ProvenanceState } from '@/lib/provenance/relations';

export type MatchedArticle = { id: string; title: string; outlet: string | null; publishedAt: string | null };

export type ClaimMatchDto = {
  /** The other claim, as the annotation API shows it (its `status` is the verdict found there). */
  annotation: AnnotationDto;
  article: MatchedArticle;
  /** 0..1; 0.5 and above is reported as the same claim. */
  score: number;
  /** Why, in words: "same figures 6,000–6,500; same actors TTP, Afghanistan; paraphrase". */
  reason: string;
  /** The other claim's provenance state (what its evidence links add up to; same as annotation.provenance). */
  provenance: ProvenanceState;
};

export type KnownClaimDto = {
  /** The sentence of this article that restates a claim checked elsewhere (offsets on the current version). */
  start: number;
  end: number;
  exact: string;
  match: ClaimMatchDto;
  /** An annotation here already created from that match (`matchOf`), or null. */
  linkedAnnotationId: string | null;
};

export const MAX_MATCHES = 20;
