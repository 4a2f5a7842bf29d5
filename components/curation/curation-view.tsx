'use client';

// The curation (adjudication) page (#17): each unit of overlapping analyst annotations with every
// analyst's version; agreed units accepted in bulk; for the others the curator picks one, gives it
// another tag or span (an analyst's, their union or the part they share), or rejects. Decisions make
// the curated layer the brief uses.
import { useState } from 'react';
import { useCuration, useDecideCuration } from '@/components/hooks/use-assignments';
import { activeTags, tagByKey, type SourceTag } from '@/lib/client/annotations-api';
import { errorMessage } from '@/lib/client/error-message';
import type { CurationUnitDto } from '@/lib/curation/curation-dto';
import { spanChoices } from '@/lib/curation/span-choices';
import { TagChip } from '@/components/tags/tag-chip';

const WORDS: Record<string, string> = { all: 'all agree', partial: 'agree, not marked by everyone', tag: 'same tag, different span', span: 'same span, different tag', none: 'disagree', single: 'one analyst only' };

export function CurationView({ articleId, tags }: { articleId: string; tags: SourceTag[] }) {
  const curation = useCuration(articleId);
  const decide = useDecideCuration(articleId);
  if (curation.isPending) return <p className="muted">Loading…</p>;
  if (curation.isError) return <p className="form-error">{errorMessage(curation.error)}</p>;
  const data = curation.data;
  return (
    <div className="stack">
      <p className="small">
        {data.units.length} units · {data.decided} decided · analysts: {data.analysts.map((a) => a.name).join(', ')} {data.blind ? '· blind' : ''}
      </p>
      <div>
        <button type="button" disabled={decide.isPending || data.agreedUndecided === 0} onClick={() => decide.mutate({ acceptAgreed: true })} data-testid="accept-agreed">
          Accept all {data.agreedUndecided} agreed units
        </button>
      </div>
      <ul className="stack" aria-label="Units">
        {data.units.map((u) => (
          <Unit key={u.key} unit={u} tags={tags} onDecide={(input) => decide.mutate(input)} pending={decide.isPending} />
        ))}
      </ul>
    </div>
  );
}

type Decide = (input: { key: string; accept: string } | { key: string; reject: true } | { key: string; decision: { tag: string; start: number; end: number; exact: string } }) => void;

function Unit({ unit, tags, onDecide, pending }: { unit: CurationUnitDto; tags: SourceTag[]; onDecide: Decide; pending: boolean }) {
  const [tag, setTag] = useState(unit.annotations[0]?.tag ?? '');
  const spans = spanChoices(unit.annotations);
  const [spanIndex, setSpanIndex] = useState(0);
  const span = spans[spanIndex] ?? spans[0];
  const tagOf = (key: string) => tagByKey(tags, key);
  const decided = unit.decision;
  return (
    <li className="curation-unit" data-testid="curation-unit" data-agreement={unit.agreement}>
      <div className="small muted">
        {WORDS[unit.agreement] ?? unit.agreement}
        {decided ? (
          <strong data-testid="curation-decision">
            {' '}
            · {decided.kind === 'reject' ? 'rejected' : `curated: ${decided.annotation ? tagOf(decided.annotation.tag).label : ''}`} by {decided.decidedBy.name}
          </strong>
        ) : null}
      </div>
      <ul className="curation-versions">
        {unit.annotations.map((a) => (
          <li key={a.id} className="small">
            <TagChip tag={tagOf(a.tag)} /> <strong>{a.author.name}</strong>: <q>{a.target.exact}</q>{' '}
            <button type="button" className="link-button" disabled={pending} onClick={() => onDecide({ key: unit.key, accept: a.id })} data-testid="curation-pick">
              accept this version
            </button>
          </li>
        ))}
      </ul>
      {span ? (
        <div className="small curation-edit">
          <label>
            Tag{' '}
            <select value={tag} onChange={(e) => setTag(e.target.value)}>
              {activeTags(tags).map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>{' '}
          {spans.length > 1 ? (
            <label>
              Span{' '}
              <select value={spanIndex} onChange={(e) => setSpanIndex(Number(e.target.value))} data-testid="curation-span">
                {spans.map((c, i) => (
                  <option key={`${c.start}:${c.end}`} value={i}>
                    {c.label}: “{c.exact.length > 60 ? `${c.exact.slice(0, 57)}…` : c.exact}”
                  </option>
                ))}
              </select>
            </label>
          ) : null}{' '}
          <button type="button" disabled={pending} onClick={() => onDecide({ key: unit.key, decision: { tag, start: span.start, end: span.end, exact: span.exact } })} data-testid="curation-edit">
            Curate with this tag{spans.length > 1 ? ' and span' : ''}
          </button>{' '}
          <button type="button" disabled={pending} onClick={() => onDecide({ key: unit.key, reject: true })} data-testid="curation-reject">
            Reject
          </button>
        </div>
      ) : null}
    </li>
  );
}
