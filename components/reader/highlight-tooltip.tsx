'use client';

// What hovering a highlight shows: tag · author (· saving…), the source detail, the provenance state and the start of the note.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isPendingAnnotation, type SourceTag } from '@/lib/client/annotations-api';
import { PROVENANCE_LABELS } from '@/lib/provenance/relations';

export function HighlightTooltip({ annotation: a, tag }: { annotation: AnnotationDto; tag: SourceTag | undefined }) {
  return (
    <>
      <div className="cd-tooltip-tag">
        {tag?.label ?? a.tag} · {a.author.name}
        {isPendingAnnotation(a) ? ' · saving…' : ''}
      </div>
      {a.sourceDetail ? <div>{a.sourceDetail}</div> : null}
      <div className="cd-tooltip-provenance">Provenance: {PROVENANCE_LABELS[a.provenance]}</div>
      {a.note ? <div className="cd-tooltip-note">{a.note.length > 200 ? `${a.note.slice(0, 200)}…` : a.note}</div> : null}
    </>
  );
}
