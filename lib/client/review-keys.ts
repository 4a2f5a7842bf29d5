// Query-key factories for the review features. Keys that belong to one annotation carry its id as
// a plain string part, so the live-events hook (which invalidates every query naming the id an
// event touches) refreshes verdicts, replies and history without knowing about them.
// Replies and history live under annotationKeys (lib/client/annotation-keys.ts).
import type { z } from 'zod';
import type { reviewQueueQuerySchema } from '@/lib/review/review-schemas';

/** The queue's filters, as GET /api/review-queue's query accepts them (blank means "any"). */
export type ReviewQueueFilters = z.input<typeof reviewQueueQuerySchema>;

export const reviewKeys = {
  all: ['review'] as const,
  verdicts: (annotationId: string) => [...reviewKeys.all, 'verdicts', annotationId] as const,
  queues: () => [...reviewKeys.all, 'queue'] as const,
  queue: (filters: ReviewQueueFilters) => [...reviewKeys.queues(), { articleId: filters.articleId ?? '', tag: filters.tag ?? '', author: filters.author ?? '', provenance: filters.provenance ?? '' }] as const,
  agreement: (articleId: string) => [...reviewKeys.all, 'agreement', articleId] as const,
  deleted: (articleId: string) => [...reviewKeys.all, 'deleted', articleId] as const,
  /** Article titles for the queue's and desk page's pickers. */
  articles: () => [...reviewKeys.all, 'articles'] as const,
  desk: () => ['desk'] as const,
};
