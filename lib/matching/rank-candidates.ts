/**
 * The re-ranking step: candidates (found by the database on stored keys) scored against the query
 * claim, kept when they reach the threshold, best first. Ties break by id so results are stable.
 */
import type { ClaimFeatures } from './extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch, type ClaimMatchScore, type TermWeight } from './score-claim-match';

export type Candidate<T> = { item: T; id: string; features: ClaimFeatures };
export type RankedMatch<T> = ClaimMatchScore & { item: T; id: string };

export function rankCandidates<T>(
  query: ClaimFeatures,
  candidates: Candidate<T>[],
  { limit = 5, threshold = MATCH_THRESHOLD, termWeight }: { limit?: number; threshold?: number; termWeight?: TermWeight } = {},
): RankedMatch<T>[] {
  return candidates
    .map((c) => ({ item: c.item, id: c.id, ...scoreClaimMatch(query, c.features, { termWeight }) }))
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
