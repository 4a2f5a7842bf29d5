/** Prisma's unique-constraint error (P2002), recognised by code so it survives module reloads. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';
}
