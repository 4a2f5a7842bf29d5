'use client';

// "Checked before": sentences of this article that restate claims the desk reviewed in another
// article, with what was found there. One click annotates the sentence here with the same tag,
// linked to the earlier check (matchOf); the badge in the reader links to the earlier one.
import { truncate } from '@/components/annotations/format';
import { checkedBeforeLabel, earlierHref, knownClaimKey, setActiveKnownClaim, useAnnotateKnownClaim, useKnownClaims } from '@/components/hooks/use-known-claims';
import { useTags } from '@/components/hooks/use-tags';
import { TagChip } from '@/components/tags/tag-chip';
import type { KnownClaimDto } from '@/lib/matching/matching-dto';
import './matching.css';
import { errorMessage } from '@/lib/client/error-message';

type Props = { articleId: string; versionId: string; onAnnotated?: (annotationId: string) => void };

export function KnownClaimsPanel({ articleId, versionId, onAnnotated }: Props) {
  const { known, isPending, error } = useKnownClaims(articleId, versionId);
  const annotate = useAnnotateKnownClaim(articleId, versionId);
  const tags = useTags().data ?? [];
  if (isPending || (known.length === 0 && !error)) return null;

  const scrollReaderTo = (k: KnownClaimDto) => {
    setActiveKnownClaim(knownClaimKey(k));
    document.querySelector(`[data-testid="article-reader"] .cd-known-claim[data-known-key="${CSS.escape(knownClaimKey(k))}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <section className="cd-known" aria-label="Checked before" data-testid="known-claims-panel">
      <h2 className="cd-known-head">
        Checked before <span className="muted small">{known.length}</span>
      </h2>
      {error ? (
        <p className="form-error small" role="alert">
          Could not look for claims checked before: {errorMessage(error)}
        </p>
      ) : (
        <ul className="cd-list cd-known-list">
          {known.map((k) => {
            const tag = tags.find((t) => t.key === k.match.annotation.tag);
            return (
              <li
                key={knownClaimKey(k)}
                className={`cd-item cd-known-item status-${k.match.annotation.status.toLowerCase()}`}
                data-testid="known-claim"
                tabIndex={0}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) scrollReaderTo(k);
                }}
                onMouseEnter={() => setActiveKnownClaim(knownClaimKey(k))}
                onMouseLeave={() => setActiveKnownClaim(null)}
              >
                <div className="cd-item-quote-static">“{truncate(k.exact)}”</div>
                <div className="small" data-testid="known-claim-verdict">
                  {checkedBeforeLabel(k)} · <a href={earlierHref(k)}>open</a>
                </div>
                <div className="muted small" title={`“${k.match.annotation.target.exact}”`}>
                  {k.match.reason} ({Math.round(k.match.score * 100)}%)
                </div>
                <div className="row cd-item-actions">
                  {tag ? <TagChip tag={tag} /> : null}
                  {k.linkedAnnotationId ? (
                    <span className="cd-badge" data-testid="known-claim-linked">
                      Annotated here, linked
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button primary small"
                      disabled={annotate.isPending}
                      onClick={() => annotate.mutate(k, { onSuccess: (a) => onAnnotated?.(a.id) })}
                    >
                      Annotate as {tag?.label ?? k.match.annotation.tag}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
