// Public liveness probe (no data): used by scripts and load balancers.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true });
}
