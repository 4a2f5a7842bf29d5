import { AppError, type ErrorCode } from '@/lib/api/app-error';
import { ArticleParseError, type ArticleParseErrorCode } from '@/lib/articles/article-parse-error';

const API_CODE: Record<ArticleParseErrorCode, ErrorCode> = {
  empty: 'validation_failed',
  unsupported_format: 'validation_failed',
  too_large: 'payload_too_large',
  unsupported_type: 'unsupported_media_type',
  no_text_layer: 'unprocessable',
  unreadable: 'unprocessable',
};

/** The API error for a parse failure (its sentence unchanged); anything else is rethrown as is. */
export function parseErrorToAppError(error: unknown): unknown {
  if (!(error instanceof ArticleParseError)) return error;
  const details = error.details === undefined ? { reason: error.code } : { reason: error.code, ...(error.details as object) };
  return new AppError(API_CODE[error.code], error.message, details);
}
