// Typed fetchers for the tag vocabulary (POST /api/tags, PATCH /api/tags/:key); GET is fetchTags in annotations-api.
import type { z } from 'zod';
import { apiFetch } from '@/lib/client/api-fetch';
import type { SourceTagDto } from '@/lib/tags/tag-dto';
import type { createTagSchema, patchTagSchema } from '@/lib/tags/tag-schemas';

export type CreateTagRequest = z.input<typeof createTagSchema>;
export type PatchTagRequest = z.input<typeof patchTagSchema>;

export function createTag(input: CreateTagRequest): Promise<SourceTagDto> {
  return apiFetch<{ tag: SourceTagDto }>('/api/tags', { method: 'POST', json: input }).then((r) => r.tag);
}

export function patchTag(key: string, patch: PatchTagRequest): Promise<SourceTagDto> {
  return apiFetch<{ tag: SourceTagDto }>(`/api/tags/${encodeURIComponent(key)}`, { method: 'PATCH', json: patch }).then((r) => r.tag);
}
