// Entry point for the export endpoint: one call per format, all rendered from the same Brief model.
import { buildBrief } from './build-brief';
import type { BriefInput, BriefOptions } from './brief-input';
import { slugify } from './format';
import { toClaimReview } from './to-claimreview';
import { toCsv } from './to-csv';
import { toDocx } from './to-docx';
import { toHtml } from './to-html';
import { toJsonLdString } from './to-jsonld';
import { toMarkdown } from './to-markdown';

export const EXPORT_FORMATS = ['md', 'docx', 'html', 'csv', 'jsonld', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type RenderedExport = { body: string | Buffer; contentType: string; extension: string; filename: string };

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  jsonld: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', extension: 'jsonld' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', extension: 'claimreview.jsonld' },
};

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

export async function renderExport(format: ExportFormat, input: BriefInput, options: BriefOptions, baseUrl: string): Promise<RenderedExport> {
  const brief = buildBrief(input, options);
  const { contentType, extension } = EXPORT_CONTENT_TYPES[format];
  let body: string | Buffer;
  switch (format) {
    case 'md':
      body = toMarkdown(brief);
      break;
    case 'docx':
      body = await toDocx(brief);
      break;
    case 'html':
      body = toHtml(brief);
      break;
    case 'csv':
      body = toCsv(brief);
      break;
    case 'jsonld':
      body = toJsonLdString(brief, baseUrl);
      break;
    case 'claimreview':
      body = `${JSON.stringify(toClaimReview(brief, baseUrl), null, 2)}\n`;
      break;
    default: {
      const never: never = format;
      throw new Error(`Unknown export format: ${String(never)}`);
    }
  }
  // ASCII-only slug: safe inside Content-Disposition without RFC 5987 encoding.
  const filename = `${slugify(input.article.title)}-v${input.version.number}.${extension}`;
  return { body, contentType, extension, filename };
}

export { buildBrief } from './build-brief';
export type { Brief, BriefClaim, BriefTag, BriefBlock, BriefSection } from './build-brief';
export { DEFAULT_BRIEF_OPTIONS } from './brief-input';
export type { BriefInput, BriefOptions } from './brief-input';
export { toMarkdown } from './to-markdown';
export { toHtml } from './to-html';
export { toDocx } from './to-docx';
export { toCsv } from './to-csv';
export { toJsonLd, toJsonLdString } from './to-jsonld';
export { fromJsonLd, parseJsonLd, positionInText, JsonLdImportError } from './from-jsonld';
export type { ImportedAnnotation, ImportedLink, ImportResult } from './from-jsonld';
export { toClaimReview } from './to-claimreview';
