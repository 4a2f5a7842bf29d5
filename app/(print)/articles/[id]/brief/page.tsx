// The brief as a page: the same HTML the export endpoint renders (lib/export's toHtmlParts), shown
// without app chrome so that the browser's "Print / Save as PDF" gives the PDF brief. Options come
// from the query string, exactly as for GET /api/articles/:id/export (format is ignored here); it
// is read and built in the heavy-work pool, as an export is (lib/export/server/export-brief.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/export/print-button';
import { AppError } from '@/lib/api/app-error';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { briefPageParts } from '@/lib/export/server/export-brief';
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

  let parts;
  try {
    try {
      // Read and built in the heavy-work pool, like an export: a brief of thousands of claims holds no request thread.
      parts = await briefPageParts(db, actor, id, toSearchParams(query));
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }
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
  const { css, body } = parts;
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

/** The page's query as the export endpoint gets it (a repeated parameter stays repeated). */
function toSearchParams(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value]) out.append(name, one);
  }
  return out;
}
