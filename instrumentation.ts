// Runs once when the server starts (next start and next dev).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installPeerAddressHeader } = await import('@/lib/security/server/peer-address');
  installPeerAddressHeader();
}
