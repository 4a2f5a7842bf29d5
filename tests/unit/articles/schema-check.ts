import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';

const schema = getSchema([StarterKit]);

/** Throws unless ProseMirror (with TipTap StarterKit's schema) accepts the document. */
export function assertValidForStarterKit(doc: TiptapDoc): void {
  schema.nodeFromJSON(doc).check();
}

export const starterKitSchema = schema;
