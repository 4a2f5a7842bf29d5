// Request schemas of assignment and blind annotation, shared by the routes and the UI.
import { z } from 'zod';
import { optionalDateField } from '@/lib/api/date-field';
import { idField } from '@/lib/api/text-field';
import { routeDocs } from '@/lib/api/route-docs';

/** More would not be a double-blind check but a crowd; the limit keeps a typo from assigning the desk. */
export const MAX_ASSIGNEES = 20;

/**
 * PATCH /api/articles/:id. `assignees` replaces the list (an assignee left out is unassigned, their
 * annotations stay); `dueAt` applies to every assignee (null clears it).
 */
export const patchArticleSchema = z
  .strictObject({
    blind: z.boolean({ error: 'blind must be true or false' }).optional(),
    assignees: z
      .array(idField('assignees[]'), { error: 'assignees must be a list of user ids' })
      .max(MAX_ASSIGNEES, `at most ${MAX_ASSIGNEES} assignees`)
      .refine((ids) => new Set(ids).size === ids.length, 'assignees lists a user twice')
      .optional(),
    dueAt: optionalDateField('dueAt'),
  })
  .refine((v) => v.blind !== undefined || v.assignees !== undefined || v.dueAt !== undefined, 'Send at least one of blind, assignees, dueAt.');
export type PatchArticleInput = z.output<typeof patchArticleSchema>;

/** DELETE /api/articles/:id/submit?user=<id>: one assignee's submission, or (no user) every one. */
export const reopenQuerySchema = z.strictObject({ user: idField('user').optional() });

export const assignmentRouteDocs = routeDocs({
  'PATCH /api/articles/{id}': { summary: 'Assign the article (analysts, due date) and turn blind mode on or off (reviewer or admin)', body: patchArticleSchema, ok: { description: '{ article: { id, blind, assignments } }' } },
  'POST /api/articles/{id}/submit': { summary: 'An assignee submits their annotation of the article (blind work becomes visible to other submitters, read-only)', ok: { description: '{ submittedAt }' } },
  'DELETE /api/articles/{id}/submit': { summary: 'Reopen a submission (reviewer or admin; ?user=<id>, or every submission)', query: reopenQuerySchema, ok: { description: '{ reopened: n }' } },
});
