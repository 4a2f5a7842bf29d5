// Request schemas of the tag vocabulary (GET/POST /api/tags, PATCH /api/tags/:key), shared by the
// routes and the desk settings form. Browser-safe.
import { z } from 'zod';
import { routeDocs } from '@/lib/api/route-docs';
import { textField } from '@/lib/api/text-field';
import { isTagColor, tagColorSchema } from '@/lib/tags/tag-color';
import { tagColorContrastProblem } from '@/lib/tags/tag-contrast';

/** Keys appear in URLs, exports and CSS attribute selectors: lower-case letters, digits, '-' and '_'. */
export const TAG_KEY_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;
export const TAG_LABEL_MAX = 60;
export const TAG_DESCRIPTION_MAX = 500;

export const tagKeySchema = z
  .string({ error: 'key must be a string' })
  .trim()
  .refine((v) => TAG_KEY_PATTERN.test(v), 'key must start with a lower-case letter and use only a–z, 0–9, "-" and "_" (at most 32 characters), like "un" or "think_tank"');

/** `#rrggbb` that white text reads on (4.5:1). */
export const readableTagColorSchema = tagColorSchema.superRefine((color, ctx) => {
  // A colour already refused as not #rrggbb has no contrast to speak of.
  const problem = isTagColor(color) ? tagColorContrastProblem(color) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const createTagSchema = z.strictObject({
  key: tagKeySchema,
  label: textField('label', { max: TAG_LABEL_MAX }),
  color: readableTagColorSchema,
  description: textField('description', { max: TAG_DESCRIPTION_MAX, min: 0 }).optional(),
});
export type CreateTagInput = z.output<typeof createTagSchema>;

export const patchTagSchema = z
  .strictObject({
    label: textField('label', { max: TAG_LABEL_MAX }).optional(),
    color: readableTagColorSchema.optional(),
    description: textField('description', { max: TAG_DESCRIPTION_MAX, min: 0 }).optional(),
    /** 1-based position among all tags; the others shift to make room. */
    sortOrder: z.number({ error: 'sortOrder must be a number' }).int('sortOrder must be a whole number').min(1, 'sortOrder starts at 1').max(10_000, 'sortOrder must be at most 10,000').optional(),
    archived: z.boolean({ error: 'archived must be true or false' }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'Send at least one of label, color, description, sortOrder, archived.');
export type PatchTagInput = z.output<typeof patchTagSchema>;

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const tagRouteDocs = routeDocs({
  'GET /api/tags': { summary: "The desk's tags, archived ones included" },
  'POST /api/tags': { summary: 'Add a tag (admin)', body: createTagSchema, ok: { status: 201, description: '{ tag }' } },
  'PATCH /api/tags/{key}': { summary: 'Rename, recolour, reorder or archive a tag (admin)', body: patchTagSchema },
});
