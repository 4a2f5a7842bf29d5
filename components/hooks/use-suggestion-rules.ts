'use client';

// The desk's suggestion rules with their accept/reject figures, and restoring a muted one.
import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { restoreSuggestionRule, suggestionKeys, suggestionRulesQuery } from '@/lib/client/suggestions-api';

export function useSuggestionRules() {
  return useQuery(suggestionRulesQuery());
}

export function useRestoreSuggestionRule() {
  return useOptimisticMutation({
    mutationFn: (ruleId: string) => restoreSuggestionRule(ruleId),
    // A restored rule proposes again on every article: refetch the figures and every suggestion list.
    settle: () => [suggestionKeys.all],
  });
}
