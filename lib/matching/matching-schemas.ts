// Query shapes of the claim-matching endpoints (../shared/API.md). Strict: unknown parameters are refused.
import { z } from 'zod';
import { MAX_MATCHES } from '@/lib/matching/matching-dto';
import { routeDocs } from '@/lib/api/route-docs';

export const matchesQuerySchema = z.strictObject(
  {
    limit: z
      .string()
      .regex(/^\d+$/, `limit must be a whole number from 1 to ${MAX_MATCHES}`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_MATCHES, `limit must be a whole number from 1 to ${MAX_MATCHES}`)
      .optional()
      .transform((n) => n ?? 5),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown query parameter ${issue.keys.join(', ')}: use limit.` : undefined) },
);

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const matchingRouteDocs = routeDocs({
  'GET /api/annotations/{id}/matches': { summary: 'The same claim in other articles, with score and reason', query: matchesQuerySchema },
  'GET /api/articles/{id}/known-claims': { summary: "The article's sentences that restate reviewed claims of other articles" },
});
