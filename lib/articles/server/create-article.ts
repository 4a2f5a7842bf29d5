import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { ArticleMetadataInput } from '@/lib/articles/article-schemas';
import { resolveArticleFields } from '@/lib/articles/resolve-article-fields';
import { contentHash } from '@/lib/articles/server/content-hash';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { docToJson } from '@/lib/db/server/json';
import { runWrite } from '@/lib/db/server/run-write';
import { importDocumentOr4xx } from '@/lib/documents/server/import-document-or-4xx';
import type { DocumentSource } from '@/lib/documents/server/import-document';

/**
 * Imports an article: any signed-in desk member may add one; it starts at version 1. The document
 * is parsed before the write, so a refused file stores nothing.
 */
export async function createArticle(db: Db, actor: Actor, input: { metadata: ArticleMetadataInput; source: DocumentSource }) {
  const imported = await importDocumentOr4xx(actor, input.source);
  const fields = resolveArticleFields(input.metadata, imported.metadata, imported.title);
  const title = fields.title;
  if (!title) throw new AppError('validation_failed', 'The article needs a title: give one, or start the text with a headline.');
  return runWrite(db, actor, ({ tx }) =>
    tx.article.create({
      data: {
        title,
        outlet: fields.outlet,
        byline: fields.byline,
        publishedAt: fields.publishedAt,
        url: fields.url,
        kind: input.metadata.kind ?? 'article',
        issuer: input.metadata.issuer ?? null,
        symbol: input.metadata.symbol ?? null,
        createdById: actor.id,
        versions: {
          create: {
            number: 1,
            doc: docToJson(imported.doc),
            text: imported.text,
            contentHash: contentHash(imported.text),
            format: imported.format,
            pages: imported.pages ?? undefined,
            createdById: actor.id,
          },
        },
      },
      include: { versions: { select: { id: true, number: true } } },
    }),
  );
}
