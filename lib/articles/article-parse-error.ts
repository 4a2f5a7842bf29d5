export type ArticleParseErrorCode = 'empty' | 'too_large' | 'unsupported_format';

/** A user-facing failure to turn submitted content into an article; `message` is shown as-is. */
export class ArticleParseError extends Error {
  readonly code: ArticleParseErrorCode;

  constructor(code: ArticleParseErrorCode, message: string) {
    super(message);
    this.name = 'ArticleParseError';
    this.code = code;
  }
}
