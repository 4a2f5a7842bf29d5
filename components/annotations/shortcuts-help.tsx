'use client';

import { useEffect, useRef } from 'react';
import { activeTags, type SourceTag } from '@/lib/client/annotations-api';

export function ShortcutsHelp({ tags, onClose }: { tags: SourceTag[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const rows: Array<[string, string]> = [
    ['j / k', 'Next / previous annotation'],
    ['e', 'Edit the selected annotation (your own)'],
    ['Delete', 'Delete the selected annotation (your own; Undo for 10 s)'],
    ['Esc', 'Clear the selection / close'],
    ['?', 'Show or hide this help'],
    ...activeTags(tags).slice(0, 9).map((t, i): [string, string] => [String(i + 1), `In the annotate popover: tag as “${t.label}”`]),
    ['Enter', 'In the annotate popover: save (Shift+Enter: new line in the note)'],
  ];
  return (
    <div className="cd-modal-backdrop" onClick={onClose}>
      <div
        ref={ref}
        tabIndex={-1}
        className="cd-modal"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="row cd-modal-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="button small" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="muted small">Select text in the article to annotate it.</p>
        <table className="data-table">
          <tbody>
            {rows.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
