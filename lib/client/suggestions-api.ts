// Typed fetchers for the suggestion endpoints of ../shared/API.md, plus their query keys and options.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '@/lib/client/api-fetch';
import type { SuggestionRuleDto, SuggestionRulesDto } from '@/lib/suggest/rule-dto';
import type { RestoreSuggestionRuleInput, rejectSuggestionSchema } from '@/lib/suggest/suggest-schemas';
import type { SuggestionDto, SuggestionListDto } from '@/lib/suggest/suggestion-dto';

export type RejectSuggestionInput = z.input<typeof rejectSuggestionSchema>;

export type Suggestion = SuggestionDto;
export type SuggestionList = SuggestionListDto;

export const suggestionKeys = {
  all: ['suggestions'] as const,
  byArticle: (articleId: string) => [...suggestionKeys.all, articleId] as const,
  rules: () => [...suggestionKeys.all, 'rules'] as const,
};

/** A suggestion's identity on its version: the server remembers rejections by span. */
export const suggestionKey = (s: Pick<Suggestion, 'start' | 'end'>) => `${s.start}:${s.end}`;

const enc = encodeURIComponent;

export function fetchSuggestions(articleId: string): Promise<SuggestionList> {
  return apiFetch<SuggestionList>(`/api/articles/${enc(articleId)}/suggestions`);
}

export function rejectSuggestion(articleId: string, input: RejectSuggestionInput): Promise<void> {
  return apiFetch<void>(`/api/articles/${enc(articleId)}/suggestions/reject`, { method: 'POST', json: input });
}

// The engine is deterministic on a version's text: only annotations and rejections change the list.
export const suggestionsQuery = (articleId: string) =>
  queryOptions({ queryKey: suggestionKeys.byArticle(articleId), queryFn: () => fetchSuggestions(articleId), staleTime: 60_000 });

export function fetchSuggestionRules(): Promise<SuggestionRulesDto> {
  return apiFetch<SuggestionRulesDto>('/api/suggestions/rules');
}

export function restoreSuggestionRule(ruleId: string): Promise<SuggestionRuleDto> {
  const body: RestoreSuggestionRuleInput = { rule: ruleId };
  return apiFetch<{ rule: SuggestionRuleDto }>('/api/suggestions/rules/restore', { method: 'POST', json: body }).then((r) => r.rule);
}

export const suggestionRulesQuery = () => queryOptions({ queryKey: suggestionKeys.rules(), queryFn: fetchSuggestionRules });
