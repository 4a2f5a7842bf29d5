'use client';

// Inline editor for one's own annotation: tag, source detail, note, confidence, NATO grade.
import { ConfidenceSelect } from '@/components/annotations/confidence-select';
import { useState } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Confidence } from '@/lib/core/enums';
import type { ReliabilityGrade } from '@/lib/core/grading';
import type { SourceTag, UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '@/lib/core/grading';

type Props = {
  annotation: AnnotationDto;
  tags: SourceTag[];
  onSave: (input: UpdateAnnotationInput) => void;
  onCancel: () => void;
};

export function AnnotationEditForm({ annotation, tags, onSave, onCancel }: Props) {
  const [tag, setTag] = useState(annotation.tag);
  const [sourceDetail, setSourceDetail] = useState(annotation.sourceDetail ?? '');
  const [note, setNote] = useState(annotation.note ?? '');
  const [confidence, setConfidence] = useState<Confidence | ''>(annotation.confidence ?? '');
  const [reliability, setReliability] = useState<ReliabilityGrade | ''>(annotation.grade.reliability ?? '');
  const [credibility, setCredibility] = useState<string>(annotation.grade.credibility ? String(annotation.grade.credibility) : '');

  const submit = () =>
    onSave({
      revision: annotation.revision,
      tag,
      sourceDetail: sourceDetail.trim() || null,
      note: note.trim() || null,
      confidence: confidence || null,
      grade: { reliability: reliability || null, credibility: credibility ? Number(credibility) : null },
    });

  return (
    <form
      className="cd-edit-form stack"
      aria-label="Edit annotation"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
        if (event.key === 'Enter' && !event.shiftKey && event.target instanceof HTMLTextAreaElement) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <label className="field">
        <span>Tag</span>
        <select value={tag} onChange={(e) => setTag(e.target.value)}>
          {tags
            .filter((t) => !t.archived || t.key === annotation.tag)
            .map((t) => (
              <option key={t.key} value={t.key}>
                {t.archived ? `${t.label} (archived)` : t.label}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>Source detail</span>
        <input value={sourceDetail} onChange={(e) => setSourceDetail(e.target.value)} />
      </label>
      <label className="field">
        <span>Note</span>
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      </label>
      <div className="cd-edit-grid">
        <ConfidenceSelect value={confidence} onChange={setConfidence} />
        <label className="field">
          <span>Source reliability</span>
          <select value={reliability} onChange={(e) => setReliability(e.target.value as ReliabilityGrade | '')}>
            <option value="">—</option>
            {Object.entries(RELIABILITY_GRADES).map(([grade, meaning]) => (
              <option key={grade} value={grade} title={meaning}>
                {grade} — {meaning}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Information credibility</span>
          <select value={credibility} onChange={(e) => setCredibility(e.target.value)}>
            <option value="">—</option>
            {Object.entries(CREDIBILITY_GRADES).map(([grade, meaning]) => (
              <option key={grade} value={grade} title={meaning}>
                {grade} — {meaning}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <button type="submit" className="button small primary">
          Save
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
