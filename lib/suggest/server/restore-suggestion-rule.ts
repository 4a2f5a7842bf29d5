// An admin brings back a rule the desk's history muted. The restore row is the audit record (who, when);
// decisions before it stop counting towards muting, so the rule gets a fresh chance.
import 'server-only';
import { AppError, forbidden, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canRestoreSuggestionRule } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { runWrite } from '@/lib/db/server/run-write';
import type { RuleStat } from '@/lib/suggest/rule-stats';
import { loadRuleStats } from '@/lib/suggest/server/load-rule-stats';

export async function restoreSuggestionRule(db: Db, actor: Actor, ruleId: string): Promise<RuleStat> {
  const decision = canRestoreSuggestionRule(actor);
  if (!decision.ok) throw forbidden(decision.reason);
  return runWrite(db, actor, async ({ tx }) => {
    // Serialise restores so two admins cannot both restore from the same stale figures.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('suggestion-rule-restore'))`;
    const stat = (await loadRuleStats(tx)).find((s) => s.id === ruleId);
    if (!stat) throw notFound('That suggestion rule');
    if (!stat.muted) throw new AppError('conflict', 'That rule is not muted: there is nothing to restore.');
    await tx.suggestionRuleRestore.create({ data: { ruleId, restoredById: actor.id } });
    const after = (await loadRuleStats(tx)).find((s) => s.id === ruleId);
    if (!after) throw notFound('That suggestion rule');
    return after;
  });
}
