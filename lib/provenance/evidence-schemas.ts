// Request shapes of the provenance endpoints (../shared/API.md, "Sources and evidence"), shared by
// the routes and the UI's forms. Strict objects: unknown fields are refused.
import { z } from 'zod';
import { idField, optionalTextField, textField } from '@/lib/api/text-field';
import { routeDocs } from '@/lib/api/route-docs';
import { EVIDENCE_RELATIONS, VERDICTS } from '@/lib/core/enums';

export const MAX_EVIDENCE_NOTE = 5_000;
export const MAX_EVIDENCE_COMMENT = 5_000;
/** A passage longer than this is not a passage but the document. */
export const MAX_PASSAGE_LENGTH = 20_000;

const offset = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be a whole number`).min(0, `${field} must be 0 or more`);

export const relationField = z.enum(EVIDENCE_RELATIONS, { message: `relation must be one of: ${EVIDENCE_RELATIONS.join(', ')}` });

const passageFields = {
  versionId: idField('versionId').optional(),
  start: offset('start').optional(),
  end: offset('end').optional(),
  // Verbatim: it must equal the source's text between start and end, character for character.
  exact: textField('exact', { max: MAX_PASSAGE_LENGTH, verbatim: true }).optional(),
};

type PassageShape = { start?: number; end?: number; exact?: string };
const passageGiven = (v: PassageShape) => v.start !== undefined || v.end !== undefined || v.exact !== undefined;
const passageComplete = (v: PassageShape) => v.start !== undefined && v.end !== undefined && v.exact !== undefined;

function checkPassage(value: PassageShape & { relation?: string; targetAnnotationId?: string }, ctx: z.RefinementCtx, required: boolean) {
  if (passageGiven(value) && !passageComplete(value)) {
    ctx.addIssue({ code: 'custom', path: ['exact'], message: 'A passage is start, end and exact together (the quote at those offsets of the source text)' });
  }
  if (value.relation === 'not_found' && (passageGiven(value) || value.targetAnnotationId)) {
    ctx.addIssue({ code: 'custom', path: ['relation'], message: 'not_found means the source does not say it: send no passage, and say in the note what was searched' });
  }
  if (value.targetAnnotationId && passageGiven(value)) {
    ctx.addIssue({ code: 'custom', path: ['targetAnnotationId'], message: 'A link to another annotation takes that annotation’s passage: send targetAnnotationId or start/end/exact, not both' });
  }
  if (required && value.relation !== 'not_found' && !passageGiven(value) && !value.targetAnnotationId) {
    ctx.addIssue({ code: 'custom', path: ['exact'], message: `relation ${value.relation} needs the passage: start, end and exact of the source text (or targetAnnotationId)` });
  }
}

export const createEvidenceSchema = z
  .strictObject({
    documentId: idField('documentId'),
    targetAnnotationId: idField('targetAnnotationId').optional(),
    ...passageFields,
    relation: relationField,
    note: optionalTextField('note', { max: MAX_EVIDENCE_NOTE }),
  })
  .superRefine((v, ctx) => checkPassage(v, ctx, true));
export type CreateEvidenceInput = z.output<typeof createEvidenceSchema>;

/**
 * A change of relation, note or passage. The passage is checked on the link's own document; a link
 * that becomes not_found drops its passage, one that stops being not_found must bring one.
 */
export const updateEvidenceSchema = z
  .strictObject({
    revision: z.number({ message: 'revision must be a number' }).int('revision must be a whole number').min(1, 'revision must be 1 or more'),
    ...passageFields,
    relation: relationField.optional(),
    note: optionalTextField('note', { max: MAX_EVIDENCE_NOTE }),
  })
  .superRefine((v, ctx) => checkPassage(v, ctx, false));
export type UpdateEvidenceInput = z.output<typeof updateEvidenceSchema>;

export const evidenceReviewSchema = z
  .strictObject({
    verdict: z.enum(VERDICTS, { error: `verdict must be one of: ${VERDICTS.join(', ')}` }),
    comment: optionalTextField('comment', { max: MAX_EVIDENCE_COMMENT }).transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'DISPUTE' && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'A dispute needs a comment explaining what the passage really says' });
  });
export type EvidenceReviewInput = z.output<typeof evidenceReviewSchema>;

export const proposalsQuerySchema = z.strictObject({ documentId: idField('documentId') });

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const provenanceRouteDocs = routeDocs({
  'GET /api/annotations/{id}/evidence': { summary: "A claim's evidence links (its provenance)", ok: { description: '{ evidence }' } },
  'POST /api/annotations/{id}/evidence': {
    summary: 'Link a claim to a passage of a source (or to another annotation) with a relation',
    body: createEvidenceSchema,
    ok: { status: 201, description: '{ evidence, annotation }' },
  },
  'GET /api/annotations/{id}/evidence/proposals': { summary: 'The 5 passages of a source most likely to be the claim’s, with scores and reasons', query: proposalsQuerySchema },
  'PATCH /api/evidence/{id}': { summary: 'Change my evidence link (relation, note, passage)', body: updateEvidenceSchema, ok: { description: '{ evidence, annotation }' } },
  'DELETE /api/evidence/{id}': { summary: 'Delete my evidence link', ok: { status: 204, description: 'deleted' } },
  'POST /api/evidence/{id}/reviews': { summary: 'Agree with or dispute an evidence link', body: evidenceReviewSchema, ok: { status: 201, description: '{ review, evidence }' } },
  'GET /api/articles/{id}/cited-by': { summary: 'Claims citing this source, with their evidence links' },
});
