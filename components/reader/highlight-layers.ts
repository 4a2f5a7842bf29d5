// Which highlights share text, and at which depth each one's underline is drawn. Pure: the
// decoration plugin (annotation-highlights.ts) uses it on ProseMirror ranges, the unit tests on numbers.

export type Interval = { id: string; from: number; to: number };

/** The deepest underline drawn apart; deeper annotations share the last layer (still nested, still hoverable). */
export const MAX_LAYER = 3;

const overlaps = (a: Interval, b: Interval) => a.from < b.to && b.from < a.to;

/**
 * Groups of transitively overlapping intervals, in document order. Intervals that only touch
 * (one ends where the next starts) stay apart: they share no text, so no segment of one is cut
 * or nested by the other. A group covers one contiguous stretch no other interval reaches into,
 * which is what lets the plugin redraw a group without touching its neighbours.
 */
export function overlapClusters<T extends Interval>(items: readonly T[]): T[][] {
  const sorted = items.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || b.to - a.to);
  const clusters: T[][] = [];
  let current: T[] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    if (item.from >= reach && current.length) {
      clusters.push(current);
      current = [];
    }
    current.push(item);
    reach = Math.max(reach, item.to);
  }
  if (current.length) clusters.push(current);
  return clusters;
}

/**
 * The underline layer of each interval: 0 sits right under the text, 1 below it, and so on. Each
 * interval takes the lowest layer no overlapping interval holds, visiting them by start (longer
 * first on equal starts), which uses as few layers as the deepest overlap needs. An interval keeps
 * one layer along its whole length, so its underline stays one continuous line across the pieces
 * other annotations cut it into.
 */
export function assignLayers(items: readonly Interval[]): Map<string, number> {
  const sorted = items.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const layers = new Map<string, number>();
  let open: Array<{ item: Interval; layer: number }> = [];
  for (const item of sorted) {
    open = open.filter((o) => overlaps(o.item, item));
    const taken = new Set(open.map((o) => o.layer));
    let layer = 0;
    while (taken.has(layer)) layer++;
    layers.set(item.id, layer);
    open.push({ item, layer });
  }
  return layers;
}
