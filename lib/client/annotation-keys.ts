// Query-key factories for annotations and source tags. Every hook and invalidation goes through
// these, so a prefix (e.g. `annotationKeys.all`) reliably reaches every annotation query.

export const annotationKeys = {
  all: ['annotations'] as const,
  lists: () => [...annotationKeys.all, 'list'] as const,
  byArticle: (articleId: string) => [...annotationKeys.lists(), articleId] as const,
  /** The live sequence number the article's list was read at (set by its fetcher; the live hook's starting point). */
  listSeq: (articleId: string) => [...annotationKeys.all, 'list-seq', articleId] as const,
  /** Whether the article's live stream is open (then mutations need not refetch the list: the stream brings the change). */
  live: (articleId: string) => [...annotationKeys.all, 'live', articleId] as const,
  /** Prefix of every article's live flag (is any stream open in this tab?). */
  liveAll: () => [...annotationKeys.all, 'live'] as const,
  detail: (annotationId: string) => [...annotationKeys.all, 'detail', annotationId] as const,
  history: (annotationId: string) => [...annotationKeys.all, 'history', annotationId] as const,
  replies: (annotationId: string) => [...annotationKeys.all, 'replies', annotationId] as const,
};

export const tagKeys = {
  all: ['tags'] as const,
};
