import type { JSONContent } from '@tiptap/react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleWorkspace } from '@/components/reader/article-workspace';
import { AppError } from '@/lib/api/app-error';
import { listAnnotations, type AnnotationList } from '@/lib/annotations/server/list-annotations';
import { getArticle } from '@/lib/articles/server/get-article';
import type { Actor } from '@/lib/core/actor';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import { AssignmentBar } from '@/components/assignments/assignment-bar';
import { loadArticleAccess } from '@/lib/assignments/server/load-article-access';
import { listAssignableAnalysts } from '@/lib/assignments/server/list-assignable-analysts';
import { SourceHeader } from '@/components/provenance/source-header';
import { mayEditArticleDetails } from '@/lib/articles/server/may-edit-article-details';

const INLINE_ANNOTATIONS_MAX = 300;

type Params = { params: Promise<{ id: string }>; searchParams?: Promise<{ annotation?: string | string[] }> };

async function loadArticle(actor: Actor, id: string) {
  return getArticle(db, actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const actor = await requirePageActor();
  const data = await getArticle(db, actor, id).catch(() => null);
  return { title: data?.article.title ?? 'Article' };
}

/**
 * The annotations to inline in the page, when few enough. Large sets travel as plain JSON (fetched on
 * mount): inlined in the RSC payload they cost the browser far more to parse (bench/reader.bench.ts).
 * A count first, so a large set is not loaded here only to be dropped.
 */
async function inlineAnnotations(actor: Actor, articleId: string): Promise<AnnotationList | undefined> {
  const count = await db.annotation.count({ where: { articleId, deletedAt: null } });
  return count <= INLINE_ANNOTATIONS_MAX ? await listAnnotations(db, actor, articleId) : undefined;
}

export default async function ArticlePage({ params, searchParams }: Params) {
  const actor = await requirePageActor();
  const { id } = await params;
  const focus = (await searchParams)?.annotation;
  const [{ article, version }, tags, annotations, access, analysts] = await Promise.all([
    loadArticle(actor, id),
    listSourceTags(db),
    // Hydrates the annotation query; on failure the client simply fetches on mount.
    inlineAnnotations(actor, id).catch((): AnnotationList | undefined => undefined),
    loadArticleAccess(db, id).catch(() => ({ blind: false, assignments: [] })),
    listAssignableAnalysts(db, actor),
  ]);
  return (
    <>
    {article.kind === 'source' ? <SourceHeader source={article} canEdit={await mayEditArticleDetails(db, actor, id)} /> : null}
    <AssignmentBar articleId={id} currentUser={{ id: actor.id, name: actor.name, role: actor.role }} initial={{ ...access, myAssignment: article.myAssignment }} analysts={analysts} />
    <ArticleWorkspace
      article={article}
      version={{ id: version.id, number: version.number, doc: version.doc as JSONContent, pages: version.pages }}
      currentUser={{ id: actor.id, name: actor.name, role: actor.role }}
      initialTags={tags.map((t) => ({ key: t.key, label: t.label, color: t.color, description: t.description, sortOrder: t.sortOrder, archived: t.archived }))}
      initialAnnotations={annotations?.annotations}
      initialSeq={annotations?.seq}
      focusAnnotationId={typeof focus === 'string' ? focus : undefined}
    />
    </>
  );
}
