'use client';

// Blind double annotation on the article page (#17): the blind badge, who is assigned and who has
// submitted; "Submit my annotation" for an assignee; for a reviewer, the assign form (analysts, due
// date, blind toggle) and reopening a submission.
import Link from 'next/link';
import { useState } from 'react';
import { useArticleAccess, useReopenSubmission, useSubmitAnnotation, useUpdateArticleAccess } from '@/components/hooks/use-assignments';
import { ASSIGNMENT_STATE_LABELS } from '@/lib/assignments/assignment-dto';
import type { ArticleAccess } from '@/lib/client/assignments-api';
import type { CurrentUser } from '@/lib/core/actor';
import { canAssignArticle, canCurate } from '@/lib/core/permissions';

type Props = { articleId: string; currentUser: CurrentUser; initial: ArticleAccess; analysts: Array<{ id: string; name: string }> };

export function AssignmentBar({ articleId, currentUser, initial, analysts }: Props) {
  const { data = initial } = useArticleAccess(articleId, initial);
  const submit = useSubmitAnnotation(articleId);
  const reopen = useReopenSubmission(articleId);
  const mayAssign = canAssignArticle(currentUser).ok;
  const mine = data.assignments.find((a) => a.user.id === currentUser.id);
  const submitted = data.assignments.filter((a) => a.submittedAt).length;
  if (!data.blind && data.assignments.length === 0 && !mayAssign) return null;
  return (
    <section className="assignment-bar" aria-label="Assignment" data-testid="assignment-bar">
      {data.blind ? (
        <span className="blind-badge" data-testid="blind-badge" title="Analysts see only their own annotations until they submit">
          Blind
        </span>
      ) : null}
      {data.assignments.length ? (
        <span className="small">
          Assigned:{' '}
          {data.assignments.map((a, i) => (
            <span key={a.user.id} data-testid="assignee">
              {i ? ', ' : ''}
              {a.user.name} <span className="muted">({ASSIGNMENT_STATE_LABELS[a.state]}{a.dueAt ? `, due ${a.dueAt.slice(0, 10)}` : ''})</span>
              {mayAssign && a.submittedAt ? (
                <button type="button" className="link-button small" onClick={() => reopen.mutate(a.user.id)} disabled={reopen.isPending}>
                  reopen
                </button>
              ) : null}
            </span>
          ))}{' '}
          · {submitted}/{data.assignments.length} submitted
        </span>
      ) : null}
      {mine && !mine.submittedAt ? (
        <button type="button" onClick={() => submit.mutate()} disabled={submit.isPending} data-testid="submit-annotation">
          Submit my annotation
        </button>
      ) : null}
      {mine?.submittedAt ? <span className="small muted">You submitted your annotation (read-only until a reviewer reopens it).</span> : null}
      {canCurate(currentUser).ok && data.assignments.length ? (
        <Link href={`/articles/${articleId}/curation`} className="small">
          Curate
        </Link>
      ) : null}
      <Link href={`/articles/${articleId}/agreement`} className="small">
        Agreement
      </Link>
      {mayAssign ? <AssignForm articleId={articleId} access={data} analysts={analysts} /> : null}
    </section>
  );
}

function AssignForm({ articleId, access, analysts }: { articleId: string; access: ArticleAccess; analysts: Props['analysts'] }) {
  const update = useUpdateArticleAccess(articleId);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(access.assignments.map((a) => a.user.id));
  const [blind, setBlind] = useState(access.blind);
  const [dueAt, setDueAt] = useState(access.assignments[0]?.dueAt?.slice(0, 10) ?? '');
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)} data-testid="open-assign">
        Assign…
      </button>
    );
  }
  return (
    <form
      className="assign-form stack"
      aria-label="Assign this article"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ assignees: chosen, blind, dueAt: dueAt || null }, { onSuccess: () => setOpen(false) });
      }}
    >
      <fieldset>
        <legend>Analysts</legend>
        {analysts.map((u) => (
          <label key={u.id} className="small">
            <input type="checkbox" checked={chosen.includes(u.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, u.id] : c.filter((id) => id !== u.id)))} /> {u.name}
          </label>
        ))}
      </fieldset>
      <label className="small">
        Due date <input type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      </label>
      <label className="small">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} data-testid="blind-toggle" /> Blind (analysts see only their own work until they submit)
      </label>
      <div>
        <button type="submit" disabled={update.isPending}>
          Save assignment
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
