'use client';

// Others' annotations I have not reviewed yet, oldest first. Keyboard: j / k move, a agrees,
// n asks for a source, d opens the dispute form (a comment is required). A reviewed item leaves
// the list at once (optimistic) and the cursor lands on the next one.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewQueueFilters as Filters } from '@/lib/client/review-api';
import { tagByKey, type SourceTag } from '@/lib/client/annotations-api';
import { isTextField } from '@/components/annotations/is-text-field';
import { useTags } from '@/components/hooks/use-tags';
import { useArticleChoices, useReviewQueue, useSubmitReview, type Person } from '@/components/hooks/use-review';
import { DisputeForm } from '@/components/review/dispute-form';
import { QuoteInContext } from '@/components/review/quote-in-context';
import { ReviewQueueFilters } from '@/components/review/review-queue-filters';
import { ReviewQueueItem } from '@/components/review/review-queue-item';
import { VerdictButtons } from '@/components/review/verdict-buttons';
// Status and conflict badges share the workspace's look.
import '@/components/annotations/annotations.css';
import './review.css';
import { errorMessage } from '@/lib/client/error-message';


export function ReviewQueue({ currentUser }: { currentUser: Person }) {
  const [filters, setFilters] = useState<Filters>({});
  const queue = useReviewQueue(filters);
  const tags = useTags().data ?? [];
  const articleChoices = useArticleChoices();
  const submit = useSubmitReview(currentUser);
  const [cursor, setCursor] = useState(0);
  const [disputingId, setDisputingId] = useState<string | null>(null);
  // Authors seen so far, so the author filter keeps its options while it narrows the list.
  const [knownAuthors, setKnownAuthors] = useState<Person[]>([]);

  const items = useMemo(() => queue.data?.annotations ?? [], [queue.data]);
  const canReview = queue.data?.canReview ?? false;
  const index = Math.min(cursor, Math.max(0, items.length - 1));
  const current = items[index];

  const authors = useMemo(() => {
    const byId = new Map(knownAuthors.map((a) => [a.id, a]));
    for (const a of items) byId.set(a.author.id, a.author);
    return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name));
  }, [items, knownAuthors]);
  const articles = useMemo(() => {
    const byId = new Map((articleChoices.data ?? []).map((a) => [a.id, a.title]));
    for (const [id, title] of Object.entries(queue.data?.articles ?? {})) byId.set(id, title);
    return [...byId].map(([id, title]) => ({ id, title }));
  }, [articleChoices.data, queue.data]);

  const verdict = (kind: 'AGREE' | 'NEEDS_SOURCE') => {
    if (!current) return;
    setDisputingId(null);
    submit.mutate({ annotation: current, input: { verdict: kind } });
  };

  // Key handling reads the latest state through a ref, so the listener is attached once.
  const keyState = useRef({ items, index, canReview, verdict });
  useEffect(() => {
    keyState.current = { items, index, canReview, verdict };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTextField(event.target)) return;
      const s = keyState.current;
      if (s.items.length === 0) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        setCursor(Math.min(s.items.length - 1, Math.max(0, s.index + (event.key === 'j' ? 1 : -1))));
        setDisputingId(null);
        return;
      }
      if (!s.canReview) return;
      if (event.key === 'a') {
        event.preventDefault();
        s.verdict('AGREE');
      } else if (event.key === 'n') {
        event.preventDefault();
        s.verdict('NEEDS_SOURCE');
      } else if (event.key === 'd') {
        event.preventDefault();
        setDisputingId(s.items[s.index]?.id ?? null);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const currentId = current?.id;
  useEffect(() => {
    if (!currentId) return;
    document.querySelector(`[data-testid="queue-item"][data-annotation-id="${CSS.escape(currentId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const changeFilters = (next: Filters) => {
    const author = next.author ? authors.find((a) => a.id === next.author) : undefined;
    if (author) setKnownAuthors((known) => (known.some((a) => a.id === author.id) ? known : [...known, author]));
    setFilters(next);
    setCursor(0);
    setDisputingId(null);
  };

  return (
    <div className="rv-queue">
      <ReviewQueueFilters filters={filters} articles={articles} tags={tags} authors={authors} onChange={changeFilters} />
      <div className="rv-keys muted small" aria-label="Keyboard shortcuts">
        <span>
          <kbd>j</kbd>/<kbd>k</kbd> next / previous
        </span>
        <span>
          <kbd>a</kbd> agree
        </span>
        <span>
          <kbd>d</kbd> dispute
        </span>
        <span>
          <kbd>n</kbd> needs source
        </span>
      </div>
      {queue.data && !canReview ? <p className="form-error">Peer review is off: only reviewers and admins can give verdicts.</p> : null}
      {submit.isError ? (
        <p className="form-error" role="alert">
          Your verdict was not saved: {errorMessage(submit.error)}
        </p>
      ) : null}
      {queue.isPending ? <p className="muted">Loading the queue…</p> : null}
      {queue.isError ? <p className="form-error">Could not load the queue: {errorMessage(queue.error)}</p> : null}
      {queue.data ? (
        <p className="muted small" data-testid="queue-count" aria-live="polite">
          {items.length === 0 ? 'Nothing left to review. ' : `${items.length} annotation${items.length === 1 ? '' : 's'} waiting for your verdict, oldest first.`}
        </p>
      ) : null}
      <ol className="rv-queue-list" aria-label="Review queue">
        {items.map((a, i) => {
          const isCurrent = i === index;
          return (
            <ReviewQueueItem
              key={a.id}
              annotation={a}
              tag={tagByKey(tags, a.tag)}
              articleTitle={queue.data?.articles[a.articleId] ?? 'Article'}
              context={<QuoteInContext context={queue.data?.contexts[a.id]} fallback={a.target.exact} />}
              current={isCurrent}
              onSelect={() => {
                setCursor(i);
                if (disputingId !== a.id) setDisputingId(null);
              }}
            >
              {isCurrent && canReview ? (
                <div className="stack" style={{ gap: '0.4rem' }}>
                  <VerdictButtons
                    current={null}
                    pending={false}
                    showKeys
                    onAgree={() => verdict('AGREE')}
                    onDispute={() => setDisputingId(a.id)}
                    onNeedsSource={() => verdict('NEEDS_SOURCE')}
                  />
                  {disputingId === a.id ? (
                    <DisputeForm
                      tags={tags}
                      currentTag={a.tag}
                      pending={false}
                      onCancel={() => setDisputingId(null)}
                      onSubmit={(values) => {
                        setDisputingId(null);
                        submit.mutate({ annotation: a, input: { verdict: 'DISPUTE', ...values } });
                      }}
                    />
                  ) : null}
                </div>
              ) : null}
            </ReviewQueueItem>
          );
        })}
      </ol>
    </div>
  );
}
