import 'server-only';
import { computeUnitAgreement, type Analyst } from '@/lib/agreement/article-agreement';
import type { ArticleAgreementDto } from '@/lib/agreement/agreement-dto';
import { notFound } from '@/lib/api/app-error';
import type { Db } from '@/lib/db/server/prisma';
import { computeAgreement } from '@/lib/review/agreement';

export const NON_BLIND_WARNING =
  'Computed on work done in the open: analysts could see each other’s highlights, so these figures measure copying as much as agreement. Assign the article blind for figures that mean something.';

/** Inter-analyst agreement on source tags over the article's live annotations. */
export async function computeArticleAgreement(db: Db, articleId: string): Promise<ArticleAgreementDto> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, versions: { orderBy: { number: 'desc' }, take: 1, select: { text: true } } },
  });
  if (!article) throw notFound('The article');
  const [rows, tags] = await Promise.all([
    db.annotation.findMany({
      where: { articleId, deletedAt: null, anchorState: { not: 'orphaned' } },
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
  return { ...computeAgreement(spans, tagKeys), ...units, blind: false, warning: NON_BLIND_WARNING };
}
