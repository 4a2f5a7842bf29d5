// A brief input in parts: the head (article, version, desk, tags) and pages of annotations, as the
// server loads it (lib/export/server/load-brief-input.ts) and hands it to the heavy-work thread.
import type { BriefAnnotationInput, BriefInput, PreviousCheckInput } from '@/lib/export/brief-input';

/** Everything but the annotations. */
export type BriefHead = Omit<BriefInput, 'annotations' | 'previousChecks'>;

/** One page of annotations, in the brief's order, with the earlier checks they restate. */
export type BriefPage = { annotations: BriefAnnotationInput[]; previousChecks: Array<[string, PreviousCheckInput]> };

/** The head and its pages as one BriefInput; pages are in order. */
export function joinBriefPages(head: BriefHead, pages: Iterable<BriefPage>): BriefInput {
  const annotations: BriefAnnotationInput[] = [];
  const previousChecks = new Map<string, PreviousCheckInput>();
  for (const page of pages) {
    for (const a of page.annotations) annotations.push(a);
    for (const [id, check] of page.previousChecks) previousChecks.set(id, check);
  }
  return { ...head, annotations, previousChecks };
}
