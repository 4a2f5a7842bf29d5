import type { JSONContent } from '@tiptap/react';
import { notFound } from 'next/navigation';
import { ArticleReader } from '@/components/reader/article-reader';
import { AppError } from '@/lib/api/app-error';
import { getArticle } from '@/lib/articles/get-article';
import { requirePageActor } from '@/lib/auth/page-actor';
import { db } from '@/lib/db/prisma';

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor();
  const { id } = await params;
  const data = await getArticle(db, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const { article, version } = data;
  return (
    <div className="article-page">
      <div className="article-meta muted small">
        {[article.outlet, article.byline, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB') : null].filter(Boolean).join(' · ')}
        {` · version ${version.number}`}
      </div>
      <ArticleReader doc={version.doc as JSONContent} />
    </div>
  );
}
