import 'server-only';
import { toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { loadConflictResolutions } from '@/lib/annotations/server/load-conflict-resolutions';
import { openConflicts, type ConflictResolution } from '@/lib/review/open-conflicts';
import type { TaggedSpan } from '@/lib/review/overlap';
import type { Db, Tx } from '@/lib/db/server/prisma';

export type ConflictMap = Map<string, string[]>;

/** Who is in an open conflict with whom among these spans (see openConflicts), as annotation id → ids, each list sorted. */
export function conflictMapOf(spans: readonly TaggedSpan[], resolutions: readonly ConflictResolution[] = []): ConflictMap {
  const map: ConflictMap = new Map();
  const add = (from: string, to: string) => {
    const list = map.get(from);
    if (list) list.push(to);
    else map.set(from, [to]);
  };
  for (const { a, b } of openConflicts(spans, resolutions)) {
    add(a, b);
    add(b, a);
  }
  for (const list of map.values()) list.sort();
  return map;
}

/**
 * Conflicts among an article's live, placed annotations: one query. Deleted and orphaned
 * annotations take no part (an orphan's offsets point at nothing).
 */
export async function loadConflictMap(db: Db | Tx, articleId: string): Promise<ConflictMap> {
  const [rows, resolutions] = await Promise.all([
    db.annotation.findMany({
      where: { articleId, deletedAt: null, anchorState: { not: 'orphaned' } },
      select: { id: true, start: true, end: true, authorId: true, tag: { select: { key: true } } },
    }),
    loadConflictResolutions(db, articleId),
  ]);
  return conflictMapOf(
    rows.map((r) => ({ id: r.id, start: r.start, end: r.end, authorId: r.authorId, tag: r.tag.key })),
    resolutions,
  );
}

/** The DTO of one row with its conflicts (none for deleted or orphaned annotations). */
export async function withConflicts(db: Db | Tx, row: AnnotationRow): Promise<AnnotationDto> {
  if (row.deletedAt || row.anchorState === 'orphaned') return toAnnotationDto(row);
  return toAnnotationDto(row, (await loadConflictMap(db, row.articleId)).get(row.id) ?? []);
}
