import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { attachmentDisposition } from '@/lib/export/content-disposition';
import { exportBrief } from '@/lib/export/server/export-brief';

export const runtime = 'nodejs';

export const GET = authedRoute<{ id: string }>(async (req, { actor, params }) => {
  const url = new URL(req.url);
  const file = await exportBrief(db, actor, params.id, url.searchParams, url.origin);
  const body = typeof file.body === 'string' ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentDisposition(file.filename),
      // Briefs carry unpublished desk notes: never cache them in shared caches.
      'Cache-Control': 'private, no-store',
    },
  });
});
