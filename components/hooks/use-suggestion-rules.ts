'use client';

// The desk's suggestion rules with their accept/reject figures, and restoring a muted one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { restoreSuggestionRule, suggestionKeys, suggestionRulesQuery } from '@/lib/client/suggestions-api';

export function useSuggestionRules() {
  return useQuery(suggestionRulesQuery());
}

export function useRestoreSuggestionRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => restoreSuggestionRule(ruleId),
    // A restored rule proposes again on every article: refetch the figures and every suggestion list.
    onSettled: () => queryClient.invalidateQueries({ queryKey: suggestionKeys.all }),
  });
}
