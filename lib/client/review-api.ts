// Typed fetchers for the Review endpoints (../shared/API.md), plus the queryOptions shared by hooks.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationEventDto } from '@/lib/annotations/annotation-event-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { updateAnnotation, type UpdateAnnotationInput } from '@/lib/client/annotations-api';
import { apiFetch } from '@/lib/client/api-fetch';
import { reviewKeys, type ReviewQueueFilters } from '@/lib/client/review-keys';
import type { ArticleAgreementDto as AgreementResult } from '@/lib/agreement/agreement-dto';
import type { Decision } from '@/lib/core/permissions';
import type { DeskSettingsDto } from '@/lib/review/desk-settings-dto';
import type { ReplyDto } from '@/lib/review/reply-dto';
import type { ReviewDto } from '@/lib/review/review-dto';
import type { QuoteContext } from '@/lib/review/quote-context';
import type {
  createReplySchema,
  deskSettingsPatchSchema,
  resolveConflictSchema,
  reviewInputSchema,
  updateReplySchema,
} from '@/lib/review/review-schemas';

export type { ReviewQueueFilters };
export type { AgreementResult, AnnotationEventDto, DeskSettingsDto, ReplyDto, ReviewDto, QuoteContext };

/** Request bodies as the routes' schemas accept them. */
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type CreateReplyInput = z.input<typeof createReplySchema>;
export type UpdateReplyInput = z.input<typeof updateReplySchema>;
export type ResolveConflictInput = z.input<typeof resolveConflictSchema>;
export type DeskSettingsPatch = z.input<typeof deskSettingsPatchSchema>;
/** A grade change is an annotation PATCH: the revision I saw and the axes that change. */
export type GradeInput = Pick<UpdateAnnotationInput, 'revision'> & NonNullable<UpdateAnnotationInput['grade']>;

export type ReviewsResponse = { reviews: ReviewDto[]; canReview: Decision };
export type ReviewResult = { review: ReviewDto; annotation: AnnotationDto };
export type ReviewQueue = {
  annotations: AnnotationDto[];
  contexts: Record<string, QuoteContext>;
  articles: Record<string, string>;
  canReview: boolean;
};

const enc = encodeURIComponent;

export function fetchReviews(annotationId: string): Promise<ReviewsResponse> {
  return apiFetch<ReviewsResponse>(`/api/annotations/${enc(annotationId)}/reviews`);
}

export function submitReview(annotationId: string, input: ReviewInput): Promise<ReviewResult> {
  return apiFetch<ReviewResult>(`/api/annotations/${enc(annotationId)}/reviews`, { method: 'POST', json: input });
}

export function fetchReplies(annotationId: string): Promise<ReplyDto[]> {
  return apiFetch<{ replies: ReplyDto[] }>(`/api/annotations/${enc(annotationId)}/replies`).then((r) => r.replies);
}

export function createReply(annotationId: string, input: CreateReplyInput): Promise<ReplyDto> {
  return apiFetch<{ reply: ReplyDto }>(`/api/annotations/${enc(annotationId)}/replies`, { method: 'POST', json: input }).then((r) => r.reply);
}

export function updateReply(replyId: string, input: UpdateReplyInput): Promise<ReplyDto> {
  return apiFetch<{ reply: ReplyDto }>(`/api/replies/${enc(replyId)}`, { method: 'PATCH', json: input }).then((r) => r.reply);
}

export function deleteReply(replyId: string): Promise<void> {
  return apiFetch<void>(`/api/replies/${enc(replyId)}`, { method: 'DELETE' });
}

export function reopenAnnotation(annotationId: string): Promise<AnnotationDto> {
  return apiFetch<{ annotation: AnnotationDto }>(`/api/annotations/${enc(annotationId)}/reopen`, { method: 'POST' }).then((r) => r.annotation);
}

/** A grade change goes through the annotation's own PATCH (author, reviewer or admin may change the grade). */
export function regradeAnnotation(annotationId: string, { revision, ...grade }: GradeInput): Promise<AnnotationDto> {
  return updateAnnotation(annotationId, { revision, grade });
}

export function fetchHistory(annotationId: string): Promise<AnnotationEventDto[]> {
  return apiFetch<{ events: AnnotationEventDto[] }>(`/api/annotations/${enc(annotationId)}/history`).then((r) => r.events);
}

export function fetchDeletedAnnotations(articleId: string): Promise<AnnotationDto[]> {
  return apiFetch<{ annotations: AnnotationDto[] }>(`/api/articles/${enc(articleId)}/annotations?includeDeleted=1`).then((r) =>
    r.annotations.filter((a) => a.deletedAt !== null),
  );
}

export function fetchReviewQueue(filters: ReviewQueueFilters): Promise<ReviewQueue> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return apiFetch<ReviewQueue>(`/api/review-queue${query ? `?${query}` : ''}`);
}

export function resolveConflict(articleId: string, input: ResolveConflictInput): Promise<{ keep: AnnotationDto; other: AnnotationDto }> {
  return apiFetch<{ keep: AnnotationDto; other: AnnotationDto }>(`/api/articles/${enc(articleId)}/conflicts/resolve`, { method: 'POST', json: input });
}

export function fetchAgreement(articleId: string): Promise<AgreementResult> {
  return apiFetch<AgreementResult>(`/api/articles/${enc(articleId)}/agreement`);
}

export function fetchDesk(): Promise<DeskSettingsDto> {
  return apiFetch<{ desk: DeskSettingsDto }>('/api/desk').then((r) => r.desk);
}

export function updateDesk(patch: DeskSettingsPatch): Promise<DeskSettingsDto> {
  return apiFetch<{ desk: DeskSettingsDto }>('/api/desk', { method: 'PATCH', json: patch }).then((r) => r.desk);
}

export function fetchArticles(): Promise<ArticleSummaryDto[]> {
  return apiFetch<{ articles: ArticleSummaryDto[] }>('/api/articles').then((r) => r.articles);
}

export const reviewsQuery = (annotationId: string) => queryOptions({ queryKey: reviewKeys.verdicts(annotationId), queryFn: () => fetchReviews(annotationId) });
export const repliesQuery = (annotationId: string) => queryOptions({ queryKey: annotationKeys.replies(annotationId), queryFn: () => fetchReplies(annotationId) });
export const historyQuery = (annotationId: string) => queryOptions({ queryKey: annotationKeys.history(annotationId), queryFn: () => fetchHistory(annotationId) });
export const reviewQueueQuery = (filters: ReviewQueueFilters) => queryOptions({ queryKey: reviewKeys.queue(filters), queryFn: () => fetchReviewQueue(filters) });
export const agreementQuery = (articleId: string) => queryOptions({ queryKey: reviewKeys.agreement(articleId), queryFn: () => fetchAgreement(articleId) });
export const deletedAnnotationsQuery = (articleId: string) =>
  queryOptions({ queryKey: reviewKeys.deleted(articleId), queryFn: () => fetchDeletedAnnotations(articleId) });
export const deskQuery = () => queryOptions({ queryKey: reviewKeys.desk(), queryFn: fetchDesk });
export const articleChoicesQuery = () => queryOptions({ queryKey: reviewKeys.articles(), queryFn: fetchArticles, staleTime: 60_000 });
