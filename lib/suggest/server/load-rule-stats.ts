// The desk's per-rule figures from its whole accept/reject history (lib/suggest/rule-stats.ts).
import 'server-only';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { ruleStats, type RuleStat } from '@/lib/suggest/rule-stats';

export async function loadRuleStats(db: Db | Tx): Promise<RuleStat[]> {
  const [decisions, restores] = await Promise.all([
    db.suggestionFeedback.findMany({ select: { rules: true, outcome: true, updatedAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.suggestionRuleRestore.findMany({ select: { ruleId: true, createdAt: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return ruleStats(
    decisions.map((d) => ({ rules: d.rules, outcome: d.outcome, at: d.updatedAt })),
    restores.map((r) => ({ ruleId: r.ruleId, at: r.createdAt })),
  );
}
