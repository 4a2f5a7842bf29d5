// How a viewer's cached annotation list takes live events and `?since=` deltas (pure functions).
import { describe, expect, it } from 'vitest';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { applyAnnotationChanges, applyLiveEvent, removeAnnotation, upsertAnnotation } from '@/lib/live/live-cache';
import type { AnnotationEventType, AnnotationLiveEvent, LiveEventView } from '@/lib/live/live-event';

function annotation(id: string, overrides: Partial<AnnotationDto> = {}): AnnotationDto {
  return {
    id,
    articleId: 'a1',
    versionId: 'v1',
    target: { exact: `words of ${id}`, prefix: '', suffix: '', start: 0, end: 5 },
    tag: 'un',
    sourceDetail: null,
    note: null,
    confidence: null,
    grade: { reliability: null, credibility: null },
    status: 'UNREVIEWED',
    anchorState: 'exact',
    orphaned: false,
    author: { id: 'u-author', name: 'Author' },
    revision: 1,
    suggestionReason: null,
    replyCount: 0,
    conflictsWith: [],
    matchOf: null,
    matchedByCount: 0,
    provenance: 'unlinked',
    evidenceCount: 0,
    curated: false,
    curatedFrom: [],
    deletedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const envelope = { articleId: 'a1', actorId: 'u-author', at: '2026-01-01T00:00:00.000Z' };
const created = (seq: number, dto: AnnotationDto, clientKey?: string, type: AnnotationEventType = 'annotation.created'): AnnotationLiveEvent => ({
  ...envelope,
  type,
  seq,
  id: dto.id,
  annotationId: dto.id,
  annotation: dto,
  ...(clientKey ? { clientKey } : {}),
});

describe('live events applied to the cached list', () => {
  it('adds a new annotation and replaces a changed one in place, leaving the others untouched', () => {
    const a = annotation('a');
    const b = annotation('b');
    const list = applyLiveEvent([a], created(1, b), 'temp-');
    expect(list.map((x) => x.id)).toEqual(['a', 'b']);
    expect(list[0]).toBe(a);
    const edited = applyLiveEvent(list, created(2, { ...b, note: 'edited', revision: 2 }, undefined, 'annotation.updated'), 'temp-');
    expect(edited.map((x) => [x.id, x.note])).toEqual([
      ['a', null],
      ['b', 'edited'],
    ]);
  });

  it('applying the same state twice (own POST answer, then its event) leaves one row', () => {
    const b = annotation('b');
    const once = upsertAnnotation([annotation('a')], b);
    expect(applyLiveEvent(once, created(3, b), 'temp-')).toEqual(once);
  });

  it("the author's own create replaces its optimistic row, found by the Idempotency-Key", () => {
    const optimistic = annotation('temp-key-1');
    const real = annotation('real-1');
    const list = applyLiveEvent([annotation('a'), optimistic], created(4, real, 'key-1'), 'temp-');
    expect(list.map((x) => x.id)).toEqual(['a', 'real-1']);
    // Another viewer's stream carries no clientKey: its optimistic rows (if any) are untouched.
    expect(applyLiveEvent([optimistic], created(4, real), 'temp-').map((x) => x.id)).toEqual(['temp-key-1', 'real-1']);
  });

  it('a deletion (the bare envelope a non-admin gets, or the deleted object an admin gets) removes the row', () => {
    const list = [annotation('a'), annotation('b')];
    const bare: LiveEventView = { ...envelope, type: 'annotation.deleted', seq: 5, id: 'b', annotationId: 'b' };
    expect(applyLiveEvent(list, bare, 'temp-').map((x) => x.id)).toEqual(['a']);
    const full = created(5, annotation('b', { deletedAt: '2026-01-02T00:00:00.000Z' }), undefined, 'annotation.deleted');
    expect(applyLiveEvent(list, full, 'temp-').map((x) => x.id)).toEqual(['a']);
  });

  it('keeps conflicts symmetric: the changed annotation is the truth for its own pairs', () => {
    const a = annotation('a');
    const b = annotation('b', { conflictsWith: ['a'] });
    const withB = applyLiveEvent([a], created(1, b), 'temp-');
    expect(withB.find((x) => x.id === 'a')!.conflictsWith).toEqual(['b']);
    // b re-tagged so it no longer conflicts: a loses it too.
    const resolved = upsertAnnotation(withB, { ...b, conflictsWith: [] });
    expect(resolved.find((x) => x.id === 'a')!.conflictsWith).toEqual([]);
    // b deleted: a loses it.
    expect(removeAnnotation(withB, 'b')).toEqual([{ ...a, conflictsWith: [] }]);
  });

  it('a reply event updates the annotation it belongs to (its reply count)', () => {
    const a = annotation('a');
    const reply: LiveEventView = {
      ...envelope,
      type: 'reply.created',
      seq: 6,
      id: 'r1',
      annotationId: 'a',
      annotation: { ...a, replyCount: 1 },
      reply: { id: 'r1' } as never,
    };
    expect(applyLiveEvent([a], reply, 'temp-')[0]!.replyCount).toBe(1);
  });

  it('bulk events change nothing by themselves (the viewer fetches the delta)', () => {
    const list = [annotation('a')];
    expect(applyLiveEvent(list, { ...envelope, type: 'annotations.changed', seq: 7, id: 'a1', since: 6 }, 'temp-')).toBe(list);
  });
});

describe('a ?since= delta applied to the cached list', () => {
  it('upserts what changed and removes what left', () => {
    const list = [annotation('a'), annotation('b'), annotation('c')];
    const next = applyAnnotationChanges(list, { annotations: [annotation('b', { note: 'new' }), annotation('d')], deleted: ['c'] });
    expect(next.map((x) => [x.id, x.note])).toEqual([
      ['a', null],
      ['b', 'new'],
      ['d', null],
    ]);
  });
});
