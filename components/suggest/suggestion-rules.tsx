'use client';

// Desk settings: what the desk's accept/reject history did to the suggestion engine. Muted rules
// (precision under the floor) come first with a Restore button; the others show the factor their
// confidence is scaled by.
import { useRestoreSuggestionRule, useSuggestionRules } from '@/components/hooks/use-suggestion-rules';
import type { SuggestionRuleDto } from '@/lib/suggest/rule-dto';
import { errorMessage } from '@/lib/client/error-message';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function effect(r: SuggestionRuleDto): string {
  if (r.muted) return 'muted';
  if (r.factor > 1) return `boosted ×${r.factor.toFixed(2)}`;
  if (r.factor < 1) return `lowered ×${r.factor.toFixed(2)}`;
  return 'unchanged';
}

export function SuggestionRules({ canRestore }: { canRestore: boolean }) {
  const rules = useSuggestionRules();
  const restore = useRestoreSuggestionRule();
  if (rules.isError) return <p className="form-error">Could not load the suggestion rules: {errorMessage(rules.error)}</p>;
  if (!rules.data) return <p className="muted">Loading…</p>;
  const { learning } = rules.data;
  return (
    <div className="stack">
      <p className="muted small">
        Every accepted, rejected or re-tagged suggestion counts for the rule that proposed it. Precision is accepted ÷ decided with a prior of {learning.prior.accepted} accepted and{' '}
        {learning.prior.rejected} rejected; it scales the rule’s confidence. A rule under {pct(learning.floor)} after at least {learning.minDecisions} decisions is muted for the whole desk.
      </p>
      {restore.isError ? (
        <p className="form-error" role="alert">
          {errorMessage(restore.error)}
        </p>
      ) : null}
      {rules.data.rules.length === 0 ? (
        <p className="muted" data-testid="suggestion-rules-empty">
          No decisions on suggestions yet.
        </p>
      ) : (
        <table className="data-table" data-testid="suggestion-rules" aria-label="Suggestion rules">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Accepted</th>
              <th scope="col">Re-tagged</th>
              <th scope="col">Rejected</th>
              <th scope="col">Precision</th>
              <th scope="col">Effect</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rules.data.rules.map((r) => (
              <tr key={r.id} data-testid="suggestion-rule" data-rule-id={r.id} data-muted={r.muted ? 'true' : 'false'}>
                <td>
                  <div>{r.label}</div>
                  <code className="muted small">{r.id}</code>
                  {r.restoredAt ? <div className="muted small">restored {new Date(r.restoredAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</div> : null}
                </td>
                <td>{r.accepted}</td>
                <td>{r.retagged}</td>
                <td>{r.rejected}</td>
                <td>{pct(r.precision)}</td>
                <td data-testid="suggestion-rule-effect">{effect(r)}</td>
                <td>
                  {r.muted && canRestore ? (
                    <button type="button" className="button small" disabled={restore.isPending} onClick={() => restore.mutate(r.id)}>
                      Restore
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
