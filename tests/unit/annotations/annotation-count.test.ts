import { describe, expect, it } from 'vitest';
import { countAnnotations, describeAnnotationCount } from '@/lib/annotations/annotation-count';
import { ANCHOR_ATTENTION, ANCHOR_STATE_LABELS } from '@/lib/core/state-words';

const row = (anchorState: string, extra: Partial<{ deletedAt: string | null; orphaned: boolean }> = {}) => ({
  deletedAt: null,
  orphaned: anchorState === 'orphaned',
  anchorState,
  ...extra,
});

describe('one count of annotations', () => {
  it('counts the ones in the text, names orphans apart and leaves deleted ones out', () => {
    const count = countAnnotations([row('exact'), row('moved'), row('fuzzy'), row('orphaned'), row('exact', { deletedAt: '2026-01-01T00:00:00Z' })]);
    expect(count).toEqual({ inText: 3, orphaned: 1 });
    expect(describeAnnotationCount(count)).toBe('3 annotations · 1 orphaned');
  });

  it('says nothing about orphans when there are none, and uses the singular for one', () => {
    expect(describeAnnotationCount(countAnnotations([row('exact')]))).toBe('1 annotation');
    expect(describeAnnotationCount(countAnnotations([]))).toBe('0 annotations');
  });

  it('treats a server-flagged orphan as one even if its anchor state lags', () => {
    expect(countAnnotations([row('fuzzy', { orphaned: true })])).toEqual({ inText: 0, orphaned: 1 });
  });
});

describe('anchor words', () => {
  it('shows an anchor state in the reader only when a person has to act on it', () => {
    expect(ANCHOR_ATTENTION.exact).toBeNull();
    expect(ANCHOR_ATTENTION.moved).toBeNull();
    expect(ANCHOR_ATTENTION.fuzzy).toBe('Check position');
    expect(ANCHOR_ATTENTION.orphaned).toBe('Orphaned');
  });

  it('never words an anchor state like a review status (no "confirmed" beside "needs confirmation")', () => {
    for (const label of Object.values(ANCHOR_STATE_LABELS)) expect(label.toLowerCase()).not.toMatch(/confirm/);
  });
});
