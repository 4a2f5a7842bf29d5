import type { ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { QueryProvider } from '@/components/providers/query-provider';
import { requirePageActor } from '@/lib/auth/server/page-actor';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <QueryProvider>
      <AppHeader actor={actor} />
      <main className="app-main">{children}</main>
    </QueryProvider>
  );
}
