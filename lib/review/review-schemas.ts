// Request schemas of the Review API, shared by the routes and the UI's forms.
import { z } from 'zod';
import { idField, optionalTextField, textField } from '@/lib/api/text-field';
import { VERDICTS } from '@/lib/core/enums';
import { routeDocs } from '@/lib/api/route-docs';

export const MAX_REPLY_LENGTH = 5_000;
export const MAX_COMMENT_LENGTH = 5_000;

/** Blank strings mean "not given". */
const optionalText = (max: number, name: string) => optionalTextField(name, { max }).transform((v) => v ?? null);

export const reviewInputSchema = z
  .strictObject({
    verdict: z.enum(VERDICTS, { error: 'verdict must be AGREE, DISPUTE or NEEDS_SOURCE' }),
    comment: optionalText(MAX_COMMENT_LENGTH, 'comment'),
    suggestedTag: optionalText(100, 'suggestedTag'),
  })
  .superRefine((value, ctx) => {
    if (value.verdict === 'DISPUTE' && !value.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'A dispute needs a comment explaining what is wrong' });
    }
    if (value.verdict === 'AGREE' && value.suggestedTag) {
      ctx.addIssue({ code: 'custom', path: ['suggestedTag'], message: 'suggestedTag goes with a DISPUTE or NEEDS_SOURCE verdict, not AGREE' });
    }
  });
export type ReviewInput = z.output<typeof reviewInputSchema>;

const replyBody = textField('body', { max: MAX_REPLY_LENGTH });

export const createReplySchema = z.strictObject({ body: replyBody, parentId: idField('parentId').nullable().optional() });
export type CreateReplyInput = z.output<typeof createReplySchema>;

export const updateReplySchema = z.strictObject({ body: replyBody });

const blankToUndefined = (field: string, id: boolean) =>
  (id ? idField(field).or(z.literal('')) : textField(field, { max: 100, min: 0 })).optional().transform((v) => (v ? v : undefined));

/** Queue filters on a claim's provenance: `unlinked` = no evidence link yet (e.g. tagged "UN report" but no UN document linked). */
export const QUEUE_PROVENANCE_FILTERS = ['unlinked'] as const;

export const reviewQueueQuerySchema = z.strictObject({
  articleId: blankToUndefined('articleId', true),
  tag: blankToUndefined('tag', false),
  author: blankToUndefined('author', true),
  provenance: z
    .enum([...QUEUE_PROVENANCE_FILTERS, ''], { message: `provenance must be one of: ${QUEUE_PROVENANCE_FILTERS.join(', ')}` })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const resolveConflictSchema = z.strictObject({
  keep: idField('keep (the annotation whose tag is right)'),
  other: idField('other (the conflicting annotation)'),
  tag: textField('tag (the confirmed tag key)', { max: 100 }),
});
export type ResolveConflictInput = z.output<typeof resolveConflictSchema>;

export const deskSettingsPatchSchema = z
  .strictObject({
    name: textField('name', { max: 100 }).optional(),
    peerReview: z.boolean().optional(),
  })
  .refine((v) => v.name !== undefined || v.peerReview !== undefined, 'Send name and/or peerReview.');
export type DeskSettingsPatch = z.output<typeof deskSettingsPatchSchema>;

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const reviewRouteDocs = routeDocs({
  'GET /api/annotations/{id}/reviews': { summary: "An annotation's verdicts" },
  'POST /api/annotations/{id}/reviews': { summary: 'Submit my verdict (supersedes my previous one)', body: reviewInputSchema, ok: { status: 201, description: '{ review, annotation }' } },
  'POST /api/annotations/{id}/reopen': { summary: 'Reopen a reviewed annotation' },
  'GET /api/annotations/{id}/replies': { summary: "An annotation's discussion" },
  'POST /api/annotations/{id}/replies': { summary: 'Reply to an annotation or to a reply', body: createReplySchema, ok: { status: 201, description: '{ reply }' } },
  'PATCH /api/replies/{id}': { summary: 'Edit my reply', body: updateReplySchema },
  'DELETE /api/replies/{id}': { summary: 'Delete a reply', ok: { status: 204, description: 'deleted' } },
  'GET /api/review-queue': { summary: 'Annotations waiting for my review', query: reviewQueueQuerySchema },
  'GET /api/articles/{id}/conflicts': { summary: 'Overlapping annotations with different tags' },
  'POST /api/articles/{id}/conflicts/resolve': { summary: 'Resolve a tag conflict', body: resolveConflictSchema },
  'GET /api/articles/{id}/agreement': { summary: "Inter-annotator agreement on the article" },
  'GET /api/desk': { summary: 'The desk settings' },
  'PATCH /api/desk': { summary: 'Change the desk settings (admin)', body: deskSettingsPatchSchema },
});
