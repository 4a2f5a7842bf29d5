import { describe, expect, it } from 'vitest';
import { assignLayers, overlapClusters, type Interval } from '@/components/reader/highlight-layers';

const iv = (id: string, from: number, to: number): Interval => ({ id, from, to });
const overlaps = (a: Interval, b: Interval) => a.from < b.to && b.from < a.to;

describe('assignLayers', () => {
  it('puts a lone annotation and side-by-side ones on the first layer', () => {
    expect(Object.fromEntries(assignLayers([iv('a', 0, 5), iv('b', 5, 9), iv('c', 20, 30)]))).toEqual({ a: 0, b: 0, c: 0 });
  });

  it('stacks overlapping annotations, the longer one nearest the text on equal starts', () => {
    const layers = assignLayers([iv('inner', 10, 14), iv('outer', 10, 40), iv('crossing', 30, 50)]);
    expect(layers.get('outer')).toBe(0);
    expect(layers.get('inner')).toBe(1);
    // "inner" has ended where "crossing" starts: its layer is free again.
    expect(layers.get('crossing')).toBe(1);
  });

  it('gives overlapping annotations different layers and uses no more layers than the deepest overlap', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const list: Interval[] = [];
      for (let i = 0; i < 30; i++) {
        const from = random(200);
        list.push(iv(`${round}-${i}`, from, from + 1 + random(40)));
      }
      const layers = assignLayers(list);
      for (const a of list) for (const b of list) if (a !== b && overlaps(a, b)) expect(layers.get(a.id)).not.toBe(layers.get(b.id));
      let depth = 0;
      for (let x = 0; x < 250; x++) depth = Math.max(depth, list.filter((i) => i.from <= x && x < i.to).length);
      expect(Math.max(...layers.values()) + 1).toBe(depth);
    }
  });
});

describe('overlapClusters', () => {
  it('groups transitively overlapping annotations and keeps touching ones apart', () => {
    const clusters = overlapClusters([iv('c', 12, 20), iv('a', 0, 5), iv('b', 4, 12), iv('d', 20, 25), iv('e', 30, 31), iv('empty', 40, 40)]);
    expect(clusters.map((c) => c.map((i) => i.id).sort())).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('closes each group under overlap: no annotation outside a group overlaps one inside', () => {
    const list = [iv('a', 0, 10), iv('b', 8, 15), iv('c', 14, 30), iv('d', 30, 31), iv('e', 2, 3)];
    const clusters = overlapClusters(list);
    expect(clusters.map((c) => c.length)).toEqual([4, 1]);
    for (const cluster of clusters) for (const inside of cluster) for (const other of list) if (!cluster.includes(other)) expect(overlaps(inside, other)).toBe(false);
  });
});
