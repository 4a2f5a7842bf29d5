// Small numeric helpers shared by the offset maps (position map, version offset map, code points).

/** Index of the last element <= value in an ascending array, or -1. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** An integer within [min, max]: fractions floored, non-finite values to the nearer end. */
export function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return value > 0 ? max : min;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
