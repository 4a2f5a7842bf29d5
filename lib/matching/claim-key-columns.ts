// What one annotation's ClaimKey row holds besides its ids, computed from the quote alone: pure, so
// a bulk write (an import) can have it computed off the request thread and store it as it comes.
import { extractClaimFeatures } from './extract-claim-features';
import { matchKeysOf } from './match-keys';
import { toStoredFeatures } from './stored-features';

export type ClaimKeyColumns = { keys: string[]; terms: string; features: string };

/**
 * Raised whenever the reading of a claim changes (new figure phrasings, entity data, vocabulary), so
 * rows keyed by an older matcher are re-keyed by the backfill instead of being compared as they were
 * read then: features.v below it (or missing, version 1) is stale.
 */
export const MATCHER_VERSION = 13;

export function claimKeyColumns(exact: string): ClaimKeyColumns {
  const f = extractClaimFeatures(exact);
  const k = matchKeysOf(f);
  return { keys: k.keys, terms: k.terms, features: JSON.stringify({ ...toStoredFeatures(f), v: MATCHER_VERSION }) };
}
