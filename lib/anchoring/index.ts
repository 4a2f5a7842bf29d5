export { canonicalTextOf, canonicalTextOfPmNode } from '@/lib/anchoring/canonical-text';
export { codePointIndex, type CodePointIndex } from '@/lib/anchoring/code-points';
export { buildOffsetMap, type OffsetMap } from '@/lib/anchoring/offset-map';
export {
  buildPositionMap,
  buildPositionMapFromJson,
  buildPositionMapFromPm,
  type Bias,
  type PositionMap,
} from '@/lib/anchoring/position-map';
export {
  CONTEXT_LENGTH,
  describeRange,
  quoteMatches,
  toSelectors,
  type AnchorTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '@/lib/anchoring/selectors';
export {
  MAX_FUZZY_QUOTE_LENGTH,
  MIN_IN_PLACE_SIMILARITY,
  MIN_QUOTE_SIMILARITY,
  reanchor,
  reanchorAll,
  type AnchorState,
  type ReanchorOptions,
  type ReanchorResult,
} from '@/lib/anchoring/reanchor';
