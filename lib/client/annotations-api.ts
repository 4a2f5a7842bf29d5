// Typed fetchers for the annotation endpoints of ../shared/API.md, plus the queryOptions shared by hooks.
import { queryOptions } from '@tanstack/react-query';
import { FALLBACK_TAG_COLOR } from '@/lib/tags/tag-color';
import type { z } from 'zod';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { confirmAnchorSchema, createAnnotationSchema, updateAnnotationSchema } from '@/lib/annotations/annotation-schemas';
import { annotationKeys, tagKeys } from '@/lib/client/annotation-keys';
import { apiFetch } from '@/lib/client/api-fetch';
import type { SourceTagDto } from '@/lib/tags/tag-dto';

/** A tag as the UI needs it (a fallback for a tag missing from the list carries only key, label and colour); `archived` tags stay on old annotations, new work offers only the others (activeTags). */
export type SourceTag = Pick<SourceTagDto, 'key' | 'label' | 'color'> & Partial<Pick<SourceTagDto, 'description' | 'sortOrder' | 'archived'>>;

/** The tag with `key`, or — for a key the list does not have (deleted from the desk, not loaded yet) — the key in neutral grey. */
export function tagByKey(tags: readonly SourceTag[], key: string): SourceTag {
  return tags.find((t) => t.key === key) ?? { key, label: key, color: FALLBACK_TAG_COLOR };
}

/** The tags a new annotation may take, in the desk's order (their 1, 2, 3… shortcuts). */
export function activeTags<T extends Pick<SourceTag, 'archived'>>(tags: readonly T[]): T[] {
  return tags.filter((t) => !t.archived);
}

/** Request bodies as the routes' schemas accept them (the server trims and normalises). */
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
export type ConfirmAnchorInput = z.input<typeof confirmAnchorSchema>;

const enc = encodeURIComponent;

/** The list with its live sequence number (the point the live stream continues from). */
export function fetchAnnotationList(articleId: string): Promise<{ annotations: AnnotationDto[]; seq: number }> {
  return apiFetch<{ annotations: AnnotationDto[]; seq: number }>(`/api/articles/${enc(articleId)}/annotations`);
}

/** What changed after live sequence number `since` (GET …/annotations?since=). */
export function fetchAnnotationChanges(articleId: string, since: number, init?: RequestInit): Promise<{ annotations: AnnotationDto[]; deleted: string[]; seq: number }> {
  return apiFetch(`/api/articles/${enc(articleId)}/annotations?since=${since}`, init);
}

export function createAnnotation(articleId: string, input: CreateAnnotationInput, idempotencyKey: string): Promise<AnnotationDto> {
  return apiFetch<{ annotation: AnnotationDto }>(`/api/articles/${enc(articleId)}/annotations`, {
    method: 'POST',
    json: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  }).then((r) => r.annotation);
}

export function updateAnnotation(annotationId: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  return apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${enc(annotationId)}`, { method: 'PATCH', json: input }).then(
    (r) => r.annotation,
  );
}

export function deleteAnnotation(annotationId: string): Promise<void> {
  return apiFetch<void>(`/api/annotations/${enc(annotationId)}`, { method: 'DELETE' });
}

/** Undoes a soft delete: the author's undo within the window, an admin's restore at any time. */
export function restoreAnnotation(annotationId: string): Promise<AnnotationDto> {
  return apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${enc(annotationId)}/restore`, { method: 'POST' }).then((r) => r.annotation);
}

/** Accepts a fuzzy re-anchor where it is, or moves it (start, end and exact together). */
export function confirmAnnotationAnchor(annotationId: string, input: ConfirmAnchorInput): Promise<AnnotationDto> {
  return apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${enc(annotationId)}/confirm-anchor`, { method: 'POST', json: input }).then(
    (r) => r.annotation,
  );
}

export function fetchTags(): Promise<SourceTag[]> {
  return apiFetch<{ tags: SourceTagDto[] }>('/api/tags').then((r) => r.tags);
}

export const annotationsQuery = (articleId: string) =>
  queryOptions({
    queryKey: annotationKeys.byArticle(articleId),
    // The list's sequence number goes beside it: the live hook continues the list from there.
    queryFn: ({ client }) =>
      fetchAnnotationList(articleId).then(({ annotations, seq }) => {
        client.setQueryData(annotationKeys.listSeq(articleId), seq);
        return annotations;
      }),
  });

export const tagsQuery = () => queryOptions({ queryKey: tagKeys.all, queryFn: fetchTags, staleTime: 5 * 60_000 });

/** Optimistic rows carry a temporary id until the server answers. */
export const TEMP_ID_PREFIX = 'temp-';
export const isPendingAnnotation = (a: Pick<AnnotationDto, 'id'>) => a.id.startsWith(TEMP_ID_PREFIX);
