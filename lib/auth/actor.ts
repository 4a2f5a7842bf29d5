import type { Role } from '@/lib/generated/prisma/enums';

/** Who is acting: every domain function takes one and decides what it may do. */
export type Actor = { id: string; name: string; email: string; role: Role };
