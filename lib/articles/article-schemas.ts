import { z } from 'zod';
import { optionalDateField } from '@/lib/api/date-field';
import { optionalTextField, textField } from '@/lib/api/text-field';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/import-limits';
import { routeDocs } from '@/lib/api/route-docs';
import { ARTICLE_KINDS } from '@/lib/core/enums';

/** Formats whose content is a string (parsed by lib/articles/parse-article). */
export const TEXT_FORMATS = ['text', 'markdown', 'html'] as const;
/** Formats the import API accepts; "pdf" content is the file base64-encoded. */
export const IMPORT_FORMATS = [...TEXT_FORMATS, 'pdf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

// Base64 of the largest upload, plus room for a data: URL prefix and line breaks. Each format's
// own limit (lib/documents/import-limits.ts) is checked by its importer, with a 413.
const MAX_JSON_CONTENT_CHARS = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4096;

const httpUrl = optionalTextField('url', { max: 2000 }).refine((v) => v == null || /^https?:\/\/\S+$/i.test(v), 'url must be an http(s) URL');

const articleKindField = z.enum(ARTICLE_KINDS, { message: `kind must be one of: ${ARTICLE_KINDS.join(', ')}` });

const formatField = z.enum(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` });

/**
 * What the person says about the article, shared by the JSON and multipart import paths.
 * Absent = take what the document declares (page metadata, PDF info); "" or null = leave empty.
 * `kind: "source"` makes it a source document (a report, a statement) whose passages claims link to as
 * evidence; `issuer` and `symbol` ("S/2025/482") describe a source.
 */
export const articleMetadataSchema = z.strictObject({
  title: optionalTextField('title', { max: 300 }),
  outlet: optionalTextField('outlet', { max: 200 }),
  byline: optionalTextField('byline', { max: 300 }),
  publishedAt: optionalDateField('publishedAt'),
  url: httpUrl,
  kind: articleKindField.optional(),
  issuer: optionalTextField('issuer', { max: 300 }),
  symbol: optionalTextField('symbol', { max: 100 }),
});

export const articleContentSchema = z.strictObject({
  format: formatField,
  // Verbatim: the parser decides what whitespace means; NFC happens when the text is made canonical.
  content: textField('content', { max: MAX_JSON_CONTENT_CHARS, verbatim: true }),
});

export const createArticleSchema = articleContentSchema.extend(articleMetadataSchema.shape);

/** The multipart form's fields besides `file`: the metadata, and an optional text format hint. */
export const multipartFieldsSchema = articleMetadataSchema.extend({ format: formatField.optional() });

export type ArticleMetadataInput = z.output<typeof articleMetadataSchema>;
export type CreateArticleInput = z.output<typeof createArticleSchema>;
/**
 * PATCH /api/articles/:id/details: the details as the create form has them. Absent = unchanged, "" or
 * null = cleared (the title cannot be: a document always has one).
 */
export const patchArticleDetailsSchema = articleMetadataSchema
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Send at least one detail to change (title, outlet, byline, publishedAt, url, kind, issuer, symbol)' })
  .refine((v) => v.title !== null, { path: ['title'], message: 'title cannot be empty' });
export type PatchArticleDetailsInput = z.output<typeof patchArticleDetailsSchema>;

/** `GET /api/articles?kind=source|article`: the library, or only its sources or articles. */
export const articleListQuerySchema = z.strictObject({ kind: articleKindField.optional() });
export type ArticleListQuery = z.output<typeof articleListQuerySchema>;

/** `GET /api/articles/:id?version=n`: an earlier version instead of the current one. */
export const articleQuerySchema = z.strictObject({ version: z.coerce.number().int().positive('version must be a positive number').optional() });

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const articleRouteDocs = routeDocs({
  'GET /api/articles': { summary: 'The library: every article (or ?kind=source|article) with its current version, tag counts and, for sources, how many claims cite it', query: articleListQuerySchema },
  'POST /api/articles': { summary: 'Import an article (JSON, or multipart/form-data with a file)', body: createArticleSchema, multipart: multipartFieldsSchema, ok: { status: 201, description: '{ article, version }' } },
  'POST /api/articles/preview': { summary: 'Read an import without storing it (the import form prefills itself from it)', body: createArticleSchema, multipart: multipartFieldsSchema },
  'PATCH /api/articles/{id}/details': { summary: "Change a document's details (title, outlet, date, URL, source or not, issuing body, symbol)", body: patchArticleDetailsSchema, ok: { description: '{ article }' } },
  'GET /api/articles/{id}': { summary: 'An article and its current (or ?version=n) text and document', query: articleQuerySchema },
  'POST /api/articles/{id}/versions': { summary: 'Import a new version; annotations are re-anchored', body: articleContentSchema, multipart: multipartFieldsSchema, ok: { status: 201, description: '{ version, reanchored, orphaned }' } },
  'GET /api/articles/{id}/export': { summary: 'The annotated brief (?format=md|docx|html|pdf|csv|jsonld|claimreview, group=tag|document, only=confirmed|all, notes/replies/reviewers=0|1, tags=keys, layer=all|curated: default the curated layer once it exists, else all)', ok: { description: 'the file, as an attachment', contentType: 'application/octet-stream' } },
  'GET /api/articles/{id}/events': { summary: "The article's live events (Server-Sent Events; Last-Event-ID or ?since= replays)", ok: { description: 'an event stream', contentType: 'text/event-stream' } },
});
