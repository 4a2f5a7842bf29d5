'use client';

// What a screen reader says about a highlight after its name (tag and author, its aria-label):
// whether it is in conflict or still saving, and what Enter does. The highlight spans point here
// with aria-describedby; the text is hidden from view but not from description.
import { memo } from 'react';
import type { HighlightInput } from '@/components/reader/annotation-highlights';

export const HighlightDescriptions = memo(function HighlightDescriptions({ highlights }: { highlights: HighlightInput[] }) {
  return (
    <div hidden>
      {highlights.map((h) => (h.describedBy ? <Description key={h.id} id={h.describedBy} conflict={Boolean(h.conflict)} pending={h.pending} /> : null))}
    </div>
  );
});

// One per highlight, compared by its three values: a live event re-renders the one that changed, not all.
const Description = memo(function Description({ id, conflict, pending }: { id: string; conflict: boolean; pending: boolean }) {
  return (
    <span id={id}>
      {conflict ? 'In conflict: another analyst tagged these words differently. ' : ''}
      {pending ? 'Saving. ' : ''}
      Press Enter to open it in the sidebar.
    </span>
  );
});
