'use client';

// What a screen reader says about a highlight after its name (tag and author, its aria-label):
// whether it is in conflict or still saving, and what Enter does. The highlight spans point here
// with aria-describedby; the text is hidden from view but not from description.
import { memo } from 'react';
import type { HighlightInput } from '@/components/reader/annotation-highlights';

export const HighlightDescriptions = memo(function HighlightDescriptions({ highlights }: { highlights: HighlightInput[] }) {
  return (
    <div hidden>
      {highlights.map((h) =>
        h.describedBy ? (
          <span key={h.id} id={h.describedBy}>
            {h.conflict ? 'In conflict: another analyst tagged these words differently. ' : ''}
            {h.pending ? 'Saving. ' : ''}
            Press Enter to open it in the sidebar.
          </span>
        ) : null,
      )}
    </div>
  );
});
