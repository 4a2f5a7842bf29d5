'use client';

/** Opens the browser's print dialog (where "Save as PDF" lives); no inline script needed under the CSP. */
export function PrintButton() {
  return (
    <button type="button" className="button primary small" onClick={() => window.print()}>
      Print / Save as PDF
    </button>
  );
}
