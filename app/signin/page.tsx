import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { currentActor } from '@/lib/auth/server/current-actor';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // The session as every page checks it (version, lifetime): a revoked cookie stays on this page, no redirect loop.
  if (await currentActor(await headers())) redirect('/');
  let target = '/';
  if (callbackUrl) {
    try {
      // Auth.js passes an absolute URL; keep only its path so sign-in never redirects off-site.
      const url = new URL(callbackUrl, 'http://local');
      target = url.pathname + url.search;
    } catch {
      target = '/';
    }
  }
  return (
    <main className="signin">
      <div className="signin-card">
        <h1 className="brand">Claimdesk</h1>
        <p className="muted">Fact-checking annotation desk</p>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
