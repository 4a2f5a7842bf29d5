// One definition of "how many annotations", so the article header and the sidebar never disagree:
// the annotations whose words are in this version are counted, orphans (their words are gone) are
// counted apart and said so, and deleted ones are not counted at all.

export type AnnotationCount = { inText: number; orphaned: number };

export function countAnnotations(annotations: ReadonlyArray<{ deletedAt: string | null; orphaned: boolean; anchorState: string }>): AnnotationCount {
  let inText = 0;
  let orphaned = 0;
  for (const a of annotations) {
    if (a.deletedAt) continue;
    if (isOrphan(a)) orphaned += 1;
    else inText += 1;
  }
  return { inText, orphaned };
}

/** An orphan's words are no longer in the text: the server flags it, or its anchor says so. */
export function isOrphan(a: { orphaned: boolean; anchorState: string }): boolean {
  return a.orphaned || a.anchorState === 'orphaned';
}

/** "12 annotations", "1 annotation · 2 orphaned". */
export function describeAnnotationCount({ inText, orphaned }: AnnotationCount): string {
  const main = `${inText} annotation${inText === 1 ? '' : 's'}`;
  return orphaned ? `${main} · ${orphaned} orphaned` : main;
}
