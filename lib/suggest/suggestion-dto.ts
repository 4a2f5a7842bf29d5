import type { Suggestion } from '@/lib/suggest/suggest';

/** A suggestion as GET /api/articles/:id/suggestions answers it (the engine's internal cue left out). */
export type SuggestionDto = Omit<Suggestion, 'cue'>;

/** `muted`: how many suggestions the desk's muted rules held back on this version. */
export type SuggestionListDto = { versionId: string; suggestions: SuggestionDto[]; muted: number };
