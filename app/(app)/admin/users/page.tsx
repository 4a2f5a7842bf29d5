import type { Metadata } from 'next';
import { UserAdmin } from '@/components/admin/user-admin';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { canManageUsers } from '@/lib/core/permissions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePageActor();
  const decision = canManageUsers(actor);
  if (!decision.ok) {
    return (
      <div className="page">
        <h1>Users</h1>
        <p className="form-error">{decision.reason}</p>
      </div>
    );
  }
  return (
    <div className="page stack">
      <h1>Users</h1>
      <UserAdmin currentUserId={actor.id} />
    </div>
  );
}
