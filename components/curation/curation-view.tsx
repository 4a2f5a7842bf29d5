'use client';

// The curation (adjudication) page (#17): each unit of overlapping analyst annotations with every
// analyst's version; agreed units accepted in bulk; for the others the curator picks one, edits the
// tag, or rejects. Decisions make the curated layer the brief uses.
import { useState } from 'react';
import { useCuration, useDecideCuration } from '@/components/hooks/use-assignments';
import type { SourceTag } from '@/lib/client/annotations-api';
import { errorMessage } from '@/lib/client/error-message';
import type { CurationUnitDto } from '@/lib/curation/curation-dto';

const WORDS: Record<string, string> = { all: 'all agree', partial: 'agree, not marked by everyone', tag: 'same tag, different span', span: 'same span, different tag', none: 'disagree', single: 'one analyst only' };

export function CurationView({ articleId, tags }: { articleId: string; tags: SourceTag[] }) {
  const curation = useCuration(articleId);
  const decide = useDecideCuration(articleId);
  if (curation.isPending) return <p className="muted">Loading…</p>;
  if (curation.isError) return <p className="form-error">{errorMessage(curation.error)}</p>;
  const data = curation.data;
  const usable = tags.filter((t) => !('archived' in t) || !t.archived);
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
          <Unit key={u.key} unit={u} tags={usable} onDecide={(input) => decide.mutate(input)} pending={decide.isPending} />
        ))}
      </ul>
    </div>
  );
}

type Decide = (input: { key: string; accept: string } | { key: string; reject: true } | { key: string; decision: { tag: string; start: number; end: number; exact: string } }) => void;

function Unit({ unit, tags, onDecide, pending }: { unit: CurationUnitDto; tags: SourceTag[]; onDecide: Decide; pending: boolean }) {
  const [tag, setTag] = useState(unit.annotations[0]?.tag ?? '');
  const first = unit.annotations[0];
  return (
    <li className="curation-unit" data-testid="curation-unit" data-agreement={unit.agreement}>
      <div className="small muted">
        {WORDS[unit.agreement] ?? unit.agreement}
        {unit.decision ? (
          <strong data-testid="curation-decision">
            {' '}
            · {unit.decision.kind === 'reject' ? 'rejected' : `curated: ${unit.decision.annotation?.tag ?? ''}`} by {unit.decision.decidedBy.name}
          </strong>
        ) : null}
      </div>
      <ul>
        {unit.annotations.map((a) => (
          <li key={a.id} className="small">
            <strong>{a.author.name}</strong>: {a.tag} — “{a.target.exact}”{' '}
            <button type="button" className="link-button" disabled={pending} onClick={() => onDecide({ key: unit.key, accept: a.id })} data-testid="curation-pick">
              pick this
            </button>
          </li>
        ))}
      </ul>
      {first ? (
        <div className="small">
          <label>
            Tag{' '}
            <select value={tag} onChange={(e) => setTag(e.target.value)}>
              {tags.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" disabled={pending} onClick={() => onDecide({ key: unit.key, decision: { tag, start: first.target.start, end: first.target.end, exact: first.target.exact } })}>
            Use with this tag
          </button>{' '}
          <button type="button" disabled={pending} onClick={() => onDecide({ key: unit.key, reject: true })} data-testid="curation-reject">
            Reject
          </button>
        </div>
      ) : null}
    </li>
  );
}
