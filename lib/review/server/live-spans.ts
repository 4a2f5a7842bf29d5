import 'server-only';
import type { TaggedSpan } from '@/lib/review/overlap';
import type { Db, Tx } from '@/lib/db/server/prisma';

/**
 * The spans review logic compares: an article's live annotations (not deleted, not orphaned).
 * Re-anchoring moves every annotation onto the newest version, so their offsets are comparable.
 */
export async function loadLiveSpans(db: Db | Tx, articleId: string): Promise<TaggedSpan[]> {
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null, anchorState: { not: 'orphaned' } },
    select: { id: true, start: true, end: true, authorId: true, tag: { select: { key: true } } },
  });
  return rows.map((r) => ({ id: r.id, start: r.start, end: r.end, authorId: r.authorId, tag: r.tag.key }));
}
