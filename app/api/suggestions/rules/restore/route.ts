import { readJson } from '@/lib/api/read-body';
import { json } from '@/lib/api/respond';
import { authedRoute } from '@/lib/api/server/route';
import { db } from '@/lib/db/server/prisma';
import { toRuleDto } from '@/lib/suggest/rule-dto';
import { restoreSuggestionRule } from '@/lib/suggest/server/restore-suggestion-rule';
import { restoreSuggestionRuleSchema } from '@/lib/suggest/suggest-schemas';

/** Rule ids hold "." and ":" ("speaker.subject:expert"), so the rule travels in the body, not the path. */
export const POST = authedRoute(async (req, { actor }) => json({ rule: toRuleDto(await restoreSuggestionRule(db, actor, (await readJson(req, restoreSuggestionRuleSchema)).rule)) }));
