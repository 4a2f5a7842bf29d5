import type { ReactNode } from 'react';
import { requirePageActor } from '@/lib/auth/server/page-actor';

/**
 * Pages meant for paper (the HTML brief): no app header, no query provider, nothing but the
 * document. Signed-in users only, like app/(app)/layout.tsx; each page checks the user again.
 */
export default async function PrintLayout({ children }: { children: ReactNode }) {
  await requirePageActor();
  return <main className="print-main">{children}</main>;
}
