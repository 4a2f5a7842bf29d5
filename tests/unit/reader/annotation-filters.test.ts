import { describe, expect, it } from 'vitest';
import { applyFilters, isFiltering, NO_FILTERS, type AnnotationFilters } from '@/components/annotations/annotation-filters';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationDto } from '@/tests/support/fixtures';

// Every annotation is mine unless it says otherwise ('me' is the viewer below).
const annotation = (id: string, over: Partial<AnnotationDto> = {}) => annotationDto(id, { author: { id: 'me', name: 'Me' }, ...over });

const list = [
  annotation('a', { grade: { reliability: 'B', credibility: 2 }, note: 'Para 42 of the report' }),
  annotation('b', { grade: { reliability: 'E', credibility: null }, tag: 'intelligence', author: { id: 'ben', name: 'Ben' } }),
  annotation('c', { status: 'CONFIRMED', author: { id: 'ben', name: 'Ben' } }),
];
const ids = (f: Partial<AnnotationFilters>) => applyFilters(list, { ...NO_FILTERS, ...f }, 'me').map((a) => a.id);

describe('applyFilters', () => {
  it('filters by NATO/Admiralty grade', () => {
    expect(ids({ grade: 'graded' })).toEqual(['a', 'b']);
    expect(ids({ grade: 'ungraded' })).toEqual(['c']);
    expect(ids({ grade: 'rel:E' })).toEqual(['b']);
    expect(ids({ grade: 'cred:2' })).toEqual(['a']);
    expect(ids({ grade: 'cred:6' })).toEqual([]);
  });

  it('combines tag, author, status and text search', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ tag: 'intelligence' })).toEqual(['b']);
    expect(ids({ author: 'mine' })).toEqual(['a']);
    expect(ids({ author: 'colleagues', status: 'CONFIRMED' })).toEqual(['c']);
    expect(ids({ author: 'user:ben', grade: 'graded' })).toEqual(['b']);
    expect(ids({ query: 'PARA 42' })).toEqual(['a']);
    expect(ids({ query: 'quote c' })).toEqual(['c']);
  });

  it('filters by provenance state', () => {
    const linked = [...list, annotation('d', { provenance: 'verified', evidenceCount: 1 }), annotation('e', { provenance: 'contradicted', evidenceCount: 2 })];
    const pick = (provenance: AnnotationFilters['provenance']) => applyFilters(linked, { ...NO_FILTERS, provenance }, 'me').map((a) => a.id);
    expect(pick('verified')).toEqual(['d']);
    expect(pick('contradicted')).toEqual(['e']);
    expect(pick('unlinked')).toEqual(['a', 'b', 'c']);
    expect(isFiltering({ ...NO_FILTERS, provenance: 'unlinked' })).toBe(true);
  });

  it('knows when any filter is on', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, grade: 'rel:A' })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, query: '   ' })).toBe(false);
  });
});
