import { AppError } from '@/lib/api/app-error';
import { ArticleParseError, parseArticle, type ArticleInput, type ParsedArticle } from '@/lib/articles/parse-article';

/** parseArticle with its user-facing failures turned into a 400. */
export function parseArticleOr400(input: ArticleInput): ParsedArticle {
  try {
    return parseArticle(input);
  } catch (error) {
    if (error instanceof ArticleParseError) throw new AppError('validation_failed', error.message);
    throw error;
  }
}
