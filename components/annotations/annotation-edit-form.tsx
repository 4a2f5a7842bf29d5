'use client';

// Inline editor for one's own annotation: tag, source detail, note, confidence, NATO grade.
// It closes only once the server has stored the change: a refusal leaves it open with what was
// typed and the server's reason next to the field.
import { ConfidenceSelect } from '@/components/annotations/confidence-select';
import { SourceDetailField } from '@/components/annotations/source-detail-field';
import { useState } from 'react';
import { LimitedTextarea } from '@/components/forms/limited-textarea';
import { MAX_NOTE, MAX_SOURCE_DETAIL, updateAnnotationSchema } from '@/lib/annotations/annotation-schemas';
import { storedLength } from '@/lib/api/text-field';
import { formErrors, NO_FORM_ERRORS, type FormErrors } from '@/lib/client/field-errors';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { Confidence } from '@/lib/core/enums';
import type { ReliabilityGrade } from '@/lib/core/grading';
import type { SourceTag, UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '@/lib/core/grading';

type Props = {
  annotation: AnnotationDto;
  tags: SourceTag[];
  /** Resolves once stored; rejects with the server's refusal. */
  onSave: (input: UpdateAnnotationInput) => Promise<void>;
  onCancel: () => void;
};

const EDIT_FIELDS = ['sourceDetail', 'note'] as const;

export function AnnotationEditForm({ annotation, tags, onSave, onCancel }: Props) {
  const [tag, setTag] = useState(annotation.tag);
  const [sourceDetail, setSourceDetail] = useState(annotation.sourceDetail ?? '');
  const [note, setNote] = useState(annotation.note ?? '');
  const [confidence, setConfidence] = useState<Confidence | ''>(annotation.confidence ?? '');
  const [reliability, setReliability] = useState<ReliabilityGrade | ''>(annotation.grade.reliability ?? '');
  const [credibility, setCredibility] = useState<string>(annotation.grade.credibility ? String(annotation.grade.credibility) : '');

  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const blocked = saving || storedLength(note) > MAX_NOTE || storedLength(sourceDetail) > MAX_SOURCE_DETAIL;

  const submit = () => {
    if (blocked) return;
    setSaving(true);
    setErrors(NO_FORM_ERRORS);
    onSave({
      revision: annotation.revision,
      tag,
      sourceDetail: sourceDetail.trim() || null,
      note: note.trim() || null,
      confidence: confidence || null,
      grade: { reliability: reliability || null, credibility: credibility ? Number(credibility) : null },
    })
      .catch((error: unknown) => setErrors(formErrors(error, EDIT_FIELDS)))
      .finally(() => setSaving(false));
  };

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
      <SourceDetailField value={sourceDetail} onChange={setSourceDetail} error={errors.fields.sourceDetail} />
      <LimitedTextarea label="Note" rows={3} value={note} onChange={setNote} max={MAX_NOTE} schema={updateAnnotationSchema.shape.note} error={errors.fields.note} autoFocus />
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
      {errors.message && !errors.fields.note && !errors.fields.sourceDetail ? (
        <p className="form-error small" role="alert" data-testid="edit-error">
          Not saved: {errors.message}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="button small primary" disabled={blocked}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
