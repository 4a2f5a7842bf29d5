// The CPU-heavy, database-free half of a W3C annotation import: the body parsed and checked, and
// every annotation placed in the article's text (a whole-text approximate search when the quote is
// not found verbatim) with its matching keys. Pure, so it runs in the heavy-work thread pool; what
// needs the database (tags, duplicates, the write) stays with the caller.
import { describeRange, reanchorAll, type AnchorState } from '@/lib/anchoring';
import { parseJsonText } from '@/lib/api/read-body';
import { claimKeyColumns, type ClaimKeyColumns } from '@/lib/matching/claim-key-columns';
import { parseJsonLd, positionInText, type ImportedAnnotation, type ImportedLink, type ImportSkip } from './from-jsonld';

export type ImportPlacement = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  state: AnchorState;
  score: number;
  /** The ClaimKey columns of `exact`. */
  columns: ClaimKeyColumns;
};

export type ImportPlan =
  | { ok: true; annotations: ImportedAnnotation[]; links: ImportedLink[]; skipped: ImportSkip[]; placements: ImportPlacement[] }
  | { ok: false; errors: string[] };

/** `body` is the request body as sent; `text` the current version's canonical text. */
export function planAnnotationImport(body: string, text: string): ImportPlan {
  const document = parseJsonText(body, 'Send a W3C AnnotationCollection, AnnotationPage, Annotation or an array of annotations.');
  const parsed = parseJsonLd(document);
  if (!parsed.ok) return parsed;
  // The document counts positions in code points of the text it was made on: a hint for where
  // to look. Without its text there is no diff: every quote is searched for by quote and context.
  const placed = reanchorAll(
    parsed.annotations.map((a) => {
      const at = positionInText(a, text) ?? { start: 0, end: a.exact.length };
      return { exact: a.exact, prefix: a.prefix, suffix: a.suffix, ...at };
    }),
    text,
  );
  const placements = parsed.annotations.map((a, i): ImportPlacement => {
    const r = placed[i]!;
    // An orphan is kept with its quote so that it can be re-attached by hand; offsets clamped into the text.
    const target = r.state === 'orphaned' ? { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: r.start, end: r.end } : describeRange(text, r.start, r.end);
    return { ...target, state: r.state, score: r.score, columns: claimKeyColumns(target.exact) };
  });
  return { ok: true, annotations: parsed.annotations, links: parsed.links, skipped: parsed.skipped, placements };
}
