export { auth as proxy } from '@/auth';

export const config = {
  // Everything but Next's static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico)$).*)'],
};
