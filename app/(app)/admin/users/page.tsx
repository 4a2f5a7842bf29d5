import type { Metadata } from 'next';
import { UserAdmin } from '@/components/admin/user-admin';
import { requirePageActor } from '@/lib/auth/page-actor';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePageActor();
  if (actor.role !== 'ADMIN') {
    return (
      <div className="page">
        <h1>Users</h1>
        <p className="form-error">Only a desk admin can manage users.</p>
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
