import type { Role } from '@/lib/core/enums';

/** A desk member as the admin endpoints answer (never the password hash). */
export type UserDto = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };
