// The CPU-heavy, database-free half of importing evidence links: each imported passage placed in its
// source's current text (the document's position is a hint, the quote and its context decide).
// Runs in the heavy-work pool like the annotations' placement; the caller found the sources.
import { describeRange, reanchorAll, type AnchorState } from '@/lib/anchoring';
import { positionInText, type ImportedLink } from './from-jsonld';

export type EvidencePlacement = { exact: string; prefix: string; suffix: string; start: number; end: number; state: AnchorState };

/**
 * One placement per passage, in order; null where the quote is not in the source text. A fuzzy hit is
 * refused as well: an imported link must quote the source's own words, never nearby ones.
 */
export function planEvidencePlacement(passages: ReadonlyArray<NonNullable<ImportedLink['passage']>>, text: string): Array<EvidencePlacement | null> {
  const placed = reanchorAll(
    passages.map((p) => ({ exact: p.exact, prefix: p.prefix, suffix: p.suffix, ...(positionInText(p, text) ?? { start: 0, end: p.exact.length }) })),
    text,
  );
  return placed.map((r) => {
    if (r.state === 'orphaned' || r.state === 'fuzzy') return null;
    // Found verbatim: where the document said it was or elsewhere, the words are the source's own.
    return { ...describeRange(text, r.start, r.end), state: 'exact' };
  });
}
