import type { DiffOp } from '@/lib/articles/version-diff';

/** An inline word diff of two canonical texts: insertions underlined green, deletions struck red. */
export function VersionDiffView({ ops }: { ops: DiffOp[] }) {
  return (
    // Focusable and named: the diff scrolls, and a keyboard user has to be able to scroll it.
    <div className="version-diff card" data-testid="version-diff" tabIndex={0} role="region" aria-label="Changes from the previous version">
      {ops.map((o, i) =>
        o.op === 'insert' ? (
          <ins key={i}>{o.text}</ins>
        ) : o.op === 'delete' ? (
          <del key={i}>{o.text}</del>
        ) : (
          <span key={i}>{o.text}</span>
        ),
      )}
    </div>
  );
}
