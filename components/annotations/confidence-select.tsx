import type { Confidence } from '@/lib/core/enums';

/** The analyst's confidence in a claim's sourcing; '' = not stated. */
export function ConfidenceSelect({ value, onChange }: { value: Confidence | ''; onChange: (value: Confidence | '') => void }) {
  return (
    <label className="field">
      <span>Confidence</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Confidence | '')}>
        <option value="">—</option>
        <option value="low">Low</option>
        <option value="medium">Medium</option>
        <option value="high">High</option>
      </select>
    </label>
  );
}
