// Request shapes of the annotation endpoints (../shared/API.md). Strict objects: unknown fields are refused.
import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { idField, optionalTextField, textField } from '@/lib/api/text-field';
import { ANCHOR_STATES, CONFIDENCES, REVIEW_STATUSES } from '@/lib/core/enums';
import { RELIABILITIES } from '@/lib/core/grading';
import { routeDocs } from '@/lib/api/route-docs';

export const MAX_NOTE = 5_000;
export const MAX_SOURCE_DETAIL = 500;
export const MAX_SUGGESTION_REASON = 1_000;
export const MAX_IDEMPOTENCY_KEY = 200;

/** Optional free text: trimmed and NFC, '' and null clear it (null), undefined leaves it alone. */
const optionalText = (field: string, max: number) => optionalTextField(field, { max });

const offset = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be a whole number`).min(0, `${field} must be 0 or more`);

const revision = z.number({ message: 'revision must be a number' }).int('revision must be a whole number').min(1, 'revision must be 1 or more');

const tagKey = textField('tag', { max: 100 });

export const gradeSchema = z.strictObject({
  reliability: z.enum(RELIABILITIES, { message: 'grade.reliability must be one of A, B, C, D, E, F or null' }).nullable().optional(),
  credibility: z
    .number({ message: 'grade.credibility must be a number from 1 to 6 or null' })
    .int('grade.credibility must be a whole number from 1 to 6')
    .min(1, 'grade.credibility must be from 1 to 6')
    .max(6, 'grade.credibility must be from 1 to 6')
    .nullable()
    .optional(),
});

const confidence = z.enum(CONFIDENCES, { message: `confidence must be one of: ${CONFIDENCES.join(', ')}` }).nullable().optional();

export const createAnnotationSchema = z.strictObject({
  start: offset('start'),
  end: offset('end'),
  // Verbatim: it must equal the version's text between start and end, character for character.
  exact: textField('exact', { max: 1_000_000, min: 0, verbatim: true })
    .refine((v) => v.length > 0, 'exact is empty: select some words')
    .refine(
    (v) => v.trim() !== '',
    'The selection is only whitespace: select some words.',
  ),
  tag: tagKey,
  versionId: idField('versionId').optional(),
  sourceDetail: optionalText('sourceDetail', MAX_SOURCE_DETAIL),
  note: optionalText('note', MAX_NOTE),
  confidence,
  grade: gradeSchema.optional(),
  suggestionReason: optionalText('suggestionReason', MAX_SUGGESTION_REASON),
  matchOf: z.string({ message: 'matchOf must be the id of an annotation in another article' }).trim().min(1, 'matchOf must be the id of an annotation in another article').max(100).optional(),
});
export type CreateAnnotationInput = z.output<typeof createAnnotationSchema>;

const EDITABLE = ['tag', 'sourceDetail', 'note', 'confidence', 'grade'] as const;

export const updateAnnotationSchema = z
  .strictObject({
    revision,
    tag: tagKey.optional(),
    sourceDetail: optionalText('sourceDetail', MAX_SOURCE_DETAIL),
    note: optionalText('note', MAX_NOTE),
    confidence,
    grade: gradeSchema.optional(),
  })
  .refine((v) => EDITABLE.some((k) => v[k] !== undefined), `Send at least one field to change: ${EDITABLE.join(', ')}.`);
export type UpdateAnnotationInput = z.output<typeof updateAnnotationSchema>;

export const confirmAnchorSchema = z
  .strictObject({ revision, start: offset('start').optional(), end: offset('end').optional(), exact: textField('exact', { max: 1_000_000, verbatim: true }).optional() })
  .refine(
    (v) => [v.start, v.end, v.exact].every((x) => x === undefined) || [v.start, v.end, v.exact].every((x) => x !== undefined),
    'Send start, end and exact together to move the anchor, or none of them to confirm it where it is.',
  );
export type ConfirmAnchorInput = z.output<typeof confirmAnchorSchema>;

const LIST_PARAMS = ['tag', 'author', 'status', 'anchorState', 'q', 'includeDeleted', 'since'] as const;

export const listAnnotationsQuerySchema = z.strictObject(
  {
    tag: textField('tag', { max: 100 }).optional(),
    author: idField('author').optional(),
    status: z.enum(REVIEW_STATUSES, { message: `status must be one of: ${REVIEW_STATUSES.join(', ')}` }).optional(),
    anchorState: z.enum(ANCHOR_STATES, { message: `anchorState must be one of: ${ANCHOR_STATES.join(', ')}` }).optional(),
    q: textField('q', { max: 200, min: 0 }).optional(),
    includeDeleted: z
      .enum(['0', '1', 'true', 'false'], { message: 'includeDeleted must be 1 or 0' })
      .transform((v) => v === '1' || v === 'true')
      .optional(),
    /** A live sequence number: only what changed after it (`{ annotations, deleted, seq }`). */
    since: z
      .string()
      .regex(/^\d{1,15}$/, 'since must be a sequence number (a whole number of 0 or more), as the list and the live events give it')
      .transform(Number)
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}: use ${LIST_PARAMS.join(', ')}.`
        : undefined,
  },
);
export type ListAnnotationsQuery = z.output<typeof listAnnotationsQuerySchema>;

/** `since` asks for changes to the whole list: filters would leave out what stopped matching them. */
export function assertSinceAlone(query: ListAnnotationsQuery): void {
  const others = Object.entries(query).filter(([key, value]) => key !== 'since' && value !== undefined);
  if (query.since !== undefined && others.length > 0) {
    throw new AppError('validation_failed', `since cannot be combined with ${others.map(([k]) => k).join(', ')}: it returns every change to the article's annotations.`, [
      { path: 'since', message: 'use alone' },
    ]);
  }
}

/** The optional `Idempotency-Key` header: 1–200 visible ASCII characters. */
export function readIdempotencyKey(headers: Headers): string | null {
  const raw = headers.get('idempotency-key');
  if (raw === null) return null;
  const key = raw.trim();
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('validation_failed', `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY} visible ASCII characters (a UUID works).`);
  }
  return key;
}

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const annotationRouteDocs = routeDocs({
  'GET /api/articles/{id}/annotations': { summary: "The article's annotations (ETag/304; ?since= for a delta)", query: listAnnotationsQuerySchema },
  'POST /api/articles/{id}/annotations': { summary: 'Create an annotation (Idempotency-Key: a replay answers 200)', body: createAnnotationSchema, ok: { status: 201, description: '{ annotation }' } },
  'POST /api/articles/{id}/annotations/import': { summary: 'Import W3C Web Annotations (JSON-LD) onto the current version', ok: { status: 201, description: 'what was imported, re-anchored or orphaned, evidence links re-created (links) and what was skipped' } },
  'GET /api/annotations/{id}': { summary: 'One annotation' },
  'PATCH /api/annotations/{id}': { summary: "Edit an annotation (author only; a stale revision → 409 with the current one)", body: updateAnnotationSchema },
  'DELETE /api/annotations/{id}': { summary: 'Delete an annotation (author or admin)', ok: { status: 204, description: 'deleted' } },
  'POST /api/annotations/{id}/restore': { summary: 'Restore a deleted annotation' },
  'POST /api/annotations/{id}/confirm-anchor': { summary: 'Confirm or re-attach a fuzzy or orphaned annotation', body: confirmAnchorSchema },
  'GET /api/annotations/{id}/history': { summary: "An annotation's audit history" },
});
