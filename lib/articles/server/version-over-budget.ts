import 'server-only';
import { AppError } from '@/lib/api/app-error';

/** 413: re-anchoring an article's annotations (and evidence passages) onto a new text needs more work than one request may do. */
export function versionOverBudget(budgetMs: number): AppError {
  return new AppError(
    'payload_too_large',
    `Re-anchoring this article's annotations onto the new text needs more than ${budgetMs / 1000} s of work, the limit for one request. Nothing was stored. Import a text closer to the current version, or split the article.`,
    { reason: 'work_budget', budgetMs },
  );
}
