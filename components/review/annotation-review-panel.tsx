'use client';

// Everything review under the selected annotation in the workspace: conflicts, my verdict (agree /
// dispute with a comment / needs source), everyone's current verdicts, re-open for the author, the
// Admiralty grade, the discussion and the history.
import { useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { canRegrade, canReopen, canResolveConflicts } from '@/lib/core/permissions';
import { isReopenable } from '@/lib/review/derive-status';
import { useTags } from '@/components/hooks/use-tags';
import { useReviews, useSubmitReview } from '@/components/hooks/use-review';
import { ConflictResolver } from '@/components/review/conflict-resolver';
import { DisputeForm } from '@/components/review/dispute-form';
import { GradeEditor } from '@/components/review/grade-editor';
import { HistoryTimeline } from '@/components/review/history-timeline';
import { ReopenButton } from '@/components/review/reopen-button';
import { ReplyThread } from '@/components/review/reply-thread';
import { VerdictButtons } from '@/components/review/verdict-buttons';
import { VerdictList } from '@/components/review/verdict-list';
import './review.css';
import { errorMessage } from '@/lib/client/error-message';

type Props = { annotation: AnnotationDto; currentUser: CurrentUser };

export function AnnotationReviewPanel({ annotation, currentUser }: Props) {
  const tags = useTags().data ?? [];
  const reviews = useReviews(annotation.id);
  const submit = useSubmitReview({ id: currentUser.id, name: currentUser.name });
  const [disputing, setDisputing] = useState(false);

  const own = annotation.author.id === currentUser.id;
  const decision = reviews.data?.canReview;
  const mine = reviews.data?.reviews.find((r) => r.reviewer.id === currentUser.id && !r.supersededAt) ?? null;
  const reopenable = canReopen(currentUser, annotation.author.id).ok && isReopenable(annotation.status);

  return (
    <div className="rv-panel" data-testid="review-panel">
      <ConflictResolver annotation={annotation} tags={tags} canResolve={canResolveConflicts(currentUser).ok} />

      <section className="rv-section" aria-label="Review">
        <h4 className="rv-section-title">Review</h4>
        {own ? null : decision && !decision.ok ? (
          <p className="muted small">{decision.reason}</p>
        ) : decision?.ok ? (
          <>
            <VerdictButtons
              current={mine?.verdict ?? null}
              pending={submit.isPending}
              onAgree={() => {
                setDisputing(false);
                submit.mutate({ annotation, input: { verdict: 'AGREE' } });
              }}
              onDispute={() => setDisputing(true)}
              onNeedsSource={() => {
                setDisputing(false);
                submit.mutate({ annotation, input: { verdict: 'NEEDS_SOURCE' } });
              }}
            />
            {disputing ? (
              <DisputeForm
                tags={tags}
                currentTag={annotation.tag}
                pending={submit.isPending}
                onCancel={() => setDisputing(false)}
                onSubmit={(values) => {
                  setDisputing(false);
                  submit.mutate({ annotation, input: { verdict: 'DISPUTE', ...values } });
                }}
              />
            ) : null}
          </>
        ) : null}
        {submit.isError ? (
          <p className="form-error small" role="alert">
            Your verdict was not saved: {errorMessage(submit.error)}
          </p>
        ) : null}
        {reviews.isError ? <p className="form-error small">Could not load verdicts: {errorMessage(reviews.error)}</p> : null}
        {reviews.data ? <VerdictList reviews={reviews.data.reviews} tags={tags} /> : null}
        {reopenable ? <ReopenButton annotation={annotation} /> : null}
      </section>

      <GradeEditor annotation={annotation} canEdit={canRegrade(currentUser, annotation.author.id).ok} />
      <ReplyThread annotation={annotation} currentUser={currentUser} />
      <HistoryTimeline annotationId={annotation.id} tags={tags} />
    </div>
  );
}
