import 'server-only';
import { randomBytes } from 'node:crypto';

/** cuid-shaped ids ("c" + 24 base-36 chars) for rows inserted in bulk with raw SQL, where Prisma's @default(cuid()) does not run. */
export function newRowId(): string {
  const bytes = randomBytes(24);
  let id = 'c';
  for (const b of bytes) id += (b % 36).toString(36);
  return id;
}
