// Request schemas of curation (adjudication of blind work into the curated layer).
import { z } from 'zod';
import { idField, textField } from '@/lib/api/text-field';
import { routeDocs } from '@/lib/api/route-docs';

const key = z.string({ error: 'key must be a unit key from GET …/curation' }).regex(/^u[0-9a-f]{16}$/, 'key must be a unit key from GET …/curation');
const offset = (name: string) => z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`);

/**
 * POST /api/articles/:id/curation: one decision on one unit — accept an analyst's annotation as it is,
 * take an edited version (tag and span), or reject the unit — or `acceptAgreed` to accept every
 * undecided unit where all analysts agree (same tag, same span within the tolerance).
 */
export const curationDecisionSchema = z.union([
  z.strictObject({ key, accept: idField('accept') }),
  z.strictObject({
    key,
    decision: z.strictObject({ tag: textField('decision.tag', { max: 100 }), start: offset('decision.start'), end: offset('decision.end'), exact: textField('decision.exact', { max: 10_000, verbatim: true }) }),
  }),
  z.strictObject({ key, reject: z.literal(true, { error: 'reject must be true' }) }),
  z.strictObject({ acceptAgreed: z.literal(true, { error: 'acceptAgreed must be true' }) }),
], { error: 'Send { key, accept } or { key, decision: { tag, start, end, exact } } or { key, reject: true } or { acceptAgreed: true }.' });
export type CurationDecisionInput = z.output<typeof curationDecisionSchema>;

export const curationRouteDocs = routeDocs({
  'GET /api/articles/{id}/curation': { summary: 'Units of overlapping analyst annotations with their agreement and the curator’s decision (reviewer or admin)' },
  'POST /api/articles/{id}/curation': { summary: 'Decide a unit (accept, edit, reject) or accept every agreed unit; makes curated annotations', body: curationDecisionSchema, ok: { status: 201, description: '{ annotation } | { annotations, accepted }' } },
});
