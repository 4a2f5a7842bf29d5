import { findConflicts, type Conflict, type TaggedSpan } from '@/lib/review/overlap';

/** A reviewer's ruling on a conflict: `keep`'s tag (`tag`) is right, `other`'s is not. */
export type ConflictResolution = { keep: string; other: string; tag: string };

/**
 * The conflicts still open: a resolved pair stops being flagged while the kept annotation still
 * carries the confirmed tag (a later re-tag of the kept side reopens it; a re-tag of the other side
 * to the same tag ends the conflict on its own).
 */
export function openConflicts(spans: readonly TaggedSpan[], resolutions: readonly ConflictResolution[]): Conflict[] {
  const conflicts = findConflicts(spans);
  if (resolutions.length === 0) return conflicts;
  const tagOf = new Map(spans.map((s) => [s.id, s.tag]));
  const settled = new Set(resolutions.filter((r) => tagOf.get(r.keep) === r.tag).map((r) => pairKey(r.keep, r.other)));
  return conflicts.filter((c) => !settled.has(pairKey(c.a, c.b)));
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
