// The vocabulary of provenance: what a linked passage says about a claim (the relation, stored on each
// evidence link) and what a claim's links add up to (its provenance state, derived, never stored).
import { EVIDENCE_RELATIONS, type EvidenceRelation } from '@/lib/core/enums';

export { EVIDENCE_RELATIONS, type EvidenceRelation };

export const RELATION_LABELS: Record<EvidenceRelation, string> = {
  supports: 'Supports',
  partial: 'Partly supports',
  contradicts: 'Contradicts',
  misquoted: 'Misquoted',
  not_found: 'Not found in source',
};

/** What each relation asserts, for the picker's help text and the API docs. */
export const RELATION_DESCRIPTIONS: Record<EvidenceRelation, string> = {
  supports: 'the source says it',
  partial: 'the source says something weaker or narrower',
  contradicts: 'the source says the opposite',
  misquoted: "the article's wording changes the source's meaning or a figure",
  not_found: 'the source was searched and does not say it (no passage; the note says what was searched)',
};

/** Relations that need a passage of the source: every one but not_found, which refuses one. */
export function relationNeedsPassage(relation: EvidenceRelation): boolean {
  return relation !== 'not_found';
}

export const PROVENANCE_STATES = ['verified', 'partial', 'contradicted', 'misquoted', 'not_found', 'unlinked'] as const;
export type ProvenanceState = (typeof PROVENANCE_STATES)[number];

export const PROVENANCE_LABELS: Record<ProvenanceState, string> = {
  verified: 'Verified',
  partial: 'Partly supported',
  contradicted: 'Contradicted',
  misquoted: 'Misquoted',
  not_found: 'Not found',
  unlinked: 'Unlinked',
};
