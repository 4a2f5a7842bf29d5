/** Claim suggestion engine: pure and deterministic (no network, model, React or DB). */
export { suggestClaims, DEFAULT_TAGS, type Suggestion, type SuggestOptions } from './suggest';
export { segmentSentences, segmentBlocks, type Sentence, type Block, type BlockKind } from './segment';
export {
  DEFAULT_LEXICON,
  extendLexicon,
  tagForFamily,
  type Lexicon,
  type LexiconExtension,
  type SourceFamily,
  type SourceTerm,
  type SpeakerKind,
  type Hedges,
} from './lexicon';
export { evaluateSuggestions, locateGold, canonicalFromPlainText, type GoldClaim, type GoldFile, type EvalReport } from './evaluate';
