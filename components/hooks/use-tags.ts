'use client';

import { useQuery } from '@tanstack/react-query';
import { tagsQuery, type SourceTag } from '@/lib/client/annotations-api';

/** The source tags (data, not code), seeded from the server render when available. */
export function useTags(initialTags?: SourceTag[]) {
  return useQuery({ ...tagsQuery(), initialData: initialTags });
}
