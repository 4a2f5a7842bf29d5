import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import type { Suggestion } from '@/lib/suggest';

// The engine's suggestions depend only on a version's text and the desk's tags, and a version's text
// never changes: kept for the next reader of the same article (a few versions per process).
const cache = new Map<string, readonly Suggestion[]>();
const CACHE_SIZE = 32;

/**
 * The suggestion engine's output for a version, computed in the heavy-work pool: on a long article
 * (a 750,000-character one takes most of a second) it would hold the request thread for everyone.
 */
export async function versionSuggestions(actor: Pick<Actor, 'id'>, version: { id: string; text: string }, tags: readonly string[]): Promise<readonly Suggestion[]> {
  const key = `${version.id}\n${tags.join('\n')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const suggestions = await runHeavy(actor, 'suggestClaims', { text: version.text, tags: [...tags] }, { overBudget: suggestionsOverBudget });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, suggestions);
  return suggestions;
}

/** 422: an article too long to read for suggestions within one request's budget. */
function suggestionsOverBudget(budgetMs: number): AppError {
  return new AppError('unprocessable', `Reading this article for suggestions needs more than ${budgetMs / 1000} s of work, the limit for one request. Annotate it by hand.`, {
    reason: 'work_budget',
    budgetMs,
  });
}
