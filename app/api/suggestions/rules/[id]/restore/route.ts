import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { toRuleDto } from '@/lib/suggest/rule-dto';
import { restoreSuggestionRule } from '@/lib/suggest/server/restore-suggestion-rule';

export const POST = authedRoute<{ id: string }>(async (_req, { actor, params }) => json({ rule: toRuleDto(await restoreSuggestionRule(db, actor, params.id)) }));
