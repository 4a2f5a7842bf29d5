// Turns a failed save into messages a form can put next to its fields. The API's 400s list each
// problem with the field's path (`details: [{ path, message }]`, lib/api/zod-details.ts). `message`
// is always the whole answer (it also explains refusals that name no field: a 403, a 409, an
// archived tag); a form shows it unless the fields it draws already carry the reason.
import type { z } from 'zod';
import { ApiError } from '@/lib/client/api-fetch';
import { errorMessage } from '@/lib/client/error-message';

export type FormErrors = { fields: Partial<Record<string, string>>; message: string | null };

export const NO_FORM_ERRORS: FormErrors = { fields: {}, message: null };

/** `fields` are the form's own field names: a problem on another path goes into `message`. */
export function formErrors(error: unknown, fields: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, message: null };
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  for (const detail of details) {
    if (!detail || typeof detail !== 'object') continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    const field = typeof path === 'string' ? path.split('.')[0] : undefined;
    if (field && typeof message === 'string' && fields.includes(field) && !result.fields[field]) result.fields[field] = message;
  }
  result.message = errorMessage(error);
  return result;
}

/** The first message the route's own schema gives for this value (so the form says what the server would), or null. */
export function schemaProblem(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This value is not accepted.');
}
