import 'server-only';
import { parseErrorToAppError } from '@/lib/articles/parse-error-to-app-error';
import { importDocument, type DocumentSource, type ImportedDocument } from '@/lib/documents/server/import-document';

/** importDocument with its refusals as API errors (400/413/415/422, the sentence unchanged). */
export async function importDocumentOr4xx(source: DocumentSource): Promise<ImportedDocument> {
  try {
    return await importDocument(source);
  } catch (error) {
    throw parseErrorToAppError(error);
  }
}
