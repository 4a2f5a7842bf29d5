import type { UnitAgreementReport } from '@/lib/agreement/article-agreement';
import type { AgreementResult } from '@/lib/review/agreement';

/**
 * GET /api/articles/:id/agreement: the pair-based figures the desk always had (claims, pairs, percent,
 * kappa, confusion) plus the unit-based report. `blind` says whether the compared work was done blind;
 * `warning` says why the figures may overstate agreement when it was not.
 */
export type ArticleAgreementDto = AgreementResult &
  UnitAgreementReport & {
    blind: boolean;
    warning: string | null;
  };
