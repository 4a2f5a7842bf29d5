'use client';

// "This is a source document" in the import form: a report or statement that claims are linked to,
// with its issuing body and document symbol (its date and URL are the form's own Published and URL fields).
import { useId } from 'react';

export type SourceValues = { isSource: boolean; issuer: string; symbol: string };
export const NO_SOURCE: SourceValues = { isSource: false, issuer: '', symbol: '' };

export function SourceFields({ value, onChange }: { value: SourceValues; onChange: (value: SourceValues) => void }) {
  const hintId = useId();
  return (
    <div className="stack">
      <label className="row">
        <input type="checkbox" name="isSource" checked={value.isSource} aria-describedby={hintId} onChange={(e) => onChange({ ...value, isSource: e.target.checked })} />
        <span>This is a source document</span>
      </label>
      <p id={hintId} className="muted small" style={{ margin: 0 }}>
        A report, assessment or statement that claims in articles are checked against (listed under Sources).
      </p>
      {value.isSource ? (
        <div className="grid-2">
          <label className="field">
            <span>Issuing body</span>
            <input name="issuer" maxLength={300} placeholder="UN Security Council" value={value.issuer} onChange={(e) => onChange({ ...value, issuer: e.target.value })} />
          </label>
          <label className="field">
            <span>Document symbol</span>
            <input name="symbol" maxLength={100} placeholder="S/2025/482" value={value.symbol} onChange={(e) => onChange({ ...value, symbol: e.target.value })} />
          </label>
        </div>
      ) : null}
    </div>
  );
}
