'use client';

// The annotation's audit log (GET /api/annotations/:id/history), loaded when first opened.
import { useState, type ReactNode } from 'react';
import type { SourceTag } from '@/lib/client/annotations-api';
import type { AnnotationEventDto } from '@/lib/client/review-api';
import { formatGrade, isCredibilityGrade, isReliabilityGrade } from '@/lib/core/grading';
import { useHistory } from '@/components/hooks/use-review';
import { VERDICT_PAST } from '@/components/review/verdict-labels';
import { errorMessage } from '@/lib/client/error-message';

type Json = AnnotationEventDto['after'];
type Fields = Record<string, Json>;

function fields(value: Json): Fields {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function show(value: Json, tagLabel: (key: string) => string, key: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'tag' && typeof value === 'string') return tagLabel(value);
  if (key === 'grade') return gradeText(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function gradeText(value: Json): string {
  const f = fields(value);
  const reliability = isReliabilityGrade(f.reliability) ? f.reliability : null;
  const credibility = isCredibilityGrade(f.credibility) ? f.credibility : null;
  return formatGrade({ reliability, credibility }) || 'ungraded';
}

const HIDDEN_FIELDS = new Set(['revision', 'updatedAt', 'replyId', 'reviewId', 'parentId']);

/** "tag: UN report → Intelligence" for each field an edit changed. */
function Changes({ before, after, tagLabel }: { before: Json; after: Json; tagLabel: (key: string) => string }) {
  const b = fields(before);
  const a = fields(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN_FIELDS.has(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return null;
  return (
    <ul className="rv-change">
      {keys.map((k) => (
        <li key={k}>
          {k}: <del>{show(b[k], tagLabel, k)}</del> → <ins>{show(a[k], tagLabel, k)}</ins>
        </li>
      ))}
    </ul>
  );
}

function describe(event: AnnotationEventDto, tagLabel: (key: string) => string): ReactNode {
  const a = fields(event.after);
  const b = fields(event.before);
  switch (event.action) {
    case 'created':
      return <>created it{typeof a.tag === 'string' ? ` as ${tagLabel(a.tag)}` : ''}</>;
    case 'updated':
      return (
        <>
          edited it
          <Changes before={event.before} after={event.after} tagLabel={tagLabel} />
        </>
      );
    case 'review': {
      const verdict = a.verdict === 'AGREE' || a.verdict === 'DISPUTE' || a.verdict === 'NEEDS_SOURCE' ? VERDICT_PAST[a.verdict] : 'reviewed';
      return (
        <>
          {verdict}
          {typeof a.suggestedTag === 'string' ? ` (suggests ${tagLabel(a.suggestedTag)})` : ''}
          {typeof a.comment === 'string' ? <div className="rv-review-comment">“{a.comment}”</div> : null}
          {typeof b.status === 'string' && typeof a.status === 'string' && a.status !== b.status ? (
            <div className="muted">
              status {b.status.toLowerCase().replace('_', ' ')} → {a.status.toLowerCase().replace('_', ' ')}
            </div>
          ) : null}
        </>
      );
    }
    case 'conflict_resolved':
      return <>resolved a conflict{typeof a.tag === 'string' ? ` in favour of ${tagLabel(a.tag)}` : ''}</>;
    case 'reopened':
      return <>re-opened it for review</>;
    case 'regraded':
      return (
        <>
          changed the grade {gradeText(event.before)} → {gradeText(event.after)}
        </>
      );
    case 'reply_created':
      return (
        <>
          replied{typeof a.body === 'string' ? <div className="rv-reply-body">“{a.body}”</div> : null}
        </>
      );
    case 'reply_updated':
      return <>edited a reply</>;
    case 'reply_deleted':
      return <>deleted a reply</>;
    case 'deleted':
      return <>deleted it</>;
    case 'restored':
      return <>restored it</>;
    case 'reanchored':
      return <>moved with a new article version</>;
    case 'anchor_confirmed':
      return <>confirmed where it sits in the new version</>;
    default:
      return <>{event.action.replace(/_/g, ' ')}</>;
  }
}

export function HistoryTimeline({ annotationId, tags }: { annotationId: string; tags: SourceTag[] }) {
  const [open, setOpen] = useState(false);
  const history = useHistory(annotationId, open);
  const tagLabel = (key: string) => tags.find((t) => t.key === key)?.label ?? key;
  return (
    <details className="rv-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History</summary>
      {history.isPending && open ? <p className="muted small">Loading…</p> : null}
      {history.isError ? <p className="form-error small">Could not load the history: {errorMessage(history.error)}</p> : null}
      {history.data ? (
        <ol className="rv-timeline small" aria-label="History" data-testid="history">
          {history.data.map((event) => (
            <li key={event.id} data-action={event.action}>
              <time className="muted" dateTime={event.at} title={new Date(event.at).toLocaleString('en-GB')}>
                {new Date(event.at).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}
              </time>{' '}
              <strong>{event.actor.name}</strong> {describe(event, tagLabel)}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
