'use client';

// ADMIN: the desk's name and whether analysts review each other (peer review; on by default).
// Reviewers and admins can always review.
import { useState, type FormEvent } from 'react';
import type { DeskSettingsDto } from '@/lib/client/review-api';
import { useDesk, useUpdateDesk } from '@/components/hooks/use-review';
import './review.css';
import { errorMessage } from '@/lib/client/error-message';

export function DeskSettingsForm({ initial }: { initial: DeskSettingsDto }) {
  const desk = useDesk(initial);
  const update = useUpdateDesk();
  const settings = desk.data ?? initial;
  const [name, setName] = useState(settings.name);

  function saveName(event: FormEvent) {
    event.preventDefault();
    if (name.trim() && name.trim() !== settings.name) update.mutate({ name: name.trim() });
  }

  return (
    <div className="card stack">
      <label className="rv-toggle">
        <input
          type="checkbox"
          checked={settings.peerReview}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ peerReview: e.target.checked })}
          data-testid="peer-review-toggle"
        />
        <span>
          <strong>Peer review</strong>
          <br />
          <span className="muted small">
            Analysts may give verdicts on colleagues’ annotations. When off, only reviewers and admins can agree, dispute or ask for a source.
          </span>
        </span>
      </label>
      <form className="row" onSubmit={saveName} aria-label="Desk name">
        <label className="field">
          <span>Desk name</span>
          <input value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="button small" disabled={update.isPending || !name.trim() || name.trim() === settings.name} style={{ alignSelf: 'end' }}>
          Save name
        </button>
      </form>
      {update.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(update.error)}
        </p>
      ) : update.isSuccess ? (
        <p className="form-ok" role="status">
          Saved.
        </p>
      ) : null}
    </div>
  );
}
