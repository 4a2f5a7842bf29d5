import type { Metadata } from 'next';
import { DeskAgreementReport } from '@/components/review/desk-agreement-report';
import { AGREEMENT_PERIODS } from '@/lib/agreement/agreement-over-time';
import { deskAgreementQuerySchema } from '@/lib/agreement/agreement-schemas';
import { requirePageActor } from '@/lib/auth/server/page-actor';
import { canReadDeskAgreement } from '@/lib/core/permissions';
import { db } from '@/lib/db/server/prisma';
import { computeDeskAgreement } from '@/lib/review/server/compute-desk-agreement';
import { listSourceTags } from '@/lib/tags/server/list-source-tags';

export const metadata: Metadata = { title: 'Agreement over time' };

type Props = { searchParams?: Promise<Record<string, string | string[] | undefined>> };

export default async function DeskAgreementPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const raw = Object.fromEntries(Object.entries((await searchParams) ?? {}).flatMap(([k, v]) => (k === 'period' || k === 'from' || k === 'to') && v !== undefined ? [[k, Array.isArray(v) ? (v[0] ?? '') : v]] : []));
  const allowed = canReadDeskAgreement(actor);
  const parsed = deskAgreementQuerySchema.safeParse(raw);
  const [report, tags] = allowed.ok && parsed.success ? await Promise.all([computeDeskAgreement(db, actor, parsed.data), listSourceTags(db)]) : [null, []];
  return (
    <div className="page stack">
      <h1>Agreement over time</h1>
      {!allowed.ok ? (
        <p role="alert" data-testid="desk-agreement-refused">
          {allowed.reason}
        </p>
      ) : (
        <>
          <p className="small muted">
            Every article whose assigned analysts (two or more) have all submitted is a completed double annotation. Blind ones are pooled per {parsed.success ? parsed.data.period : 'month'} —
            the analysts did not see each other’s work, so the figures measure agreement rather than copying.
          </p>
          <form method="get" className="row" aria-label="Which completed double annotations">
            <label>
              Per{' '}
              <select name="period" defaultValue={typeof raw.period === 'string' && raw.period ? raw.period : 'month'}>
                {AGREEMENT_PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Completed from <input type="date" name="from" defaultValue={raw.from ?? ''} />
            </label>
            <label>
              to <input type="date" name="to" defaultValue={raw.to ?? ''} />
            </label>
            <button type="submit" className="button">
              Show
            </button>
          </form>
          {parsed.success ? null : (
            <p role="alert" className="form-error">
              {parsed.error.issues.map((i) => i.message).join('; ')}
            </p>
          )}
          {report ? <DeskAgreementReport report={report} tags={tags.map((t) => ({ key: t.key, label: t.label, color: t.color }))} /> : null}
        </>
      )}
    </div>
  );
}
