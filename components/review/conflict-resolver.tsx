'use client';

// Another analyst tagged (most of) the same claim differently. Everyone sees the conflict; reviewers
// and admins settle it by confirming one tag (POST /api/articles/:id/conflicts/resolve).
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationsQuery, tagByKey, type SourceTag } from '@/lib/client/annotations-api';
import { truncate } from '@/components/annotations/format';
import { TagChip } from '@/components/tags/tag-chip';
import { useResolveConflict } from '@/components/hooks/use-review';
import { STATUS_LABELS } from '@/components/annotations/format';
import { errorMessage } from '@/lib/client/error-message';

type Props = { annotation: AnnotationDto; tags: SourceTag[]; canResolve: boolean };


export function ConflictResolver({ annotation, tags, canResolve }: Props) {
  // The workspace's own annotation list (same cache entry): the other sides of each conflict.
  const list = useQuery(annotationsQuery(annotation.articleId));
  const resolve = useResolveConflict(annotation.articleId);
  const others = annotation.conflictsWith
    .map((id) => list.data?.find((a) => a.id === id))
    .filter((a): a is AnnotationDto => Boolean(a));
  if (annotation.conflictsWith.length === 0) return null;
  const tagOf = (key: string) => tagByKey(tags, key);

  return (
    <section className="rv-conflict" aria-label="Conflicts" data-testid="conflict-resolver">
      <h4 className="rv-section-title">
        Conflict: tagged differently by {annotation.conflictsWith.length === 1 ? 'a colleague' : `${annotation.conflictsWith.length} colleagues`}
      </h4>
      {others.map((other) => (
        <div key={other.id} className="stack" style={{ gap: '0.3rem' }} data-testid="conflict" data-other-id={other.id}>
          <div className="small">
            <TagChip tag={tagOf(other.tag)} /> by {other.author.name} · {STATUS_LABELS[other.status]}
            <div className="muted">“{truncate(other.target.exact, 120)}”</div>
          </div>
          {canResolve ? (
            <div className="row">
              <span className="muted small">Confirm:</span>
              {[
                { keep: annotation, drop: other },
                { keep: other, drop: annotation },
              ].map(({ keep, drop }) => (
                <button
                  key={keep.id}
                  type="button"
                  className="button small"
                  disabled={resolve.isPending}
                  title={`Agree with ${keep.author.name}'s tag and dispute ${drop.author.name}'s, suggesting ${tagOf(keep.tag).label}`}
                  onClick={() => resolve.mutate({ keep: keep.id, other: drop.id, tag: keep.tag })}
                >
                  {tagOf(keep.tag).label}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ))}
      {resolve.isSuccess ? <p className="form-ok small">Resolved: the other annotation is disputed with the confirmed tag suggested.</p> : null}
      {resolve.isError ? (
        <p className="form-error small" role="alert">
          {errorMessage(resolve.error)}
        </p>
      ) : null}
      <Link className="small" href={`/articles/${annotation.articleId}/agreement`}>
        Agreement report for this article
      </Link>
    </section>
  );
}
