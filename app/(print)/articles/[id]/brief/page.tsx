// The brief as a page: the same HTML the export endpoint renders (lib/export's toHtmlParts), shown
// without app chrome so that the browser's "Print / Save as PDF" gives the PDF brief. Options come
// from the query string, exactly as for GET /api/articles/:id/export (format is ignored here).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/export/print-button';
import { AppError } from '@/lib/api/app-error';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { buildBrief } from '@/lib/export';
import { parseBriefQuery } from '@/lib/export/export-options';
import { loadBriefInput } from '@/lib/export/server/load-brief-input';
import { toHtmlParts } from '@/lib/export/to-html';
import '@/components/export/brief-page.css';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const article = await db.article.findUnique({ where: { id }, select: { title: true } }).catch(() => null);
  return { title: article ? `Brief: ${article.title}` : 'Brief', referrer: 'no-referrer' };
}

export default async function BriefPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);

  let input;
  let options;
  try {
    // Options first (the layer decides what is loaded), the tag filter once the tags are known.
    const { layer } = parseBriefQuery(query, { withFormat: false }).options;
    try {
      input = await loadBriefInput(db, id, actor, new Date(), layer);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }
    options = parseBriefQuery(query, { withFormat: false, knownTags: input.tags.map((t) => t.key) }).options;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <div className="brief-problem" role="alert" data-testid="brief-error">
        <h1>This brief cannot be shown</h1>
        <p>{error.message}</p>
        <p>
          <Link href={`/articles/${encodeURIComponent(id)}/brief`}>Open the brief with the default options</Link>
        </p>
      </div>
    );
  }

  // Every user string in `body` is escaped by lib/export/to-html (see its escaping tests).
  const { css, body } = toHtmlParts(buildBrief(input, options));
  return (
    <>
      <nav className="brief-toolbar" aria-label="Brief">
        <Link href={`/articles/${encodeURIComponent(id)}`}>← Back to the article</Link>
        <PrintButton />
      </nav>
      {/* A constant stylesheet from lib/export (the CSP's style-src allows inline styles); set as raw
          text because React would entity-escape the quotes of a text child. */}
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <div className="brief" data-testid="brief" dangerouslySetInnerHTML={{ __html: body }} />
    </>
  );
}
