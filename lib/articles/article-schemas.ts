import { z } from 'zod';
import { optionalDateField } from '@/lib/api/date-field';
import { optionalTextField, textField } from '@/lib/api/text-field';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/import-limits';

/** Formats whose content is a string (parsed by lib/articles/parse-article). */
export const TEXT_FORMATS = ['text', 'markdown', 'html'] as const;
/** Formats the import API accepts; "pdf" content is the file base64-encoded. */
export const IMPORT_FORMATS = [...TEXT_FORMATS, 'pdf'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

// Base64 of the largest upload, plus room for a data: URL prefix and line breaks. Each format's
// own limit (lib/documents/import-limits.ts) is checked by its importer, with a 413.
const MAX_JSON_CONTENT_CHARS = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4096;

const httpUrl = optionalTextField('url', { max: 2000 }).refine((v) => v == null || /^https?:\/\/\S+$/i.test(v), 'url must be an http(s) URL');

const formatField = z.enum(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` });

/**
 * What the person says about the article, shared by the JSON and multipart import paths.
 * Absent = take what the document declares (page metadata, PDF info); "" or null = leave empty.
 * (Source metadata — kind, issuer, symbol — joins here.)
 */
export const articleMetadataSchema = z.strictObject({
  title: optionalTextField('title', { max: 300 }),
  outlet: optionalTextField('outlet', { max: 200 }),
  byline: optionalTextField('byline', { max: 300 }),
  publishedAt: optionalDateField('publishedAt'),
  url: httpUrl,
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
export type ArticleContentInput = z.output<typeof articleContentSchema>;
