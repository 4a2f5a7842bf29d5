import { authedRoute } from '@/lib/api/server/route';
import { json } from '@/lib/api/respond';
import { resolveArticleFields } from '@/lib/articles/resolve-article-fields';
import { toImportPreview } from '@/lib/documents/import-preview';
import { importDocumentOr4xx } from '@/lib/documents/server/import-document-or-4xx';
import { readImportRequest } from '@/lib/documents/server/read-import-request';

/** What an import would create (format, metadata to prefill the form, size), storing nothing. */
export const POST = authedRoute(async (req, { actor }) => {
  const { metadata, source } = await readImportRequest(req, { withMetadata: true });
  const imported = await importDocumentOr4xx(actor, source);
  return json({ preview: toImportPreview(imported, resolveArticleFields(metadata, imported.metadata, imported.title)) });
});
