// DTO mapping that one bad stored value cannot break: a row whose mapping throws is reported and
// left out, and an impossible date becomes null, instead of a 500 for the whole list.
import { isSaneDate } from '@/lib/api/date-field';

export type BadRowReporter = (what: string, id: string | null, error: unknown) => void;

const defaultReporter: BadRowReporter = (what, id, error) => {
  console.error(`[claimdesk] skipped a stored ${what} that cannot be shown${id ? ` (id ${id})` : ''}:`, error instanceof Error ? error.message : error);
};

/** `rows.map(mapper)`, minus the rows whose mapping throws (each one reported). */
export function mapTotal<R, T>(rows: readonly R[], mapper: (row: R) => T, what: string, report: BadRowReporter = defaultReporter): T[] {
  const out: T[] = [];
  for (const row of rows) {
    try {
      out.push(mapper(row));
    } catch (error) {
      const id = typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : null;
      report(what, id, error);
    }
  }
  return out;
}

/** ISO text of a stored date, or null when it is missing or not a date a person could mean. */
export function isoOrNull(date: Date | null | undefined): string | null {
  if (!date) return null;
  return isSaneDate(date) ? date.toISOString() : null;
}

/** ISO text of a stored date that must be there (created/updated stamps); throws so that mapTotal skips the row. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('stored date is not a valid date');
  return date.toISOString();
}
