import type { QuoteContext } from '@/lib/client/review-api';

/** The paragraph around a claim with the claim marked, so it is reviewed in context. */
export function QuoteInContext({ context, fallback }: { context: QuoteContext | undefined; fallback: string }) {
  if (!context) return <p className="rv-context"><mark>{fallback}</mark></p>;
  const { paragraph, start, end } = context;
  return (
    <p className="rv-context">
      {start > 0 ? '…' : null}
      {paragraph.slice(0, start)}
      <mark data-testid="queue-quote">{paragraph.slice(start, end)}</mark>
      {paragraph.slice(end)}
    </p>
  );
}
