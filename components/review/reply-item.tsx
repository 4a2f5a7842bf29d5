'use client';

import { useState, type ReactNode } from 'react';
import { isPendingAnnotation } from '@/lib/client/annotations-api';
import type { ReplyDto } from '@/lib/client/review-api';
import { relativeTime } from '@/components/annotations/format';
import { ReplyForm } from '@/components/review/reply-form';
import { ModalDialog } from '@/components/ui/confirm-dialog';

type Props = {
  reply: ReplyDto;
  canEdit: boolean;
  canDelete: boolean;
  /** Resolve once stored; a rejection keeps the form open with the text. */
  onAnswer: (parentId: string, body: string) => Promise<unknown>;
  onEdit: (id: string, body: string) => Promise<unknown>;
  /** Prefix of this viewer's draft keys (an answer being written survives a reload). */
  draftScope: string;
  onDelete: (id: string) => void;
  /** Answers to this reply. */
  children?: ReactNode;
};

export function ReplyItem({ reply, canEdit, canDelete, onAnswer, onEdit, onDelete, draftScope, children }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'answer'>('view');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const pending = isPendingAnnotation(reply);
  const deleted = reply.deletedAt !== null;
  const edited = !deleted && reply.updatedAt !== reply.createdAt;

  return (
    <li className={`rv-reply${pending ? ' is-pending' : ''}`} data-testid="reply" data-reply-id={reply.id}>
      <div className="small">
        <strong>{reply.author.name}</strong>{' '}
        <time className="muted" dateTime={reply.createdAt}>
          {relativeTime(reply.createdAt)}
        </time>
        {edited ? <span className="muted"> · edited</span> : null}
      </div>
      {deleted ? (
        <div className="muted small rv-reply-deleted">Reply deleted.</div>
      ) : mode === 'edit' ? (
        <ReplyForm
          label="Edit reply"
          submitLabel="Save"
          initial={reply.body}
          autoFocus
          draftKey={`${draftScope}:edit:${reply.id}`}
          onSubmit={(body) => onEdit(reply.id, body).then(() => setMode('view'))}
          onCancel={() => setMode('view')}
        />
      ) : (
        <div className="rv-reply-body" data-testid="reply-body">
          {reply.body}
        </div>
      )}
      {!deleted && !pending && mode === 'view' ? (
        <div className="row rv-reply-actions">
          <button type="button" className="button link small" aria-label={`Answer ${reply.author.name}`} onClick={() => setMode('answer')}>
            Answer
          </button>
          {canEdit ? (
            <button type="button" className="button link small" aria-label="Edit reply" onClick={() => setMode('edit')}>
              Edit
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              className="button link small"
              aria-label="Delete reply"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete
            </button>
          ) : null}
          <ModalDialog open={confirmingDelete} title="Delete this reply?" confirmLabel="Delete reply" danger onConfirm={() => onDelete(reply.id)} onClose={() => setConfirmingDelete(false)}>
            <p>Its text is removed for everyone; the thread keeps a “Reply deleted.” line.</p>
          </ModalDialog>
        </div>
      ) : null}
      {mode === 'answer' ? (
        <ReplyForm
          label={`Answer ${reply.author.name}`}
          submitLabel="Answer"
          autoFocus
          draftKey={`${draftScope}:answer:${reply.id}`}
          onSubmit={(body) => onAnswer(reply.id, body).then(() => setMode('view'))}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {children}
    </li>
  );
}
