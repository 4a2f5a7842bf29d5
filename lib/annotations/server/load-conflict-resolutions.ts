import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { ConflictResolution } from '@/lib/review/open-conflicts';

/** The conflict rulings recorded on an article's annotations (from the audit log's 'conflict_resolved' events). */
export async function loadConflictResolutions(db: Db | Tx, articleId: string): Promise<ConflictResolution[]> {
  const events = await db.annotationEvent.findMany({
    where: { action: 'conflict_resolved', annotation: { articleId } },
    select: { after: true },
  });
  const rulings = new Map<string, ConflictResolution>();
  for (const { after } of events) {
    const r = after as Partial<Record<keyof ConflictResolution, unknown>> | null;
    if (r && typeof r.keep === 'string' && typeof r.other === 'string' && typeof r.tag === 'string') {
      rulings.set(`${r.keep}|${r.other}|${r.tag}`, { keep: r.keep, other: r.other, tag: r.tag });
    }
  }
  return [...rulings.values()];
}
