import type { EvidenceRelation, ProvenanceState } from '@/lib/provenance/relations';

/**
 * A claim's provenance state from the relations of its live evidence links. The worst finding wins,
 * because a brief must not call a claim verified while one passage says the opposite or shows the
 * article changed a figure:
 *
 *   no links                 → unlinked
 *   any contradicts          → contradicted
 *   else any misquoted       → misquoted
 *   else any supports        → verified      (≥ 1 supports, no contradicts)
 *   else any partial         → partial
 *   else (only not_found)    → not_found
 */
export function deriveProvenance(relations: readonly EvidenceRelation[]): ProvenanceState {
  if (relations.length === 0) return 'unlinked';
  const has = (r: EvidenceRelation) => relations.includes(r);
  if (has('contradicts')) return 'contradicted';
  if (has('misquoted')) return 'misquoted';
  if (has('supports')) return 'verified';
  if (has('partial')) return 'partial';
  return 'not_found';
}
