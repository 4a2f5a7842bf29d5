import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts, overlapRatio, type TaggedSpan } from '@/lib/review/overlap';

const ann = (id: string, start: number, end: number, tag: string, authorId: string): TaggedSpan => ({ id, start, end, tag, authorId });

describe('overlapRatio', () => {
  it.each([
    ['identical', [0, 10], [0, 10], 1],
    ['shorter inside longer', [0, 100], [10, 20], 1],
    ['half of the shorter', [0, 10], [5, 25], 0.5],
    ['symmetric', [5, 25], [0, 10], 0.5],
    ['partial', [0, 10], [7, 12], 3 / 5],
    ['touching [0,5) [5,10)', [0, 5], [5, 10], 0],
    ['disjoint', [0, 5], [8, 10], 0],
    ['empty a', [3, 3], [0, 10], 0],
    ['empty b', [0, 10], [4, 4], 0],
    ['inverted counts as empty', [10, 0], [0, 10], 0],
  ] as const)('%s', (_name, [as, ae], [bs, be], expected) => {
    expect(overlapRatio({ start: as, end: ae }, { start: bs, end: be })).toBeCloseTo(expected, 10);
  });
});

describe('findConflicts', () => {
  it('reports different authors, different tags, ≥ 0.5 overlap', () => {
    const conflicts = findConflicts([ann('a1', 0, 10, 'un', 'alice'), ann('b1', 5, 20, 'intelligence', 'bob')]);
    expect(conflicts).toEqual([{ a: 'a1', b: 'b1', tags: ['un', 'intelligence'], overlap: 0.5 }]);
  });

  it('ignores same tag, same author, and overlap below 0.5', () => {
    expect(findConflicts([ann('a1', 0, 10, 'un', 'alice'), ann('b1', 0, 10, 'un', 'bob')])).toEqual([]);
    expect(findConflicts([ann('a1', 0, 10, 'un', 'alice'), ann('a2', 0, 10, 'analyst', 'alice')])).toEqual([]);
    expect(findConflicts([ann('a1', 0, 10, 'un', 'alice'), ann('b1', 6, 20, 'analyst', 'bob')])).toEqual([]);
    expect(findConflicts([ann('a1', 0, 5, 'un', 'alice'), ann('b1', 5, 10, 'analyst', 'bob')])).toEqual([]);
  });

  it('finds a short span against a long one that started much earlier', () => {
    // The long span stays in the sweep's active set across the unrelated ones.
    const conflicts = findConflicts([
      ann('long', 0, 1000, 'un', 'alice'),
      ann('x', 100, 110, 'un', 'carol'),
      ann('y', 300, 310, 'un', 'carol'),
      ann('short', 900, 910, 'analyst', 'bob'),
    ]);
    expect(conflicts).toEqual([{ a: 'long', b: 'short', tags: ['un', 'analyst'], overlap: 1 }]);
  });

  it('orders pairs deterministically regardless of input order', () => {
    const input = [
      ann('c', 2, 12, 'analyst', 'carol'),
      ann('a', 0, 10, 'un', 'alice'),
      ann('b', 1, 11, 'intelligence', 'bob'),
    ];
    const expected = [
      { a: 'a', b: 'b', tags: ['un', 'intelligence'], overlap: 0.9 },
      { a: 'a', b: 'c', tags: ['un', 'analyst'], overlap: 0.8 },
      { a: 'b', b: 'c', tags: ['intelligence', 'analyst'], overlap: 0.9 },
    ];
    const round = (cs: ReturnType<typeof findConflicts>) => cs.map((c) => ({ ...c, overlap: Number(c.overlap.toFixed(6)) }));
    expect(round(findConflicts(input))).toEqual(expected);
    expect(round(findConflicts([...input].reverse()))).toEqual(expected);
  });

  it('matches the brute-force O(n²) definition (property)', () => {
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 200 }),
        len: fc.integer({ min: 0, max: 60 }),
        tag: fc.constantFrom('un', 'intelligence', 'analyst'),
        authorId: fc.constantFrom('alice', 'bob', 'carol'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const anns = rows.map((x, i) => ann(`n${i}`, x.start, x.start + x.len, x.tag, x.authorId));
        const expected = new Set<string>();
        for (let i = 0; i < anns.length; i++)
          for (let j = i + 1; j < anns.length; j++) {
            const [p, q] = [anns[i], anns[j]];
            if (p.authorId !== q.authorId && p.tag !== q.tag && overlapRatio(p, q) >= 0.5)
              expected.add([p.id, q.id].sort().join('|'));
          }
        const got = findConflicts(anns).map((c) => [c.a, c.b].sort().join('|'));
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(expected);
      }),
    );
  });

  it('agrees with brute force on 2,000 dense annotations', () => {
    const anns: TaggedSpan[] = [];
    const tags = ['un', 'intelligence', 'analyst'];
    for (let i = 0; i < 2000; i++) {
      const start = (i * 37) % 5_000;
      anns.push(ann(`n${i}`, start, start + 20 + (i % 40), tags[i % 3], `u${i % 7}`));
    }
    let expected = 0;
    for (let i = 0; i < anns.length; i++)
      for (let j = i + 1; j < anns.length; j++) {
        const [p, q] = [anns[i], anns[j]];
        if (p.authorId !== q.authorId && p.tag !== q.tag && overlapRatio(p, q) >= 0.5) expected++;
      }
    expect(expected).toBeGreaterThan(100);
    expect(findConflicts(anns)).toHaveLength(expected);
  });
});
