import { describe, expect, it } from 'vitest';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import type { EvidenceRelation } from '@/lib/provenance/relations';

describe('deriveProvenance', () => {
  it.each<[EvidenceRelation[], string]>([
    [[], 'unlinked'],
    [['supports'], 'verified'],
    [['supports', 'supports', 'partial'], 'verified'],
    [['supports', 'not_found'], 'verified'],
    [['partial'], 'partial'],
    [['partial', 'not_found'], 'partial'],
    [['not_found'], 'not_found'],
    [['not_found', 'not_found'], 'not_found'],
    [['misquoted'], 'misquoted'],
    [['supports', 'misquoted'], 'misquoted'],
    [['contradicts'], 'contradicted'],
    [['supports', 'contradicts'], 'contradicted'],
    [['misquoted', 'contradicts', 'partial'], 'contradicted'],
  ])('%j → %s', (relations, state) => {
    expect(deriveProvenance(relations)).toBe(state);
  });

  it('does not depend on the order of the links', () => {
    expect(deriveProvenance(['contradicts', 'supports'])).toBe(deriveProvenance(['supports', 'contradicts']));
    expect(deriveProvenance(['misquoted', 'supports'])).toBe(deriveProvenance(['supports', 'misquoted']));
  });
});
