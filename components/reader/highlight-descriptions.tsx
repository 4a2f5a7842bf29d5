'use client';

// What a screen reader says about a highlight: its tag, author and whether it is in conflict. The
// highlight spans point here with aria-describedby (a `mark` may not carry a label of its own); the
// text is hidden from view but not from description.
import { memo } from 'react';
import type { HighlightInput } from '@/components/reader/annotation-highlights';

export const HighlightDescriptions = memo(function HighlightDescriptions({ highlights }: { highlights: HighlightInput[] }) {
  return (
    <div hidden>
      {highlights.map((h) =>
        h.describedBy ? (
          <span key={h.id} id={h.describedBy}>
            {h.label}
            {h.conflict ? ', in conflict with another analyst’s tag' : ''}
            {h.pending ? ', saving' : ''}. Press Enter to open it.
          </span>
        ) : null,
      )}
    </div>
  );
});
