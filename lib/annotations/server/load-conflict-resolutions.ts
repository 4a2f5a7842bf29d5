import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { ConflictResolution } from '@/lib/review/open-conflicts';

/** The conflict rulings recorded on an article's annotations (from the audit log's 'conflict_resolved' events). */
export async function loadConflictResolutions(db: Db | Tx, articleId: string): Promise<ConflictResolution[]> {
  const events = await db.annotationEvent.findMany({
    where: { action: 'conflict_resolved', annotation: { articleId } },
    select: { after: true },
  });
  return resolutionsOf(events);
}

/**
 * The rulings that involve these annotations. A ruling is recorded on both annotations of the pair,
 * so looking up one side's audit entries (by its annotation id, an indexed lookup) finds it.
 */
export async function loadConflictResolutionsOf(db: Db | Tx, annotationIds: readonly string[]): Promise<ConflictResolution[]> {
  if (annotationIds.length === 0) return [];
  const events = await db.annotationEvent.findMany({
    where: { action: 'conflict_resolved', annotationId: { in: [...annotationIds] } },
    select: { after: true },
  });
  return resolutionsOf(events);
}

function resolutionsOf(events: ReadonlyArray<{ after: unknown }>): ConflictResolution[] {
  const rulings = new Map<string, ConflictResolution>();
  for (const { after } of events) {
    const r = after as Partial<Record<keyof ConflictResolution, unknown>> | null;
    if (r && typeof r.keep === 'string' && typeof r.other === 'string' && typeof r.tag === 'string') {
      rulings.set(`${r.keep}|${r.other}|${r.tag}`, { keep: r.keep, other: r.other, tag: r.tag });
    }
  }
  return [...rulings.values()];
}
