import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CurationView } from '@/components/curation/curation-view';
import { AppError } from '@/lib/api/app-error';
import { getArticle } from '@/lib/articles/server/get-article';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { canCurate } from '@/lib/core/permissions';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';

export const metadata: Metadata = { title: 'Curation' };

export default async function CurationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const [data, tags] = await Promise.all([
    getArticle(db, actor, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }),
    listSourceTags(db),
  ]);
  const decision = canCurate(actor);
  return (
    <div className="page stack">
      <div>
        <Link href={`/articles/${id}`} className="small">
          ← {data.article.title}
        </Link>
        <h1>Curation</h1>
      </div>
      {decision.ok ? (
        <CurationView articleId={id} tags={tags.map((t) => ({ key: t.key, label: t.label, color: t.color, description: t.description, sortOrder: t.sortOrder, archived: t.archived }))} />
      ) : (
        <p className="form-error">{decision.reason}</p>
      )}
    </div>
  );
}
