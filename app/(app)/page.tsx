import Link from 'next/link';
import { ImportArticleForm } from '@/components/articles/import-article-form';
import { listArticles } from '@/lib/articles/server/list-articles';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import { TagChip } from '@/components/tags/tag-chip';
import { ASSIGNMENT_STATE_LABELS } from '@/lib/assignments/assignment-dto';

export default async function ArticlesPage() {
  const actor = await requirePageActor();
  const [articles, tags] = await Promise.all([listArticles(db, actor), listSourceTags(db)]);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Articles</h1>
        <ImportArticleForm />
      </div>
      {articles.length === 0 ? <p className="muted">No articles yet: import one.</p> : null}
      {articles.some((a) => a.myAssignment) ? (
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
    </div>
  );
}
