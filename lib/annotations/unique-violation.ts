/**
 * Prisma's unique-constraint error, recognised by code so it survives module reloads: P2002 from a
 * model query, or P2010 (a raw statement failed) carrying Postgres' 23505 from the driver adapter.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code, meta } = error as { code: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (code === 'P2002') return true;
  return code === 'P2010' && meta?.driverAdapterError?.cause?.originalCode === '23505';
}
