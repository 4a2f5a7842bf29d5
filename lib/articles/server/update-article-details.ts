import 'server-only';
import { forbidden, notFound } from '@/lib/api/app-error';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { PatchArticleDetailsInput } from '@/lib/articles/article-schemas';
import { getArticle } from '@/lib/articles/server/get-article';
import type { Actor } from '@/lib/core/actor';
import { canEditArticleDetails } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';

const DETAIL_FIELDS = ['title', 'outlet', 'byline', 'publishedAt', 'url', 'kind', 'issuer', 'symbol'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * PATCH /api/articles/:id/details: corrects what a document is (a source's issuing body or symbol
 * typed wrong at import, a date, the URL) — its text stays as imported. One transaction with the
 * audit entry naming each changed field before and after; nothing changed, nothing written.
 */
export async function updateArticleDetails(db: Db, actor: Actor, articleId: string, input: PatchArticleDetailsInput): Promise<{ article: ArticleSummaryDto }> {
  await runWrite(db, actor, async (w) => {
    const rows = await w.tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
    if (rows.length === 0) throw notFound('The article');
    const current = await w.tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { createdById: true, title: true, outlet: true, byline: true, publishedAt: true, url: true, kind: true, issuer: true, symbol: true } });
    const decision = canEditArticleDetails(actor, current.createdById);
    if (!decision.ok) throw forbidden(decision.reason);
    const changed = DETAIL_FIELDS.filter((f) => input[f] !== undefined && shown(input[f]) !== shown(current[f]));
    if (changed.length === 0) return;
    const pick = <F extends DetailField>(f: F) => (changed.includes(f) ? input[f] : undefined);
    await w.tx.article.update({
      where: { id: articleId },
      // title is never null here (the schema refuses clearing it)
      data: { title: pick('title') ?? undefined, outlet: pick('outlet'), byline: pick('byline'), publishedAt: pick('publishedAt'), url: pick('url'), kind: pick('kind'), issuer: pick('issuer'), symbol: pick('symbol') },
    });
    await w.auditArticle({
      articleId,
      action: 'details_changed',
      before: Object.fromEntries(changed.map((f) => [f, shown(current[f])])),
      after: Object.fromEntries(changed.map((f) => [f, shown(input[f])])),
    });
  });
  return { article: (await getArticle(db, actor, articleId)).article };
}
