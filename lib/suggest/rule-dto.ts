// A suggestion rule's figures as the API and the desk settings page show them.
import { describeRule } from './describe-rule';
import { LEARNING, type RuleStat } from './rule-stats';

export type SuggestionRuleDto = {
  id: string;
  label: string;
  decided: number;
  accepted: number;
  retagged: number;
  rejected: number;
  precision: number;
  factor: number;
  muted: boolean;
  restoredAt: string | null;
  decidedSinceRestore: number;
  precisionSinceRestore: number;
};

export type SuggestionRulesDto = {
  rules: SuggestionRuleDto[];
  learning: { floor: number; minDecisions: number; prior: { accepted: number; rejected: number } };
};

export function toRuleDto(s: RuleStat): SuggestionRuleDto {
  return {
    id: s.id,
    label: describeRule(s.id),
    decided: s.decided,
    accepted: s.accepted,
    retagged: s.retagged,
    rejected: s.rejected,
    precision: s.precision,
    factor: s.factor,
    muted: s.muted,
    restoredAt: s.restoredAt?.toISOString() ?? null,
    decidedSinceRestore: s.decidedSinceRestore,
    precisionSinceRestore: s.precisionSinceRestore,
  };
}

export const LEARNING_DTO: SuggestionRulesDto['learning'] = {
  floor: LEARNING.floor,
  minDecisions: LEARNING.minDecisions,
  prior: { accepted: LEARNING.priorAccepted, rejected: LEARNING.priorRejected },
};
