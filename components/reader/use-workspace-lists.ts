'use client';

// What the workspace shows, derived from the annotation list: document order, placed vs orphaned,
// the filtered view, counts per tag, and the highlights the reader draws.
import { FALLBACK_TAG_COLOR } from '@/lib/tags/tag-color';
import { useMemo } from 'react';
import { isOrphan } from '@/lib/annotations/annotation-count';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { isPendingAnnotation, type SourceTag } from '@/lib/client/annotations-api';
import { tagLetters } from '@/lib/tags/tag-letter';
import type { HighlightInput } from '@/components/reader/annotation-highlights';
import { applyFilters, byDocumentOrder, type AnnotationFilters } from '@/components/annotations/annotation-filters';


/** The id of the hidden text a highlight is described by (components/reader/highlight-descriptions.tsx). */
export const highlightDescriptionId = (annotationId: string) => `cd-hl-desc-${annotationId}`;

// One highlight object per annotation object (while the tags stay the same): after a live event every
// unchanged annotation yields the very same highlight, which the decoration plugin and the hidden
// descriptions recognise by identity and skip. Weak: rows that leave the cache take theirs along.
const highlightOf = new WeakMap<AnnotationDto, { tagByKey: Map<string, SourceTag>; letters: Map<string, string>; h: HighlightInput }>();

export function useWorkspaceLists(annotations: AnnotationDto[] | undefined, tags: SourceTag[], filters: AnnotationFilters, currentUser: CurrentUser) {
  const all = useMemo(() => (annotations ?? []).filter((a) => !a.deletedAt).sort(byDocumentOrder), [annotations]);
  const anchored = useMemo(() => all.filter((a) => !isOrphan(a)), [all]);
  const orphaned = useMemo(() => all.filter(isOrphan), [all]);
  const visible = useMemo(() => applyFilters(anchored, filters, currentUser.id), [anchored, filters, currentUser.id]);
  const byId = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const tagByKey = useMemo(() => new Map(tags.map((t) => [t.key, t])), [tags]);
  const letters = useMemo(() => tagLetters(tags), [tags]);
  const authors = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of all) seen.set(a.author.id, a.author.name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [all]);
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const a of anchored) c.set(a.tag, (c.get(a.tag) ?? 0) + 1);
    return c;
  }, [anchored]);
  const conflictCount = useMemo(() => anchored.filter((a) => a.conflictsWith.length > 0).length, [anchored]);

  const highlights = useMemo<HighlightInput[]>(
    () =>
      visible.map((a) => {
        const known = highlightOf.get(a);
        if (known && known.tagByKey === tagByKey && known.letters === letters) return known.h;
        const tag = tagByKey.get(a.tag);
        const h: HighlightInput = {
          id: a.id,
          start: a.target.start,
          end: a.target.end,
          color: tag?.color ?? FALLBACK_TAG_COLOR,
          pending: isPendingAnnotation(a),
          fuzzy: a.anchorState === 'fuzzy',
          label: `${tag?.label ?? a.tag} — ${a.author.name}`,
          conflict: a.conflictsWith.length > 0,
          letter: letters.get(a.tag),
          describedBy: highlightDescriptionId(a.id),
        };
        highlightOf.set(a, { tagByKey, letters, h });
        return h;
      }),
    [visible, tagByKey, letters],
  );

  // One object per change, so a deferred copy of it (article-workspace.tsx) is only re-rendered when something in it changed.
  return useMemo(
    () => ({ all, anchored, orphaned, visible, byId, tagByKey, letters, authors, counts, conflictCount, highlights }),
    [all, anchored, orphaned, visible, byId, tagByKey, letters, authors, counts, conflictCount, highlights],
  );
}
