import 'server-only';
import type { Prisma } from '@/lib/db/server/prisma';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';

/** TipTap JSON is plain JSON by construction (parsed or built from strings/numbers); Prisma's Json type cannot see that. */
export function docToJson(doc: TiptapNode): Prisma.InputJsonObject {
  return doc as unknown as Prisma.InputJsonObject;
}
