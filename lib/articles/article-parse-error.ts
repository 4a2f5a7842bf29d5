/**
 * Why submitted content could not become an article. Each code has one HTTP status
 * (lib/articles/parse-error-to-app-error.ts): empty/unsupported_format 400, too_large 413,
 * unsupported_type 415, no_text_layer/unreadable 422.
 */
export type ArticleParseErrorCode = 'empty' | 'too_large' | 'unsupported_format' | 'unsupported_type' | 'no_text_layer' | 'unreadable';

/** A user-facing failure to turn submitted content into an article; `message` is shown as-is. */
export class ArticleParseError extends Error {
  readonly code: ArticleParseErrorCode;
  readonly details: unknown;

  constructor(code: ArticleParseErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ArticleParseError';
    this.code = code;
    this.details = details;
  }
}
