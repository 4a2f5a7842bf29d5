// Where each annotation lands on a new version, with the quote and context it gets there: the
// re-anchoring of a version import as one pure call, so it runs in the heavy-work thread pool.
import { reanchorAll, type AnchorState } from '@/lib/anchoring/reanchor';
import { describeRange, type AnchorTarget } from '@/lib/anchoring/selectors';

export type VersionPlacement = AnchorTarget & { state: AnchorState; score: number };

/**
 * The previous version's text gives the re-anchorer the diff: untouched passages map in one pass,
 * and an edit in place is told from look-alikes that were already elsewhere. Annotations whose
 * offsets refer to an older version (orphans) are found by searching, as without it. An orphan
 * keeps its quote and context, with its offsets clamped into the new text.
 */
export function placeOnVersion(targets: readonly AnchorTarget[], text: string, previousText: string): VersionPlacement[] {
  const placed = reanchorAll(targets, text, { previousText });
  return targets.map((t, i) => {
    const r = placed[i]!;
    const target = r.state === 'orphaned' ? { exact: t.exact, prefix: t.prefix, suffix: t.suffix, start: r.start, end: r.end } : describeRange(text, r.start, r.end);
    return { ...target, state: r.state, score: r.score };
  });
}
