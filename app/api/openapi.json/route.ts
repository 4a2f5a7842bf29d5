import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { openApiDocument } from '@/lib/api/server/openapi';

// The OpenAPI 3.1 document, generated from the routes' zod schemas (lib/api/server/openapi.ts).
let document: ReturnType<typeof openApiDocument> | null = null;

export const GET = authedRoute(async () => json((document ??= openApiDocument())));
