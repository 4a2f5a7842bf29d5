import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import { annotationDtoSelect, toAnnotationDto, type AnnotationDto } from '@/lib/annotations/annotation-dto';
import { conflictMapOf, loadConflictMap } from '@/lib/annotations/server/annotation-conflicts';
import { loadConflictResolutions } from '@/lib/annotations/server/load-conflict-resolutions';
import type { ListAnnotationsQuery } from '@/lib/annotations/annotation-schemas';
import type { Actor } from '@/lib/core/actor';
import type { Db, Prisma } from '@/lib/db/server/prisma';
import { canListDeletedAnnotations } from '@/lib/core/permissions';

/**
 * An article's annotations in document order (start, end), with their conflicts. Live ones only,
 * unless an admin asks for deleted ones too (to restore them). Two queries for the annotations and
 * their conflicts (one when unfiltered), whatever their number.
 */
export async function listAnnotations(db: Db, actor: Actor, articleId: string, query: ListAnnotationsQuery = {}): Promise<AnnotationDto[]> {
  if (query.includeDeleted) {
    const decision = canListDeletedAnnotations(actor);
    if (!decision.ok) throw forbidden(decision.reason);
  }
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('The article');

  const where: Prisma.AnnotationWhereInput = { articleId };
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
  const filtered = query.tag !== undefined || query.author !== undefined || query.status !== undefined || query.anchorState !== undefined || !!query.q;

  const rowsPromise = db.annotation.findMany({ where, select: annotationDtoSelect, orderBy: [{ start: 'asc' }, { end: 'asc' }, { id: 'asc' }] });
  // Unfiltered, the rows are the article's annotations already: no second query for conflicts.
  const [rows, conflicts, resolutions] = await Promise.all([
    rowsPromise,
    filtered ? loadConflictMap(db, articleId) : null,
    filtered ? [] : loadConflictResolutions(db, articleId),
  ]);
  const map =
    conflicts ??
    conflictMapOf(
      rows
        .filter((r) => r.deletedAt === null && r.anchorState !== 'orphaned')
        .map((r) => ({ id: r.id, start: r.start, end: r.end, authorId: r.author.id, tag: r.tag.key })),
      resolutions,
    );
  return rows.map((row) => toAnnotationDto(row, row.deletedAt ? [] : (map.get(row.id) ?? [])));
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
