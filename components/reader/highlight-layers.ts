// Which highlights share text, and at which depth each one's underline is drawn. Pure: the
// decoration plugin (annotation-highlights.ts) uses it on ProseMirror ranges, the unit tests on numbers.

export type Interval = { id: string; from: number; to: number };

/** The deepest underline drawn apart; deeper annotations share the last layer (still nested, still hoverable). */
export const MAX_LAYER = 3;

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
  const layers = new Map<string, number>();
  if (items.length === 1) {
    if (items[0]!.to > items[0]!.from) layers.set(items[0]!.id, 0);
    return layers;
  }
  const sorted = items.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Where the last interval on each layer ends: visited by start, a layer is free again once its
  // last interval has ended (every earlier one on it ended before that one began).
  const layerEnd: number[] = [];
  for (const item of sorted) {
    let layer = 0;
    while (layer < layerEnd.length && layerEnd[layer]! > item.from) layer++;
    layerEnd[layer] = item.to;
    layers.set(item.id, layer);
  }
  return layers;
}
