import type { Role } from '@/lib/core/enums';

/** Who is acting: every domain function takes one and decides what it may do. */
export type Actor = { id: string; name: string; email: string; role: Role };

/** The signed-in user as the UI knows it (server components pass it to client components). */
export type CurrentUser = Pick<Actor, 'id' | 'name' | 'role'>;
