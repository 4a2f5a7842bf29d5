// The domain's closed vocabularies, declared once: as enums in prisma/schema.prisma. Prisma generates
// them as plain objects (no client code in that file), so this module is safe in the browser. Every
// other use imports from here: a new status or role is a schema change, never a second list.
import { AnchorState, ArticleKind, Confidence, EvidenceRelation, ReviewStatus, Role, SuggestionOutcome, Verdict } from '@/lib/generated/prisma/enums';

export { AnchorState, ArticleKind, Confidence, EvidenceRelation, ReviewStatus, Role, SuggestionOutcome, Verdict };

type Tuple<T> = readonly [T, ...T[]];

/** An enum's values in schema order, as the non-empty tuple z.enum and "one of …" messages want. */
function valuesOf<E extends Record<string, string>>(values: E): Tuple<E[keyof E]> {
  return Object.values(values) as unknown as Tuple<E[keyof E]>;
}

export const ROLES = valuesOf(Role);
export const CONFIDENCES = valuesOf(Confidence);
export const REVIEW_STATUSES = valuesOf(ReviewStatus);
export const ANCHOR_STATES = valuesOf(AnchorState);
export const VERDICTS = valuesOf(Verdict);
export const ARTICLE_KINDS = valuesOf(ArticleKind);
export const EVIDENCE_RELATIONS = valuesOf(EvidenceRelation);
