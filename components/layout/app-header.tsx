import Link from 'next/link';
import { signOut } from '@/auth';
import type { Actor } from '@/lib/core/actor';
import { canChangeDeskSettings, canManageUsers, canReadDeskAgreement } from '@/lib/core/permissions';
import { HeaderMenu } from '@/components/layout/header-menu';
import { NotificationBadge } from '@/components/layout/notification-badge';

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Claimdesk
      </Link>
      <NotificationBadge />
      <HeaderMenu>
        <nav aria-label="Main">
          <Link href="/">Articles</Link>
          <Link href="/review">Review queue</Link>
          {canReadDeskAgreement(actor).ok ? <Link href="/agreement">Agreement</Link> : null}
          <Link href="/settings">Settings</Link>
          {canManageUsers(actor).ok ? <Link href="/admin/users">Users</Link> : null}
          {canChangeDeskSettings(actor).ok ? <Link href="/admin/desk">Desk</Link> : null}
        </nav>
        <div className="header-user">
          <span data-testid="current-user">
            {actor.name} <span className="role">{actor.role.toLowerCase()}</span>
          </span>
          <form
            action={async () => {
              'use server';
              await signOut({ redirectTo: '/signin' });
            }}
          >
            <button type="submit" className="button link">
              Sign out
            </button>
          </form>
        </div>
      </HeaderMenu>
    </header>
  );
}
