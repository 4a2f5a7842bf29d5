import 'server-only';
import { AppError } from '@/lib/api/app-error';

/** 413: reading the submitted document (a PDF's pages, a web page's DOM) needs more work than one request may do. */
export function importOverBudget(budgetMs: number): AppError {
  return new AppError(
    'payload_too_large',
    `Reading this document needs more than ${budgetMs / 1000} s of work, the limit for one import. Nothing was stored. Split it into smaller files, or import its text as plain text or Markdown.`,
    { reason: 'work_budget', budgetMs },
  );
}
