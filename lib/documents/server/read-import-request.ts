import 'server-only';
import { AppError } from '@/lib/api/app-error';
import { parseWith, readBytes, readJson } from '@/lib/api/read-body';
import {
  articleContentSchema,
  createArticleSchema,
  multipartFieldsSchema,
  type ArticleMetadataInput,
} from '@/lib/articles/article-schemas';
import { MAX_JSON_IMPORT_BODY_BYTES, MAX_MULTIPART_BODY_BYTES } from '@/lib/documents/import-limits';
import type { DocumentSource } from '@/lib/documents/server/import-document';

export type ImportRequest = { metadata: ArticleMetadataInput; source: DocumentSource };

/**
 * An import request as the API takes it: JSON `{ format, content, ...metadata }` (PDF content
 * base64) or `multipart/form-data` with a `file` field and the metadata as fields. The body is
 * refused with 413 as soon as it passes the limit, before it has been read whole.
 * `withMetadata: false` (a new version) refuses metadata fields.
 */
export async function readImportRequest(req: Request, { withMetadata }: { withMetadata: boolean }): Promise<ImportRequest> {
  const type = req.headers.get('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type)) return readMultipart(req, type, withMetadata);
  const input = await readJson(req, withMetadata ? createArticleSchema : articleContentSchema, MAX_JSON_IMPORT_BODY_BYTES);
  const { format, content, ...metadata } = input as typeof input & ArticleMetadataInput;
  const source: DocumentSource = format === 'pdf' ? { kind: 'file', bytes: decodeBase64(content), fileName: null } : { kind: 'text', text: content, format };
  return { metadata: withMetadata ? metadata : {}, source };
}

async function readMultipart(req: Request, type: string, withMetadata: boolean): Promise<ImportRequest> {
  const bytes = await readBytes(req, MAX_MULTIPART_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new AppError('validation_failed', 'The upload is not valid multipart/form-data.');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new AppError('validation_failed', 'Attach the document as a "file" field.', [{ path: 'file', message: 'required' }]);
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key === 'file') continue;
    if (typeof value !== 'string') throw new AppError('validation_failed', `Only one file may be sent (field "${key}" is a file).`);
    fields[key] = value;
  }
  // An empty format field (a form's "detect" choice) means: judge by the content.
  if (fields.format === '') delete fields.format;
  const parsed = parseWith(withMetadata ? multipartFieldsSchema : multipartFieldsSchema.pick({ format: true }), fields);
  const { format, ...metadata } = parsed as typeof parsed & ArticleMetadataInput;
  const fileName = 'name' in file && typeof file.name === 'string' ? file.name : null;
  const source: DocumentSource = {
    kind: 'file',
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName,
    textFormat: format && format !== 'pdf' ? format : null,
  };
  return { metadata, source };
}

function decodeBase64(content: string): Uint8Array {
  const raw = content.replace(/^data:[\w/+.-]*(;[\w=-]+)*;base64,/i, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(raw) || raw.length % 4 === 1) {
    throw new AppError('validation_failed', 'For format "pdf", content must be the file encoded as base64.', [{ path: 'content', message: 'not base64' }]);
  }
  return new Uint8Array(Buffer.from(raw, 'base64'));
}
