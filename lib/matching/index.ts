/**
 * Claim matching: is this claim one the desk has seen before, in another article? Pure and
 * deterministic (no DB, no network): features of a claim, the scorer with its reason, the keys
 * the database indexes, and the evaluation of a matcher against a gold set. The DB side is
 * lib/matching/server/.
 */
export { extractClaimFeatures, type ClaimFeatures, type Direction } from './extract-claim-features';
export { findQuantities, type Quantity, type QuantityKind, type Qualifier } from './find-quantities';
export { findKnownEntities, findUnknownNames, nameSkeleton, type EntityMention } from './find-entities';
export { ENTITY_TABLE, compileEntityTable, type EntityDefinition, type EntityTable } from './entity-variants';
export { MATCHING_LEXICON, compileLexicon, type MatchingLexicon } from './matching-lexicon';
export { compareFigures, figureInterval, figuresAgree } from './compare-figures';
export { compareEntities, entityLabel } from './compare-entities';
export { scoreClaimMatch, wordingSimilarity, MATCH_THRESHOLD, type ClaimMatchScore, type MatchSignals, type TermWeight } from './score-claim-match';
export { rankCandidates, type Candidate, type RankedMatch } from './rank-candidates';
export { matchKeysOf, figureKeysOf, type MatchKeys } from './match-keys';
export { formatQuantity } from './format-quantity';
