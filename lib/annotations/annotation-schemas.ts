// Request shapes of the annotation endpoints (../shared/API.md). Strict objects: unknown fields are refused.
import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import { ANCHOR_STATES, CONFIDENCES, REVIEW_STATUSES } from '@/lib/core/enums';
import { RELIABILITIES } from '@/lib/core/grading';

export const MAX_NOTE = 5_000;
export const MAX_SOURCE_DETAIL = 500;
export const MAX_SUGGESTION_REASON = 1_000;
export const MAX_IDEMPOTENCY_KEY = 200;

/**
 * JSON can carry characters Postgres cannot store: NUL ("\u0000") is refused by text and jsonb
 * alike (a 500), and a lone UTF-16 surrogate ("\ud83d") would be stored as U+FFFD in text and is
 * refused by jsonb. Such strings are turned away here with a 400 instead of failing or being corrupted.
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /\p{Cs}/u;

/** `schema` with the two checks above, each with a message naming the field. */
const storable = <S extends z.ZodString>(schema: S, field: string) =>
  schema
    .refine((v) => !NUL.test(v), `${field} contains a NUL character (\\u0000), which cannot be stored: remove it`)
    .refine((v) => !LONE_SURROGATE.test(v), `${field} contains a broken character (half of an emoji or other symbol): send valid Unicode text`);

/** Optional free text: trimmed, '' and null clear it (null), undefined leaves it alone. */
const optionalText = (field: string, max: number) =>
  storable(z.string({ message: `${field} must be a string` }).max(max, `${field} must be at most ${max.toLocaleString('en-US')} characters`), field)
    .transform((v) => (v.trim() === '' ? null : v.trim()))
    .nullable()
    .optional();

const offset = (field: string) =>
  z.number({ message: `${field} must be a number` }).int(`${field} must be a whole number`).min(0, `${field} must be 0 or more`);

const revision = z.number({ message: 'revision must be a number' }).int('revision must be a whole number').min(1, 'revision must be 1 or more');

const tagKey = storable(z.string({ message: 'tag must be a tag key such as "un"' }).trim().min(1, 'tag is required').max(100), 'tag');

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
  exact: storable(z.string({ message: 'exact must be the selected text' }).min(1, 'exact is empty: select some words'), 'exact').refine(
    (v) => v.trim() !== '',
    'The selection is only whitespace: select some words.',
  ),
  tag: tagKey,
  versionId: z.string().min(1).max(100).optional(),
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
  .strictObject({ revision, start: offset('start').optional(), end: offset('end').optional(), exact: storable(z.string(), 'exact').optional() })
  .refine(
    (v) => [v.start, v.end, v.exact].every((x) => x === undefined) || [v.start, v.end, v.exact].every((x) => x !== undefined),
    'Send start, end and exact together to move the anchor, or none of them to confirm it where it is.',
  );
export type ConfirmAnchorInput = z.output<typeof confirmAnchorSchema>;

const LIST_PARAMS = ['tag', 'author', 'status', 'anchorState', 'q', 'includeDeleted'] as const;

export const listAnnotationsQuerySchema = z.strictObject(
  {
    tag: storable(z.string().trim().min(1, 'tag must be a tag key').max(100), 'tag').optional(),
    author: storable(z.string().trim().min(1, 'author must be a user id or "me"').max(100), 'author').optional(),
    status: z.enum(REVIEW_STATUSES, { message: `status must be one of: ${REVIEW_STATUSES.join(', ')}` }).optional(),
    anchorState: z.enum(ANCHOR_STATES, { message: `anchorState must be one of: ${ANCHOR_STATES.join(', ')}` }).optional(),
    q: storable(z.string().trim().max(200, 'q must be at most 200 characters'), 'q').optional(),
    includeDeleted: z
      .enum(['0', '1', 'true', 'false'], { message: 'includeDeleted must be 1 or 0' })
      .transform((v) => v === '1' || v === 'true')
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
