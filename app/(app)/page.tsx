import Link from 'next/link';
import { ImportArticleForm } from '@/components/articles/import-article-form';
import { listArticles } from '@/lib/articles/server/list-articles';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { db } from '@/lib/db/server/prisma';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';
import { TagChip } from '@/components/tags/tag-chip';

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
      <ul className="article-list" aria-label="Articles">
        {articles.map((article) => (
          <li key={article.id} className="article-card">
            <Link href={`/articles/${article.id}`} className="article-title">
              {article.title}
            </Link>
            <div className="muted small">
              {[article.outlet, article.byline, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB') : null]
                .filter(Boolean)
                .join(' · ')}
              {article.currentVersion ? ` · version ${article.currentVersion.number}` : null}
            </div>
            <div className="tag-counts">
              {tags.map((tag) => (
                <TagChip key={tag.key} tag={tag} count={article.counts[tag.key] ?? 0} />
              ))}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
