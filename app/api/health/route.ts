import { db } from '@/lib/db/server/prisma';
import { checkHealth } from '@/lib/health/server/check-health';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/log/request-id';

// Public readiness probe (no data): load balancers, the container's HEALTHCHECK and the start scripts.
// 200 { ok: true, db: "ok", migrations: "current" }; 503 with the part that failed.
export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const health = await checkHealth(db);
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', [REQUEST_ID_HEADER]: requestIdFrom(req.headers) },
  });
}
