// Dates of the API: bounded to years a news desk can mean, because Postgres stores far more than
// JavaScript and Prisma read back (year 10000 comes back as an Invalid Date, and one such row used
// to make every list that showed it a 500). Browser-safe.
import { z } from 'zod';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A real date between 1900-01-01 and 2100-12-31 (UTC). */
export function isSaneDate(date: Date): boolean {
  const time = date.getTime();
  if (Number.isNaN(time)) return false;
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Optional date text ("2026-11-25" or an ISO date-time); '' and null clear it. */
export function optionalDateField(field: string) {
  return z
    .union([z.string({ error: `${field} must be a date like 2026-11-25` }), z.null()])
    .transform((value, ctx) => {
      const text = value?.trim() ?? '';
      if (text === '') return null;
      const date = /^[+-]?\d{4,}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? new Date(text) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${field} must be a date like 2026-11-25` });
        return z.NEVER;
      }
      if (!isSaneDate(date)) {
        ctx.addIssue({ code: 'custom', message: `${field} must be between ${MIN_YEAR} and ${MAX_YEAR}` });
        return z.NEVER;
      }
      return date;
    })
    .optional();
}
