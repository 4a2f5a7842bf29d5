// Query shapes of the claim-matching endpoints (../shared/API.md). Strict: unknown parameters are refused.
import { z } from 'zod';
import { MAX_MATCHES } from '@/lib/matching/matching-dto';

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
