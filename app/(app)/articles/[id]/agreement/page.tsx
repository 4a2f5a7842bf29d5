import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgreementReport } from '@/components/review/agreement-report';
import { UnitAgreementReport } from '@/components/review/unit-agreement-report';
import { AppError } from '@/lib/api/app-error';
import { getArticle } from '@/lib/articles/server/get-article';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { canReadDeskAgreement } from '@/lib/core/permissions';
import { db } from '@/lib/db/server/prisma';
import { computeArticleAgreement } from '@/lib/review/server/compute-article-agreement';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';

type Params = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Agreement report' };

export default async function AgreementPage({ params }: Params) {
  const actor = await requirePageActor();
  const { id } = await params;
  const [data, agreement, tags] = await Promise.all([
    getArticle(db, actor, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }),
    computeArticleAgreement(db, actor, id).catch(() => undefined),
    listSourceTags(db),
  ]);
  return (
    <div className="page stack">
      <div>
        <Link href={`/articles/${id}`} className="small">
          ← {data.article.title}
        </Link>
        <h1>Agreement report</h1>
        {canReadDeskAgreement(actor).ok ? (
          <Link href="/agreement" className="small">
            The desk’s agreement over time →
          </Link>
        ) : null}
      </div>
      <UnitAgreementReport articleId={id} tags={tags.map((t) => ({ key: t.key, label: t.label, color: t.color }))} initialData={agreement} />
      <h2>Pairs of annotations on the same claim</h2>
      <AgreementReport articleId={id} tags={tags.map((t) => ({ key: t.key, label: t.label, color: t.color }))} initialData={agreement} />
    </div>
  );
}
