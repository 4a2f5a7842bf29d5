// Every rule the desk has decided on, muted ones first, with the figures behind its confidence factor.
import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { LEARNING_DTO, toRuleDto, type SuggestionRulesDto } from '@/lib/suggest/rule-dto';
import { loadRuleStats } from '@/lib/suggest/server/load-rule-stats';

export async function listSuggestionRules(db: Db): Promise<SuggestionRulesDto> {
  return { rules: (await loadRuleStats(db)).map(toRuleDto), learning: LEARNING_DTO };
}
