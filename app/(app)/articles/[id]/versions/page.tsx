import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NewVersionForm } from '@/components/articles/new-version-form';
import { VersionDiffView } from '@/components/articles/version-diff-view';
import { ANCHOR_LABELS, truncate } from '@/components/annotations/format';
import { TagChip } from '@/components/tags/tag-chip';
import { AppError } from '@/lib/api/app-error';
import { listAnnotations } from '@/lib/annotations/server/list-annotations';
import { compareVersions } from '@/lib/articles/server/compare-versions';
import { getArticle } from '@/lib/articles/server/get-article';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import '@/components/annotations/annotations.css';

export const metadata: Metadata = { title: 'Versions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const versionNumber = (raw: string | undefined) => (raw && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined);
const ANCHOR_ORDER = { orphaned: 0, fuzzy: 1, moved: 2, exact: 3 } as const;

/** What changed between two versions, and where each annotation landed on the current one. */
export default async function VersionsPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const { id } = await params;
  const query = await searchParams;
  const loaded = await Promise.all([
    getArticle(db, actor, id),
    compareVersions(db, id, { from: versionNumber(query.from), to: versionNumber(query.to) }),
    listAnnotations(db, actor, id).then((list) => list.annotations),
    listSourceTags(db),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation_failed')) notFound();
    throw error;
  });
  const [{ article }, comparison, annotations, tags] = loaded;
  const tagByKey = new Map(tags.map((t) => [t.key, t]));
  const sorted = [...annotations].sort((a, b) => ANCHOR_ORDER[a.anchorState] - ANCHOR_ORDER[b.anchorState] || a.target.start - b.target.start);
  const href = (from: number, to: number) => `/articles/${encodeURIComponent(id)}/versions?from=${from}&to=${to}`;

  return (
    <div className="page stack">
      <div className="page-head">
        <div>
          <h1>Versions</h1>
          <p className="muted">
            <Link href={`/articles/${encodeURIComponent(id)}`}>{article.title}</Link> · {comparison.versions.length} version
            {comparison.versions.length === 1 ? '' : 's'}
          </p>
        </div>
        <NewVersionForm articleId={id} />
      </div>

      <nav className="row" aria-label="Compare versions">
        {comparison.versions.slice(1).map((v) => (
          <Link
            key={v.number}
            href={href(v.number - 1, v.number)}
            className={`button small${comparison.from === v.number - 1 && comparison.to === v.number ? ' primary' : ''}`}
          >
            v{v.number - 1} → v{v.number}
          </Link>
        ))}
      </nav>

      <section className="stack" aria-label="Changes">
        <h2>
          {comparison.from === comparison.to ? `Version ${comparison.to} (the only version)` : `Changes from version ${comparison.from} to ${comparison.to}`}
        </h2>
        {comparison.from !== comparison.to ? (
          <p className="muted small" data-testid="diff-stats">
            {comparison.stats.inserted} characters inserted, {comparison.stats.deleted} deleted
          </p>
        ) : null}
        <VersionDiffView ops={comparison.ops} />
      </section>

      <section className="stack" aria-label="Anchors on the current version">
        <h2>Annotations on the current version</h2>
        {sorted.length === 0 ? <p className="muted">No annotations yet.</p> : null}
        <table className="table">
          <thead>
            <tr>
              <th>Anchor</th>
              <th>Quote</th>
              <th>Tag</th>
              <th>Analyst</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => {
              const tag = tagByKey.get(a.tag);
              return (
                <tr key={a.id} data-testid="version-annotation" data-anchor-state={a.anchorState}>
                  <td>
                    <span className={`cd-badge cd-anchor-${a.anchorState}`}>{ANCHOR_LABELS[a.anchorState]}</span>
                  </td>
                  <td>“{truncate(a.target.exact, 140)}”</td>
                  <td>{tag ? <TagChip tag={tag} /> : a.tag}</td>
                  <td>{a.author.name}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
