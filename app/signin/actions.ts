'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/auth';
import { SIGN_IN_MESSAGES } from '@/lib/auth/server/authenticate';

export type SignInState = { error: string | null; email: string };

function safeRedirect(target: FormDataEntryValue | null): string {
  const value = typeof target === 'string' ? target : '/';
  // Only same-site paths: never an open redirect.
  return value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '');
  try {
    await signIn('credentials', { email, password: String(form.get('password') ?? ''), redirectTo: safeRedirect(form.get('callbackUrl')) });
    return { error: null, email };
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const code = 'code' in error ? String(error.code) : 'invalid';
      if (code.startsWith('rate_limited:')) return { error: SIGN_IN_MESSAGES.rateLimited(Number(code.split(':')[1])), email };
      if (code === 'disabled') return { error: SIGN_IN_MESSAGES.disabled, email };
      return { error: SIGN_IN_MESSAGES.invalid, email };
    }
    throw error; // Next's redirect on success is an exception too.
  }
}
