'use client';

import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { annotationKeys } from '@/lib/client/annotation-keys';
import {
  assignmentKeys,
  curationKeys,
  fetchArticleAccess,
  fetchCuration,
  patchArticleAccess,
  postCuration,
  reopenSubmission,
  submitAnnotation,
  type ArticleAccess,
  type CurationDecisionRequest,
  type PatchArticleRequest,
} from '@/lib/client/assignments-api';

export function useArticleAccess(articleId: string, initialData?: ArticleAccess) {
  return useQuery({ queryKey: assignmentKeys.byArticle(articleId), queryFn: () => fetchArticleAccess(articleId), initialData });
}

/** What one reads changes with blind mode and submissions: the annotation list is refetched too. */
const settleAccess = (articleId: string) => () => [assignmentKeys.byArticle(articleId), annotationKeys.byArticle(articleId)];

export function useUpdateArticleAccess(articleId: string) {
  return useOptimisticMutation({ mutationFn: (input: PatchArticleRequest) => patchArticleAccess(articleId, input), errorToast: 'Could not change the assignment', settle: settleAccess(articleId) });
}

export function useSubmitAnnotation(articleId: string) {
  return useOptimisticMutation({ mutationFn: () => submitAnnotation(articleId), errorToast: 'Could not submit your annotation', settle: settleAccess(articleId) });
}

export function useReopenSubmission(articleId: string) {
  return useOptimisticMutation({ mutationFn: (userId: string) => reopenSubmission(articleId, userId), errorToast: 'Could not reopen the submission', settle: settleAccess(articleId) });
}

export function useCuration(articleId: string) {
  return useQuery({ queryKey: curationKeys.byArticle(articleId), queryFn: () => fetchCuration(articleId) });
}

export function useDecideCuration(articleId: string) {
  return useOptimisticMutation({ mutationFn: (input: CurationDecisionRequest) => postCuration(articleId, input), errorToast: 'Could not record the decision', settle: () => [curationKeys.byArticle(articleId)] });
}
