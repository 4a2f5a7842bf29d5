import 'server-only';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/server/current-actor';
import type { Actor } from '@/lib/core/actor';
import { headers } from 'next/headers';

/** For server components: the signed-in user, or a redirect to sign-in. */
export async function requirePageActor(): Promise<Actor> {
  const current = await currentActor(await headers());
  if (!current) redirect('/signin');
  return current.actor;
}
