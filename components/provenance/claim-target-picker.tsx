'use client';

// "A claim in another article" as the evidence (the article cites another article, which the desk
// has annotated): first the claims Claimdesk already recognises as the same claim elsewhere (one
// click), then any article of the library and its claims.
import { useMemo, useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { errorMessage } from '@/lib/client/error-message';
import { useClaimMatches } from '@/components/hooks/use-known-claims';
import { useClaimsOf, useLibraryArticles } from '@/components/hooks/use-provenance';
import { STATUS_LABELS, truncate } from '@/components/annotations/format';

export type ClaimTarget = { annotationId: string; articleId: string; articleTitle: string; exact: string };

type Props = {
  claim: AnnotationDto;
  chosen: ClaimTarget | null;
  onChoose: (target: ClaimTarget) => void;
  headingId: string;
};

export function ClaimTargetPicker({ claim, chosen, onChoose, headingId }: Props) {
  const [query, setQuery] = useState('');
  const [articleId, setArticleId] = useState<string | null>(null);
  const matches = useClaimMatches(claim.id);
  const articles = useLibraryArticles();
  const claims = useClaimsOf(articleId);

  const list = useMemo(() => {
    const q = query.trim().toLowerCase();
    const others = (articles.data ?? []).filter((a) => a.id !== claim.articleId);
    return q ? others.filter((a) => [a.title, a.outlet].some((v) => v?.toLowerCase().includes(q))) : others;
  }, [articles.data, claim.articleId, query]);
  const article = articles.data?.find((a) => a.id === articleId) ?? null;
  // A claim whose words are lost in its article's current text has no passage to show as evidence.
  const candidates = (claims.data ?? []).filter((a) => a.anchorState !== 'orphaned' && a.id !== claim.id);

  const choice = (target: ClaimTarget, label: React.ReactNode, testId: string) => (
    <button type="button" className="pv-choice" aria-pressed={chosen?.annotationId === target.annotationId} data-testid={testId} onClick={() => onChoose(target)}>
      {label}
    </button>
  );

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="pv-section-title">
        1. The claim in the cited article
      </h3>
      {matches.data && matches.data.length > 0 ? (
        <>
          <p className="muted small">The same claim, seen elsewhere in the library:</p>
          <ul className="pv-source-list" aria-label="The same claim elsewhere">
            {matches.data.map((m) => (
              <li key={m.annotation.id}>
                {choice(
                  { annotationId: m.annotation.id, articleId: m.article.id, articleTitle: m.article.title, exact: m.annotation.target.exact },
                  <>
                    <span dir="auto">“{truncate(m.annotation.target.exact, 220)}”</span>
                    <span className="muted small" style={{ display: 'block' }}>
                      {m.article.title} · {STATUS_LABELS[m.annotation.status]} · {m.reason} ({Math.round(m.score * 100)}%)
                    </span>
                  </>,
                  'claim-match-choice',
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted small">{matches.data?.length ? 'Or pick the article it cites:' : 'Pick the article it cites:'}</p>
      <input type="search" aria-label="Search articles" placeholder="Title or outlet" value={query} onChange={(e) => setQuery(e.target.value)} />
      {articles.isPending ? <p className="muted small">Loading the library…</p> : null}
      {articles.isError ? <p className="form-error small">Could not load the articles: {errorMessage(articles.error)}</p> : null}
      {articles.data && list.length === 0 ? <p className="muted small">No other article {query.trim() ? 'matches' : 'in the library yet'}.</p> : null}
      <ul className="pv-source-list" aria-label="Articles">
        {list.slice(0, 20).map((a) => (
          <li key={a.id}>
            <button type="button" className="pv-choice" aria-pressed={a.id === articleId} onClick={() => setArticleId(a.id)}>
              <strong dir="auto">{a.title}</strong>
              {a.outlet ? <span className="muted small"> {a.outlet}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {article ? (
        <>
          <p className="muted small" style={{ marginTop: '0.5rem' }}>
            Claims annotated in “{truncate(article.title, 80)}”:
          </p>
          {claims.isPending ? <p className="muted small">Loading its claims…</p> : null}
          {claims.isError ? <p className="form-error small">Could not load its claims: {errorMessage(claims.error)}</p> : null}
          {claims.data && candidates.length === 0 ? <p className="muted small">No claim is annotated there yet: annotate it in that article first.</p> : null}
          <ul className="pv-source-list" aria-label="Claims in the article">
            {candidates.map((a) => (
              <li key={a.id}>
                {choice(
                  { annotationId: a.id, articleId: article.id, articleTitle: article.title, exact: a.target.exact },
                  <>
                    <span dir="auto">“{truncate(a.target.exact, 220)}”</span>
                    <span className="muted small" style={{ display: 'block' }}>
                      {STATUS_LABELS[a.status]} · annotated by {a.author.name}
                    </span>
                  </>,
                  'claim-choice',
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
