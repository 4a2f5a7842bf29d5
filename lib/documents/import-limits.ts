// What one import may cost. Every importer checks its budget before doing the expensive part, so
// a caller never has to: the budget travels with the parser if it moves to a worker (issue #11).

/** Largest file (or decoded base64 / JSON string) accepted for any format. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** A JSON body carries the file as base64 (4/3 of the bytes) plus the metadata fields. */
export const MAX_JSON_IMPORT_BODY_BYTES = Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024;
/** A multipart body carries the file plus part headers and the metadata fields. */
export const MAX_MULTIPART_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/** A saved web page carries scripts and styles besides its text. */
export const MAX_HTML_SOURCE_CHARS = 10_000_000;
/** Pages parsed from one PDF. */
export const MAX_PDF_PAGES = 500;
/** The canonical text of the resulting article (what offsets, suggestions and exports work on). */
export const MAX_ARTICLE_TEXT_CHARS = 1_000_000;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
