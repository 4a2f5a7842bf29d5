import Link from 'next/link';
import { ImportArticleForm } from '@/components/articles/import-article-form';
import { listArticles } from '@/lib/articles/server/list-articles';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import { TagChip } from '@/components/tags/tag-chip';
import { ASSIGNMENT_STATE_LABELS } from '@/lib/assignments/assignment-dto';
import { LibraryFilter } from '@/components/provenance/library-filter';
import { SourceCard } from '@/components/provenance/source-card';
import '@/components/provenance/provenance.css';

type Props = { searchParams?: Promise<{ kind?: string | string[] }> };

export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  // The library lists articles (what the desk checks) or sources (what claims are linked to): ?kind=source.
  const kind = (await searchParams)?.kind === 'source' ? 'source' : 'article';
  const [articles, tags] = await Promise.all([listArticles(db, actor, { kind }), listSourceTags(db)]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{kind === 'source' ? 'Sources' : 'Articles'}</h1>
        <ImportArticleForm defaultSource={kind === 'source'} />
      </div>
      <LibraryFilter kind={kind} />
      {kind === 'source' ? (
        <>
          {articles.length === 0 ? <p className="muted">No source documents yet: import a report or statement and tick “This is a source document”.</p> : null}
          <ul className="article-list" aria-label="Sources">
            {articles.map((source) => (
              <SourceCard key={source.id} source={source} />
            ))}
          </ul>
        </>
      ) : null}
      {kind === 'article' && articles.length === 0 ? <p className="muted">No articles yet: import one.</p> : null}
      {kind === 'article' && articles.some((a) => a.myAssignment) ? (
        <section aria-label="Assigned to me" data-testid="assigned-to-me">
          <h2>Assigned to me</h2>
          <ul className="article-list">
            {articles
              .filter((a) => a.myAssignment)
              .map((article) => (
                <li key={article.id} className="article-card">
                  <Link href={`/articles/${article.id}`} className="article-title">
                    {article.title}
                  </Link>{' '}
                  {article.blind ? <span className="blind-badge">Blind</span> : null}
                  <div className="small" data-testid="assignment-state">
                    {ASSIGNMENT_STATE_LABELS[article.myAssignment!.state]}
                    {article.myAssignment!.dueAt ? <span className="muted"> · due {article.myAssignment!.dueAt.slice(0, 10)}</span> : null}
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      {kind === 'article' ? (
      <ul className="article-list" aria-label="Articles">
        {articles.map((article) => (
          <li key={article.id} className="article-card">
            <Link href={`/articles/${article.id}`} className="article-title">
              {article.title}
            </Link>
            {article.blind ? <span className="blind-badge"> Blind</span> : null}
            <div className="muted small">
              {[article.outlet, article.byline, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB') : null]
                .filter(Boolean)
                .join(' · ')}
              {article.currentVersion ? ` · version ${article.currentVersion.number}` : null}
            </div>
            <div className="tag-counts">
              {/* An archived tag is history: shown only on the articles whose claims still carry it. */}
              {tags
                .filter((tag) => !tag.archived || (article.counts[tag.key] ?? 0) > 0)
                .map((tag) => (
                  <TagChip key={tag.key} tag={tag} count={article.counts[tag.key] ?? 0} />
                ))}
            </div>
          </li>
        ))}
      </ul>
      ) : null}
    </div>
  );
}
