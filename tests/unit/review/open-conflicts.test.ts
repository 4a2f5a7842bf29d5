import { describe, expect, it } from 'vitest';
import { openConflicts } from '@/lib/review/open-conflicts';
import type { TaggedSpan } from '@/lib/review/overlap';

const span = (id: string, authorId: string, tag: string, start = 0, end = 40): TaggedSpan => ({ id, authorId, tag, start, end });

describe('openConflicts', () => {
  const spans = [span('a', 'ana', 'un'), span('b', 'bo', 'intelligence', 5, 40), span('c', 'cy', 'analyst', 200, 240)];

  it('is every conflict when nothing was resolved', () => {
    expect(openConflicts(spans, []).map((c) => [c.a, c.b])).toEqual([['a', 'b']]);
  });

  it('drops a pair resolved in favour of the tag its kept side still carries, whichever order the pair is in', () => {
    expect(openConflicts(spans, [{ keep: 'a', other: 'b', tag: 'un' }])).toEqual([]);
    expect(openConflicts(spans, [{ keep: 'b', other: 'a', tag: 'intelligence' }])).toEqual([]);
  });

  it('keeps the pair flagged when the kept side was re-tagged since, or the ruling names another pair', () => {
    expect(openConflicts(spans, [{ keep: 'a', other: 'b', tag: 'analyst' }])).toHaveLength(1);
    expect(openConflicts(spans, [{ keep: 'a', other: 'c', tag: 'un' }])).toHaveLength(1);
  });
});
