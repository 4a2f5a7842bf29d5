import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Db } from '@/lib/db/server/prisma';
import { computeAgreement, type AgreementResult } from '@/lib/review/agreement';
import { loadLiveSpans } from '@/lib/review/server/live-spans';

/** Inter-analyst agreement on source tags over the article's live annotations. */
export async function computeArticleAgreement(db: Db, articleId: string): Promise<AgreementResult> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound('The article');
  const [spans, tags] = await Promise.all([
    loadLiveSpans(db, articleId),
    db.sourceTag.findMany({ where: { archivedAt: null }, orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }], select: { key: true } }),
  ]);
  return computeAgreement(spans, tags.map((t) => t.key));
}
