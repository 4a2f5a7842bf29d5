'use client';

// The discussion under an annotation, nested by parentId; live-updated through the article's
// event stream (reply.* events invalidate annotationKeys.replies(annotationId)).
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ReplyDto } from '@/lib/client/review-api';
import type { CurrentUser } from '@/lib/core/actor';
import { canDeleteReply, canEditReply } from '@/lib/core/permissions';
import { useCreateReply, useDeleteReply, useReplies, useUpdateReply } from '@/components/hooks/use-review';
import { ReplyForm } from '@/components/review/reply-form';
import { ReplyItem } from '@/components/review/reply-item';
import { errorMessage } from '@/lib/client/error-message';

export function ReplyThread({ annotation, currentUser }: { annotation: AnnotationDto; currentUser: CurrentUser }) {
  const replies = useReplies(annotation.id);
  const me = { id: currentUser.id, name: currentUser.name };
  const create = useCreateReply(annotation, me);
  const update = useUpdateReply(annotation);
  const remove = useDeleteReply(annotation);

  const draftScope = `reply:${currentUser.id}:${annotation.id}`;
  const list = replies.data ?? [];
  const ids = new Set(list.map((r) => r.id));
  const children = new Map<string | null, ReplyDto[]>();
  for (const reply of list) {
    // An answer whose parent is unknown (should not happen) shows at the top level rather than vanish.
    const parent = reply.parentId && ids.has(reply.parentId) ? reply.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), reply]);
  }

  const renderLevel = (parentId: string | null) => {
    const level = children.get(parentId);
    if (!level?.length) return null;
    return (
      <ul className="rv-replies">
        {level.map((reply) => (
          <ReplyItem
            key={reply.id}
            reply={reply}
            canEdit={canEditReply(currentUser, reply.author.id).ok}
            canDelete={canDeleteReply(currentUser, reply.author.id).ok}
            onAnswer={(parent, body) => create.mutateAsync({ body, parentId: parent })}
            onEdit={(id, body) => update.mutateAsync({ id, body })}
            draftScope={draftScope}
            onDelete={(id) => remove.mutate(id)}
          >
            {renderLevel(reply.id)}
          </ReplyItem>
        ))}
      </ul>
    );
  };

  // A refused reply or edit is reported by its own form, next to the text it kept.
  const error = remove.error;
  return (
    <section className="rv-section" aria-label="Discussion">
      <h4 className="rv-section-title">Discussion{list.length ? ` (${list.filter((r) => !r.deletedAt).length})` : ''}</h4>
      {replies.isPending ? <p className="muted small">Loading replies…</p> : null}
      {replies.isError ? <p className="form-error small">Could not load replies: {errorMessage(replies.error)}</p> : null}
      {renderLevel(null)}
      {error ? (
        <p className="form-error small" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <ReplyForm label="Reply" submitLabel="Reply" draftKey={draftScope} onSubmit={(body) => create.mutateAsync({ body })} />
    </section>
  );
}
