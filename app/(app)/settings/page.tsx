import type { Metadata } from 'next';
import { ApiTokens } from '@/components/settings/api-tokens';
import { requirePageActor } from '@/lib/auth/server/page-actor';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requirePageActor();
  return (
    <div className="page stack">
      <h1>Settings</h1>
      <p className="muted">
        Signed in as {actor.name} ({actor.email}), {actor.role.toLowerCase()}.
      </p>
      <ApiTokens />
    </div>
  );
}
