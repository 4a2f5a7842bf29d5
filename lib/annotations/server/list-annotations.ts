import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { conflictMapOf, loadConflictMap } from '@/lib/annotations/server/annotation-conflicts';
import { loadConflictResolutions } from '@/lib/annotations/server/load-conflict-resolutions';
import type { ListAnnotationsQuery } from '@/lib/annotations/annotation-schemas';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma } from '@/lib/db/server/prisma';
import { canListDeletedAnnotations } from '@/lib/core/permissions';
import { cachedList, rememberList, type ListCacheKey } from '@/lib/annotations/server/annotation-list-cache';
import { readListState, type ListState } from '@/lib/annotations/server/read-list-state';
import { loadAnnotationScope, scopeWhere } from '@/lib/assignments/server/read-scope';
import { scopedAnnotation } from '@/lib/annotations/scoped-annotation';
import { withViewerProvenance } from '@/lib/provenance/server/viewer-provenance';
import type { AnnotationScope } from '@/lib/core/permissions';

/** Rows loaded and mapped at a time: a 10,000-annotation list never sits in memory as one string. */
export const ANNOTATION_PAGE_SIZE = 1_000;

export type AnnotationList = { annotations: AnnotationDto[]; seq: number };

/**
 * An article's annotations in document order (start, end), with their conflicts, and the article's
 * live sequence number read before them (events after it are news to whoever holds this list).
 * Live ones only, unless an admin asks for deleted ones too (to restore them); on a blind article,
 * only those in the actor's scope (lib/core/permissions.ts annotationScope).
 */
export async function listAnnotations(db: Db, actor: Actor, articleId: string, query: ListAnnotationsQuery = {}): Promise<AnnotationList> {
  const { seq, pages } = await annotationPages(db, actor, articleId, query);
  const annotations: AnnotationDto[] = [];
  for await (const page of pages) annotations.push(...page);
  return { annotations, seq };
}

/**
 * The permission check and the sequence number up front; then the list page by page (see
 * ANNOTATION_PAGE_SIZE). A whole list of up to a page is shared between viewers with the same scope
 * (lib/annotations/server/annotation-list-cache.ts); what only this viewer may or may not read is
 * applied to it here, every time.
 */
export async function annotationPages(
  db: Db,
  actor: Actor,
  articleId: string,
  query: ListAnnotationsQuery = {},
  known?: ListState,
): Promise<{ seq: number; pages: AsyncGenerator<AnnotationDto[]> }> {
  assertMayList(actor, query);
  const state = known ?? (await readListState(db, articleId));
  if (state === null) throw notFound('The article');
  const scope = await loadAnnotationScope(db, actor, articleId);
  const includeDeleted = !!query.includeDeleted;
  const pages = filtered(query)
    ? filteredPages(db, actor, articleId, query, scope)
    : state.count <= ANNOTATION_PAGE_SIZE
      ? sharedWholeList(db, { articleId, seq: state.seq, fingerprint: state.fingerprint, includeDeleted, scope })
      : wholePages(db, articleId, includeDeleted, scope);
  return { seq: state.seq, pages: scoped(db, actor, pages, scope) };
}

/** The whole list as built for this key within the last seconds, else built (one page) and kept. */
async function* sharedWholeList(db: Db, key: ListCacheKey): AsyncGenerator<AnnotationDto[]> {
  const cached = cachedList(key);
  if (cached) {
    yield [...cached];
    return;
  }
  const built: AnnotationDto[] = [];
  for await (const page of wholePages(db, key.articleId, key.includeDeleted, key.scope)) built.push(...page);
  rememberList(key, built);
  yield [...built];
}

/** Each page as the actor sees it: conflicts narrowed to their scope here, provenance to the links they may read (those may cite other articles). */
async function* scoped(db: Db, actor: Actor, pages: AsyncGenerator<AnnotationDto[]>, scope: AnnotationScope): AsyncGenerator<AnnotationDto[]> {
  for await (const page of pages) {
    const seen = await withViewerProvenance(db, actor, page);
    yield scope.all ? seen : seen.map((a) => scopedAnnotation(a, scope));
  }
}

export function assertMayList(actor: Actor, query: ListAnnotationsQuery): void {
  if (query.includeDeleted) {
    const decision = canListDeletedAnnotations(actor);
    if (!decision.ok) throw forbidden(decision.reason);
  }
}

function filtered(query: ListAnnotationsQuery): boolean {
  return query.tag !== undefined || query.author !== undefined || query.status !== undefined || query.anchorState !== undefined || !!query.q;
}

/**
 * The whole list. Up to a page, one query for the rows (the conflicts are computed from them) beside
 * one for the rulings. Larger, a light query gives the order and the spans for the conflicts, then
 * the rows follow by id, a page at a time (ids, not offsets, page it: a row re-anchored while the
 * list is read can neither be skipped nor sent twice).
 */
async function* wholePages(db: Db, articleId: string, includeDeleted: boolean, scope: AnnotationScope): AsyncGenerator<AnnotationDto[]> {
  const where: Prisma.AnnotationWhereInput = { articleId, ...(includeDeleted ? {} : { deletedAt: null }), ...scopeWhere(scope) };
  const order = [{ start: 'asc' as const }, { end: 'asc' as const }, { id: 'asc' as const }];
  const placed = (r: { deletedAt: Date | null; anchorState: string }) => r.deletedAt === null && r.anchorState !== 'orphaned';
  const spanOf = (r: { id: string; start: number; end: number; authorId: string; tag: { key: string } }) => ({ id: r.id, start: r.start, end: r.end, authorId: r.authorId, tag: r.tag.key });
  const [firstRows, resolutions] = await Promise.all([
    db.annotation.findMany({ where, select: { ...annotationDtoSelect, authorId: true }, orderBy: order, take: ANNOTATION_PAGE_SIZE + 1 }),
    loadConflictResolutions(db, articleId),
  ]);
  if (firstRows.length <= ANNOTATION_PAGE_SIZE) {
    const map = conflictMapOf(firstRows.filter(placed).map(spanOf), resolutions);
    yield firstRows.map((row) => toAnnotationDto(row, row.deletedAt ? [] : (map.get(row.id) ?? [])));
    return;
  }
  const spans = await db.annotation.findMany({
    where,
    select: { id: true, start: true, end: true, authorId: true, deletedAt: true, anchorState: true, tag: { select: { key: true } } },
    orderBy: order,
  });
  const map = conflictMapOf(spans.filter(placed).map(spanOf), resolutions);
  for (let i = 0; i < spans.length; i += ANNOTATION_PAGE_SIZE) {
    const ids = spans.slice(i, i + ANNOTATION_PAGE_SIZE).map((s) => s.id);
    const rows = await db.annotation.findMany({ where: { id: { in: ids }, ...(includeDeleted ? {} : { deletedAt: null }) }, select: annotationDtoSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const page: AnnotationDto[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) page.push(toAnnotationDto(row, row.deletedAt ? [] : (map.get(row.id) ?? [])));
    }
    yield page;
  }
}

/** A filtered list (a tag, an author, a search): one page, conflicts from the whole article. */
async function* filteredPages(db: Db, actor: Actor, articleId: string, query: ListAnnotationsQuery, scope: AnnotationScope): AsyncGenerator<AnnotationDto[]> {
  const where: Prisma.AnnotationWhereInput = { articleId, AND: [scopeWhere(scope)] };
  if (!query.includeDeleted) where.deletedAt = null;
  if (query.tag !== undefined) where.tag = { key: await knownTagKey(db, query.tag) };
  if (query.author !== undefined) where.authorId = query.author === 'me' ? actor.id : query.author;
  if (query.status !== undefined) where.status = query.status;
  if (query.anchorState !== undefined) where.anchorState = query.anchorState;
  if (query.q) {
    // Prisma passes `contains` to ILIKE as is: escape its wildcards so "50%" means the text "50%".
    const contains = { contains: escapeLike(query.q), mode: 'insensitive' as const };
    where.OR = [{ exact: contains }, { note: contains }, { sourceDetail: contains }];
  }
  const [rows, map] = await Promise.all([
    db.annotation.findMany({ where, select: annotationDtoSelect, orderBy: [{ start: 'asc' }, { end: 'asc' }, { id: 'asc' }] }),
    loadConflictMap(db, articleId),
  ]);
  yield rows.map((row) => toAnnotationDto(row, row.deletedAt ? [] : (map.get(row.id) ?? [])));
}

/** 400 listing the valid keys for a tag filter naming no tag (archived tags still filter old work). */
async function knownTagKey(db: Db, key: string): Promise<string> {
  const tags = await db.sourceTag.findMany({ orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }], select: { key: true } });
  if (tags.some((t) => t.key === key)) return key;
  throw new AppError('validation_failed', `Unknown tag "${key}": use one of ${tags.map((t) => t.key).join(', ')}.`, [
    { path: 'tag', message: `must be one of: ${tags.map((t) => t.key).join(', ')}` },
  ]);
}

/** `value` with LIKE's wildcards (%, _) and its escape character (a backslash) taken literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
