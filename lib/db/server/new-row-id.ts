import 'server-only';
import { randomBytes } from 'node:crypto';

/**
 * cuid-shaped ids ("c" + 24 base-36 chars) for rows inserted with raw SQL, where Prisma's
 * @default(cuid()) does not run. Like a cuid they start with the time (milliseconds, base 36), so
 * rows made later sort later — what id tie-breaks ("the first analyst's annotation") and the
 * primary-key index rely on — and end in random characters, so ids made in one millisecond differ.
 */
export function newRowId(now = Date.now()): string {
  const time = now.toString(36).padStart(8, '0').slice(-8);
  let random = '';
  for (const b of randomBytes(16)) random += (b % 36).toString(36);
  return `c${time}${random}`;
}
