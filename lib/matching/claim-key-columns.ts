// What one annotation's ClaimKey row holds besides its ids, computed from the quote alone: pure, so
// a bulk write (an import) can have it computed off the request thread and store it as it comes.
import { extractClaimFeatures } from './extract-claim-features';
import { matchKeysOf } from './match-keys';
import { toStoredFeatures } from './stored-features';

export type ClaimKeyColumns = { keys: string[]; terms: string; features: string };

export function claimKeyColumns(exact: string): ClaimKeyColumns {
  const f = extractClaimFeatures(exact);
  const k = matchKeysOf(f);
  return { keys: k.keys, terms: k.terms, features: JSON.stringify(toStoredFeatures(f)) };
}
