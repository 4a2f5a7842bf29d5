// Request shapes of the suggestion endpoints, shared by the routes and the client.
import { z } from 'zod';
import { routeDocs } from '@/lib/api/route-docs';
import { idField } from '@/lib/api/text-field';

/** Rule ids hold "." and ":" ("speaker.subject:expert"), so they travel in the body, not the path. */
export const restoreSuggestionRuleSchema = z.strictObject({
  rule: z.string().max(80, 'rule is too long').regex(/^[a-z]+(?:\.[a-z]+)?:[a-zA-Z]+$/, 'rule must be a suggestion rule id, like "speaker.subject:expert"'),
});

export type RestoreSuggestionRuleInput = z.input<typeof restoreSuggestionRuleSchema>;

export const rejectSuggestionSchema = z
  .strictObject({
    versionId: idField('versionId'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((v) => v.end > v.start, { message: 'end must be after start', path: ['end'] });

export type RejectSuggestionInput = z.output<typeof rejectSuggestionSchema>;

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const suggestRouteDocs = routeDocs({
  'GET /api/articles/{id}/suggestions': { summary: "The suggestion engine's proposed claims for the current version" },
  'GET /api/suggestions/rules': { summary: "The engine's rules with the desk's precision figures" },
  'POST /api/suggestions/rules/restore': { summary: 'Restore a muted rule (admin)', body: restoreSuggestionRuleSchema },
  'POST /api/articles/{id}/suggestions/reject': { summary: 'Reject a suggestion for me on this version', body: rejectSuggestionSchema, ok: { status: 204, description: 'rejected' } },
});
