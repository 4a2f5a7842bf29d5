// Request shapes of the suggestion-rule endpoints, shared by the route and the client.
import { z } from 'zod';

/** Rule ids hold "." and ":" ("speaker.subject:expert"), so they travel in the body, not the path. */
export const restoreSuggestionRuleSchema = z.strictObject({
  rule: z.string().max(80, 'rule is too long').regex(/^[a-z]+(?:\.[a-z]+)?:[a-zA-Z]+$/, 'rule must be a suggestion rule id, like "speaker.subject:expert"'),
});

export type RestoreSuggestionRuleInput = z.input<typeof restoreSuggestionRuleSchema>;
