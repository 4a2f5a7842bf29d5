// Typed fetchers for assignment, blind mode, submission and curation (#17).
import type { z } from 'zod';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleAccessDto } from '@/lib/assignments/assignment-dto';
import type { patchArticleSchema } from '@/lib/assignments/assignment-schemas';
import type { CurationDto } from '@/lib/curation/curation-dto';
import type { curationDecisionSchema } from '@/lib/curation/curation-schemas';
import { apiFetch } from '@/lib/client/api-fetch';

export type PatchArticleRequest = z.input<typeof patchArticleSchema>;
export type CurationDecisionRequest = z.input<typeof curationDecisionSchema>;
export type ArticleAccess = ArticleAccessDto & { myAssignment: { state: string; dueAt: string | null; submittedAt: string | null } | null };

export const assignmentKeys = {
  all: ['assignments'] as const,
  byArticle: (articleId: string) => ['assignments', articleId] as const,
};
export const curationKeys = {
  byArticle: (articleId: string) => ['curation', articleId] as const,
};

export function fetchArticleAccess(articleId: string): Promise<ArticleAccess> {
  return apiFetch<{ article: ArticleAccess }>(`/api/articles/${encodeURIComponent(articleId)}`).then((r) => ({ blind: r.article.blind, assignments: r.article.assignments, myAssignment: r.article.myAssignment }));
}

export function patchArticleAccess(articleId: string, input: PatchArticleRequest): Promise<ArticleAccessDto> {
  return apiFetch<{ article: ArticleAccessDto }>(`/api/articles/${encodeURIComponent(articleId)}`, { method: 'PATCH', json: input }).then((r) => r.article);
}

export function submitAnnotation(articleId: string): Promise<{ submittedAt: string }> {
  return apiFetch<{ submittedAt: string }>(`/api/articles/${encodeURIComponent(articleId)}/submit`, { method: 'POST' });
}

export function reopenSubmission(articleId: string, userId: string): Promise<{ reopened: number }> {
  return apiFetch<{ reopened: number }>(`/api/articles/${encodeURIComponent(articleId)}/submit?user=${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function fetchCuration(articleId: string): Promise<CurationDto> {
  return apiFetch<CurationDto>(`/api/articles/${encodeURIComponent(articleId)}/curation`);
}

export function postCuration(articleId: string, input: CurationDecisionRequest): Promise<{ annotation?: AnnotationDto | null; accepted?: number }> {
  return apiFetch(`/api/articles/${encodeURIComponent(articleId)}/curation`, { method: 'POST', json: input });
}
