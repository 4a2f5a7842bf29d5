import 'server-only';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto, type AnnotationRow } from '@/lib/annotations/annotation-dto';
import { loadConflictResolutions, loadConflictResolutionsOf } from '@/lib/annotations/server/load-conflict-resolutions';
import { openConflicts, type ConflictResolution } from '@/lib/review/open-conflicts';
import { findConflicts, type TaggedSpan } from '@/lib/review/overlap';
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

const TARGETED_MAX = 50;

/**
 * The conflicts of a few annotations of one article, without reading the whole article: a conflict
 * needs an overlap, so only the spans overlapping them are loaded (one query), and rulings only when
 * some pair could conflict (a second one). The same answer as `loadConflictMap(…).get(id)`: each
 * pair is judged on its own two spans and the rulings recorded on them.
 */
export async function loadConflictsOf(db: Db | Tx, articleId: string, rows: ReadonlyArray<Pick<AnnotationRow, 'id' | 'start' | 'end' | 'deletedAt' | 'anchorState'>>): Promise<ConflictMap> {
  const placed = rows.filter((r) => !r.deletedAt && r.anchorState !== 'orphaned' && r.end > r.start);
  if (placed.length === 0) return new Map();
  if (placed.length > TARGETED_MAX) {
    // Many at once (a delta after a new version): the whole article in one pass is cheaper than a huge OR.
    const wanted = new Set(placed.map((r) => r.id));
    const all = await loadConflictMap(db, articleId);
    for (const id of all.keys()) if (!wanted.has(id)) all.delete(id);
    return all;
  }
  const neighbours = await db.annotation.findMany({
    where: { articleId, deletedAt: null, anchorState: { not: 'orphaned' }, OR: placed.map((r) => ({ start: { lt: r.end }, end: { gt: r.start } })) },
    select: { id: true, start: true, end: true, authorId: true, tag: { select: { key: true } } },
  });
  const spans: TaggedSpan[] = neighbours.map((r) => ({ id: r.id, start: r.start, end: r.end, authorId: r.authorId, tag: r.tag.key }));
  const wanted = new Set(placed.map((r) => r.id));
  const candidates = findConflicts(spans).filter((c) => wanted.has(c.a) || wanted.has(c.b));
  if (candidates.length === 0) return new Map();
  const involved = [...new Set(candidates.flatMap((c) => [c.a, c.b]))];
  const map = conflictMapOf(spans, await loadConflictResolutionsOf(db, involved));
  for (const id of map.keys()) if (!wanted.has(id)) map.delete(id);
  return map;
}

/**
 * The conflicts of an annotation being created, from the live, placed spans overlapping it (read in
 * its transaction before the insert): a new annotation has no rulings yet, so they are the overlaps
 * alone — loadConflictsOf's answer for it, without its queries.
 */
export function conflictsOfNew(created: TaggedSpan, neighbours: readonly TaggedSpan[]): string[] {
  return conflictMapOf([...neighbours.filter((n) => n.id !== created.id), created]).get(created.id) ?? [];
}

/** The DTO of one row with its conflicts (none for deleted or orphaned annotations). */
export async function withConflicts(db: Db | Tx, row: AnnotationRow): Promise<AnnotationDto> {
  if (row.deletedAt || row.anchorState === 'orphaned') return toAnnotationDto(row);
  return toAnnotationDto(row, (await loadConflictsOf(db, row.articleId, [row])).get(row.id) ?? []);
}

/** DTOs of annotations by id (any articles, deleted ones included), each with its conflicts. */
export async function loadAnnotationDtos(db: Db | Tx, ids: readonly string[]): Promise<Map<string, AnnotationDto>> {
  const out = new Map<string, AnnotationDto>();
  if (ids.length === 0) return out;
  const rows = await db.annotation.findMany({ where: { id: { in: [...ids] } }, select: annotationDtoSelect });
  const byArticle = new Map<string, AnnotationRow[]>();
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row]);
  // One after the other: inside a transaction the queries share one connection anyway.
  for (const [articleId, list] of byArticle) {
    const conflicts = await loadConflictsOf(db, articleId, list);
    for (const row of list) out.set(row.id, toAnnotationDto(row, conflicts.get(row.id) ?? []));
  }
  return out;
}
