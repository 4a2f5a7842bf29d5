/**
 * The Prisma filter for live evidence links: not deleted, and a link to another annotation only while
 * that annotation is live (a deleted claim cannot be evidence). Every read of links uses it, so a
 * claim's provenance, its evidence list and a source's cited-by agree.
 */
export const LIVE_EVIDENCE = { deletedAt: null, NOT: { targetAnnotation: { deletedAt: { not: null } } } } as const;
