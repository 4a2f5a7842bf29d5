'use client';

import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { tagsQuery, type SourceTag } from '@/lib/client/annotations-api';
import { tagKeys } from '@/lib/client/annotation-keys';
import { createTag, patchTag, type CreateTagRequest, type PatchTagRequest } from '@/lib/client/tags-api';

/** The source tags (data, not code), seeded from the server render when available. Archived ones included, flagged. */
export function useTags(initialTags?: SourceTag[]) {
  return useQuery({ ...tagsQuery(), initialData: initialTags });
}

/** Admin: adds a tag (it goes last in the order). */
export function useCreateTag() {
  return useOptimisticMutation({
    mutationFn: (input: CreateTagRequest) => createTag(input),
    settle: () => [tagKeys.all],
  });
}

/** Admin: renames, recolours, moves or (un)archives a tag; a move renumbers the others, so the whole list is refetched. */
export function useUpdateTag() {
  return useOptimisticMutation({
    mutationFn: ({ key, patch }: { key: string; patch: PatchTagRequest }) => patchTag(key, patch),
    settle: () => [tagKeys.all],
  });
}
