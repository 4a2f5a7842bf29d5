'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tagsQuery, type SourceTag } from '@/lib/client/annotations-api';
import { tagKeys } from '@/lib/client/annotation-keys';
import { createTag, patchTag, type CreateTagRequest, type PatchTagRequest } from '@/lib/client/tags-api';

/** The source tags (data, not code), seeded from the server render when available. Archived ones included, flagged. */
export function useTags(initialTags?: SourceTag[]) {
  return useQuery({ ...tagsQuery(), initialData: initialTags });
}

/** Admin: adds a tag (it goes last in the order). */
export function useCreateTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTagRequest) => createTag(input),
    onSettled: () => client.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

/** Admin: renames, recolours, moves or (un)archives a tag; a move renumbers the others, so the whole list is refetched. */
export function useUpdateTag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, patch }: { key: string; patch: PatchTagRequest }) => patchTag(key, patch),
    onSettled: () => client.invalidateQueries({ queryKey: tagKeys.all }),
  });
}
