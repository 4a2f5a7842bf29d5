import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { CreateArticleInput } from '@/lib/articles/article-schemas';
import { contentHash } from '@/lib/articles/server/content-hash';
import { parseArticleOr400 } from '@/lib/articles/parse-or-400';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { docToJson } from '@/lib/db/server/json';
import { runWrite } from '@/lib/db/server/run-write';

/** Imports an article: any signed-in desk member may add one; it starts at version 1. */
export async function createArticle(db: Db, actor: Actor, input: CreateArticleInput) {
  const parsed = parseArticleOr400({ format: input.format, content: input.content });
  const title = input.title ?? parsed.title;
  if (!title) throw new AppError('validation_failed', 'The article needs a title: give one, or start the text with a headline.');
  return runWrite(db, actor, ({ tx }) =>
    tx.article.create({
      data: {
        title,
        outlet: input.outlet ?? null,
        byline: input.byline ?? null,
        publishedAt: input.publishedAt ?? null,
        url: input.url ?? null,
        createdById: actor.id,
        versions: {
          create: { number: 1, doc: docToJson(parsed.doc), text: parsed.text, contentHash: contentHash(parsed.text), createdById: actor.id },
        },
      },
      include: { versions: { select: { id: true, number: true } } },
    }),
  );
}
