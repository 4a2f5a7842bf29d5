import { z } from 'zod';

/**
 * Where each page of a paginated source (a PDF) starts in the version's canonical text.
 * Entries are in page order with non-decreasing `start`; a page without text starts where the
 * next one does. `label` is the printed page label when the PDF declares one ("iv", "12"),
 * else the page number.
 */
export type PageMapEntry = { page: number; label: string; start: number };
export type PageMap = PageMapEntry[];

export const pageMapSchema = z
  .array(z.strictObject({ page: z.number().int().min(1), label: z.string().max(40), start: z.number().int().min(0) }))
  .max(100_000);

/** The stored JSON as a page map, or null when the version has none (or it is malformed). */
export function readPageMap(raw: unknown): PageMap | null {
  if (raw === null || raw === undefined) return null;
  const parsed = pageMapSchema.safeParse(raw);
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

/** The page an offset falls on (the last page starting at or before it). */
export function pageAt(pages: PageMap, offset: number): PageMapEntry {
  let lo = 0;
  let hi = pages.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // Several pages may start at the same offset (blank pages): the text there belongs to the last.
  return pages[found]!;
}

/** The pages a range [start, end) covers, first and last. */
export function pagesOf(pages: PageMap, start: number, end: number): { first: PageMapEntry; last: PageMapEntry } {
  const first = pageAt(pages, start);
  const last = pageAt(pages, Math.max(start, end - 1));
  return { first, last };
}

/** "p. 12" or "pp. 12–13" for a range, as a citation reads. */
export function pageLabel(pages: PageMap, start: number, end: number): string {
  const { first, last } = pagesOf(pages, start, end);
  return first.page === last.page ? `p. ${first.label}` : `pp. ${first.label}–${last.label}`;
}
