'use client';

import type { Verdict } from '@/lib/core/enums';
import { VERDICT_LABELS } from '@/components/review/verdict-labels';

type Props = {
  /** My current verdict, shown pressed. */
  current: Verdict | null;
  pending: boolean;
  onAgree: () => void;
  onDispute: () => void;
  onNeedsSource: () => void;
  /** Shortcut hints (the review queue); omitted in the workspace, where a/d/n are not bound. */
  showKeys?: boolean;
};

export function VerdictButtons({ current, pending, onAgree, onDispute, onNeedsSource, showKeys = false }: Props) {
  const buttons: Array<{ verdict: Verdict; key: string; onClick: () => void }> = [
    { verdict: 'AGREE', key: 'a', onClick: onAgree },
    { verdict: 'DISPUTE', key: 'd', onClick: onDispute },
    { verdict: 'NEEDS_SOURCE', key: 'n', onClick: onNeedsSource },
  ];
  return (
    <div className="rv-verdicts" role="group" aria-label="Your verdict">
      {buttons.map(({ verdict, key, onClick }) => (
        <button
          key={verdict}
          type="button"
          className={`button small rv-verdict-button rv-verdict-${verdict.toLowerCase()}`}
          aria-pressed={current === verdict}
          disabled={pending}
          onClick={onClick}
        >
          {VERDICT_LABELS[verdict]}
          {showKeys ? (
            <>
              {' '}
              <kbd aria-hidden>{key}</kbd>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}
