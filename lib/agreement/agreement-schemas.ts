// The query of GET /api/agreement (the desk's agreement over time), shared by the route and the page.
import { z } from 'zod';
import { optionalDateField } from '@/lib/api/date-field';
import { AGREEMENT_PERIODS } from '@/lib/agreement/agreement-over-time';
import { routeDocs } from '@/lib/api/route-docs';

export const deskAgreementQuerySchema = z
  .strictObject({
    period: z
      .enum([...AGREEMENT_PERIODS, ''], { message: `period must be one of: ${AGREEMENT_PERIODS.join(', ')}` })
      .optional()
      .transform((v) => (v ? v : 'month')),
    /** Completed on or after this day (UTC). */
    from: optionalDateField('from'),
    /** Completed on or before this day (UTC; the whole day counts). */
    to: optionalDateField('to'),
  })
  .refine((v) => !v.from || !v.to || v.from.getTime() <= v.to.getTime(), { message: 'from must not be after to', path: ['from'] });
export type DeskAgreementQuery = z.output<typeof deskAgreementQuerySchema>;

/** These routes in /api/openapi.json (lib/api/route-docs.ts). */
export const agreementRouteDocs = routeDocs({
  'GET /api/agreement': { summary: 'The desk’s agreement over time: completed double annotations, pooled per week or month (reviewers and admins)', query: deskAgreementQuerySchema },
});
