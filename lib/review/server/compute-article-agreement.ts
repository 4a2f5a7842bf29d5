import 'server-only';
import { computeUnitAgreement, type Analyst } from '@/lib/agreement/article-agreement';
import type { ArticleAgreementDto } from '@/lib/agreement/agreement-dto';
import { notFound } from '@/lib/api/app-error';
import type { Db } from '@/lib/db/server/prisma';
import type { Actor } from '@/lib/core/actor';
import { annotationScope } from '@/lib/core/permissions';
import { loadBlindState, scopeWhere } from '@/lib/assignments/server/read-scope';
import { computeAgreement } from '@/lib/review/agreement';

export const NON_BLIND_WARNING =
  'Computed on work done in the open: analysts could see each other’s highlights, so these figures measure copying as much as agreement. Assign the article blind for figures that mean something.';

/** Why a blind article's figures are empty: nobody (or one analyst) has submitted yet. */
export const BLIND_NOT_SUBMITTED = 'Computed on submitted blind work only: fewer than two assigned analysts have submitted their annotation yet.';

/**
 * Inter-analyst agreement on source tags. On a blind article: over the submitted assignees' own
 * annotations only (work done without seeing each other's — what makes the figures mean something),
 * and only what the actor may read. Otherwise over every analyst's live annotations, flagged as open
 * work. The curated layer is never compared: it is the result, not an annotator.
 */
export async function computeArticleAgreement(db: Db, actor: Pick<Actor, 'id' | 'role'>, articleId: string): Promise<ArticleAgreementDto> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { text: true } } },
  });
  if (!article) throw notFound('The article');
  const blind = await loadBlindState(db, articleId);
  const compared = blind.blind ? { authorId: { in: [...blind.submitted] } } : {};
  const [rows, tags] = await Promise.all([
    db.annotation.findMany({
      where: { articleId, deletedAt: null, curated: false, anchorState: { not: 'orphaned' }, ...compared, AND: [scopeWhere(annotationScope(actor, blind))] },
      select: { id: true, start: true, end: true, exact: true, note: true, authorId: true, author: { select: { name: true } }, tag: { select: { key: true } } },
    }),
    db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { key: true } }),
  ]);
  const spans = rows.map((r) => ({ id: r.id, start: r.start, end: r.end, exact: r.exact, note: r.note, authorId: r.authorId, tag: r.tag.key }));
  const analysts = new Map<string, Analyst>();
  for (const r of rows) analysts.set(r.authorId, { id: r.authorId, name: r.author.name });
  const tagKeys = tags.map((t) => t.key);
  const units = computeUnitAgreement({
    annotations: spans,
    analysts: [...analysts.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1)),
    textLength: article.versions[0]?.text.length ?? 0,
    tagKeys,
  });
  if (blind.blind && analysts.size < 2) units.reason = BLIND_NOT_SUBMITTED;
  return { ...computeAgreement(spans, tagKeys), ...units, blind: blind.blind, warning: blind.blind ? null : NON_BLIND_WARNING };
}
