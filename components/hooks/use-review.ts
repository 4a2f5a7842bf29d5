'use client';

// Review queries and mutations: verdicts, replies, re-open, grade, conflicts, queue, agreement,
// desk settings. Mutations go through useOptimisticMutation (snapshot → apply → rollback →
// settle); their failures are shown by the component with errorMessage. A verdict also refreshes
// the article's annotation list (status chips) and every review queue.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { TEMP_ID_PREFIX, restoreAnnotation } from '@/lib/client/annotations-api';
import { conflictCurrent } from '@/lib/client/conflict-current';
import {
  agreementQuery,
  articleChoicesQuery,
  createReply,
  deleteReply,
  deletedAnnotationsQuery,
  deskQuery,
  historyQuery,
  regradeAnnotation,
  reopenAnnotation,
  repliesQuery,
  resolveConflict,
  reviewQueueQuery,
  reviewsQuery,
  submitReview,
  updateDesk,
  updateReply,
  type AgreementResult,
  type CreateReplyInput,
  type DeskSettingsDto,
  type DeskSettingsPatch,
  type GradeInput,
  type ReplyDto,
  type ResolveConflictInput,
  type ReviewDto,
  type ReviewInput,
  type ReviewQueue,
  type ReviewQueueFilters,
  type ReviewsResponse,
} from '@/lib/client/review-api';
import { reviewKeys } from '@/lib/client/review-keys';
import type { CurrentUser } from '@/lib/core/actor';
import type { ReviewStatus } from '@/lib/core/enums';
import { deriveStatus } from '@/lib/review/derive-status';

export type Person = Pick<CurrentUser, 'id' | 'name'>;

function patchAnnotation(client: QueryClient, articleId: string, id: string, patch: (a: AnnotationDto) => AnnotationDto) {
  client.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId), (list) => list?.map((a) => (a.id === id ? patch(a) : a)));
}

function putAnnotation(client: QueryClient, annotation: AnnotationDto) {
  patchAnnotation(client, annotation.articleId, annotation.id, () => annotation);
}

function tempId(): string {
  return `${TEMP_ID_PREFIX}${crypto.randomUUID()}`;
}

/** The status the server will derive from the verdicts that still count. */
function statusOf(reviews: ReviewDto[]): ReviewStatus {
  return deriveStatus(reviews.filter((r) => r.counts).map((r) => ({ reviewerId: r.reviewer.id, verdict: r.verdict, createdAt: new Date(r.createdAt) })));
}

// ── Verdicts ────────────────────────────────────────────────────────────────

export function useReviews(annotationId: string) {
  return useQuery(reviewsQuery(annotationId));
}

type Reviewable = Pick<AnnotationDto, 'id' | 'articleId'>;

const SUBMIT_REVIEW = [...reviewKeys.all, 'submit'] as const;

/** My verdict on an annotation: supersedes my previous one; the status chip and queues update at once. */
export function useSubmitReview(me: Person) {
  return useOptimisticMutation({
    mutationKey: SUBMIT_REVIEW,
    mutationFn: ({ annotation, input }: { annotation: Reviewable; input: ReviewInput }) => submitReview(annotation.id, input),
    snapshot: ({ annotation }) => [reviewKeys.verdicts(annotation.id), annotationKeys.byArticle(annotation.articleId), reviewKeys.queues()],
    apply: (client, { annotation, input }) => {
      const verdictsKey = reviewKeys.verdicts(annotation.id);
      const now = new Date().toISOString();
      const mine: ReviewDto = {
        id: tempId(),
        annotationId: annotation.id,
        verdict: input.verdict,
        comment: input.comment?.trim() || null,
        suggestedTag: input.suggestedTag || null,
        reviewer: me,
        createdAt: now,
        supersededAt: null,
        resolvedAt: null,
        counts: true,
      };
      const current = client.getQueryData<ReviewsResponse>(verdictsKey);
      if (current) {
        const reviews = [
          ...current.reviews.map((r) => (r.reviewer.id === me.id && !r.supersededAt ? { ...r, supersededAt: now, counts: false } : r)),
          mine,
        ];
        client.setQueryData<ReviewsResponse>(verdictsKey, { ...current, reviews });
        const status = statusOf(reviews);
        patchAnnotation(client, annotation.articleId, annotation.id, (a) => ({ ...a, status }));
      }
      // Reviewed by me: it leaves my queue.
      client.setQueriesData<ReviewQueue>({ queryKey: reviewKeys.queues() }, (queue) =>
        queue ? { ...queue, annotations: queue.annotations.filter((a) => a.id !== annotation.id) } : queue,
      );
    },
    onSuccess: (client, { annotation }) => putAnnotation(client, annotation),
    settle: ({ annotation }, client) => [
      reviewKeys.verdicts(annotation.id),
      annotationKeys.byArticle(annotation.articleId),
      annotationKeys.history(annotation.id),
      // While verdicts are still in flight (a fast a-a-a in the queue), a refetch would briefly bring
      // their items back: the last one to settle refreshes the queues. (A settling mutation still counts.)
      client.isMutating({ mutationKey: SUBMIT_REVIEW }) <= 1 && reviewKeys.queues(),
    ],
  });
}

/** The author re-opens a disputed / needs-source annotation: earlier verdicts stop counting. */
export function useReopen() {
  return useOptimisticMutation({
    mutationFn: (annotation: Reviewable) => reopenAnnotation(annotation.id),
    snapshot: (annotation) => [reviewKeys.verdicts(annotation.id), annotationKeys.byArticle(annotation.articleId)],
    apply: (client, annotation) => {
      client.setQueryData<ReviewsResponse>(reviewKeys.verdicts(annotation.id), (current) =>
        current ? { ...current, reviews: current.reviews.map((r) => ({ ...r, counts: false })) } : current,
      );
      patchAnnotation(client, annotation.articleId, annotation.id, (a) => ({ ...a, status: 'UNREVIEWED' }));
    },
    onSuccess: (client, annotation) => putAnnotation(client, annotation),
    settle: (annotation) => [
      reviewKeys.verdicts(annotation.id),
      annotationKeys.byArticle(annotation.articleId),
      annotationKeys.history(annotation.id),
      reviewKeys.queues(),
    ],
  });
}

/** The Admiralty grade (author, reviewer or admin), with the revision I saw; a 409 shows the latest. */
export function useRegrade() {
  return useOptimisticMutation({
    mutationFn: ({ annotation, input }: { annotation: Reviewable; input: GradeInput }) => regradeAnnotation(annotation.id, input),
    snapshot: ({ annotation }) => [annotationKeys.byArticle(annotation.articleId)],
    apply: (client, { annotation, input }) =>
      patchAnnotation(client, annotation.articleId, annotation.id, (a) => ({
        ...a,
        grade: {
          reliability: input.reliability === undefined ? a.grade.reliability : input.reliability,
          credibility: input.credibility === undefined ? a.grade.credibility : input.credibility,
        },
      })),
    onSuccess: (client, annotation) => putAnnotation(client, annotation),
    onError: (client, error) => {
      const latest = conflictCurrent(error);
      if (latest) putAnnotation(client, latest);
    },
    settle: ({ annotation }) => [annotationKeys.byArticle(annotation.articleId), annotationKeys.history(annotation.id)],
  });
}

// ── Replies ─────────────────────────────────────────────────────────────────

export function useReplies(annotationId: string) {
  return useQuery(repliesQuery(annotationId));
}

/** What a reply changes: the thread, the history and the sidebar item's replyCount. */
const replyQueries = (annotation: Reviewable) => [
  annotationKeys.replies(annotation.id),
  annotationKeys.history(annotation.id),
  annotationKeys.byArticle(annotation.articleId),
];

export function useCreateReply(annotation: Reviewable, me: Person) {
  const key = annotationKeys.replies(annotation.id);
  return useOptimisticMutation({
    mutationFn: (input: CreateReplyInput) => createReply(annotation.id, input),
    snapshot: () => [key],
    apply: (client, input) => {
      const now = new Date().toISOString();
      const temp: ReplyDto = { id: tempId(), annotationId: annotation.id, parentId: input.parentId ?? null, body: input.body.trim(), author: me, createdAt: now, updatedAt: now, deletedAt: null };
      client.setQueryData<ReplyDto[]>(key, (list) => [...(list ?? []), temp]);
      return temp.id;
    },
    onSuccess: (client, reply, _input, temp) =>
      client.setQueryData<ReplyDto[]>(key, (list) => [...(list ?? []).filter((r) => r.id !== temp && r.id !== reply.id), reply]),
    settle: () => replyQueries(annotation),
  });
}

export function useUpdateReply(annotation: Reviewable) {
  const key = annotationKeys.replies(annotation.id);
  return useOptimisticMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => updateReply(id, { body }),
    snapshot: () => [key],
    apply: (client, { id, body }) =>
      client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === id ? { ...r, body: body.trim(), updatedAt: new Date().toISOString() } : r))),
    onSuccess: (client, reply) => client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === reply.id ? reply : r))),
    settle: () => replyQueries(annotation),
  });
}

export function useDeleteReply(annotation: Reviewable) {
  const key = annotationKeys.replies(annotation.id);
  return useOptimisticMutation({
    mutationFn: (id: string) => deleteReply(id),
    snapshot: () => [key],
    // Soft delete, as on the server: the row keeps its place so answers to it stay threaded.
    apply: (client, id) =>
      client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === id ? { ...r, body: '', deletedAt: new Date().toISOString() } : r))),
    settle: () => replyQueries(annotation),
  });
}

// ── History, restore ────────────────────────────────────────────────────────

export function useHistory(annotationId: string, enabled = true) {
  return useQuery({ ...historyQuery(annotationId), enabled });
}

export function useDeletedAnnotations(articleId: string | null) {
  return useQuery({ ...deletedAnnotationsQuery(articleId ?? ''), enabled: Boolean(articleId) });
}

/** Admin restore of a soft-deleted annotation (any time; authors only get the short undo window). */
export function useRestoreDeleted() {
  return useOptimisticMutation({
    mutationFn: (annotation: Reviewable) => restoreAnnotation(annotation.id),
    snapshot: (annotation) => [reviewKeys.deleted(annotation.articleId)],
    apply: (client, annotation) =>
      client.setQueryData<AnnotationDto[]>(reviewKeys.deleted(annotation.articleId), (list) => list?.filter((a) => a.id !== annotation.id)),
    settle: (annotation) => [reviewKeys.deleted(annotation.articleId), annotationKeys.byArticle(annotation.articleId), annotationKeys.history(annotation.id)],
  });
}

// ── Conflicts ───────────────────────────────────────────────────────────────

/** A reviewer confirms the tag of `keep`: AGREE on it, DISPUTE (suggesting that tag) on `other`. */
export function useResolveConflict(articleId: string) {
  // Not optimistic: the server decides both verdicts and statuses; its answer goes in as it comes.
  return useOptimisticMutation({
    mutationFn: (input: ResolveConflictInput) => resolveConflict(articleId, input),
    onSuccess: (client, { keep, other }) => {
      putAnnotation(client, keep);
      putAnnotation(client, other);
    },
    settle: (input) => [
      annotationKeys.byArticle(articleId),
      ...[input.keep, input.other].flatMap((id) => [reviewKeys.verdicts(id), annotationKeys.history(id)]),
      reviewKeys.queues(),
      reviewKeys.agreement(articleId),
    ],
  });
}

// ── Queue, agreement, desk ──────────────────────────────────────────────────

export function useReviewQueue(filters: ReviewQueueFilters) {
  // Not article-scoped, so no live stream: poll gently for others' new annotations.
  return useQuery({ ...reviewQueueQuery(filters), refetchInterval: 30_000 });
}

export function useArticleChoices() {
  return useQuery(articleChoicesQuery());
}

export function useAgreement(articleId: string, initialData?: AgreementResult) {
  return useQuery({ ...agreementQuery(articleId), initialData });
}

export function useDesk(initialData?: DeskSettingsDto) {
  return useQuery({ ...deskQuery(), initialData });
}

export function useUpdateDesk() {
  const key = reviewKeys.desk();
  return useOptimisticMutation({
    mutationFn: (patch: DeskSettingsPatch) => updateDesk(patch),
    snapshot: () => [key],
    apply: (client, patch) => client.setQueryData<DeskSettingsDto>(key, (desk) => (desk ? { ...desk, ...patch } : desk)),
    onSuccess: (client, desk) => client.setQueryData(key, desk),
    // Whether analysts may review changed: verdict permissions and queues follow.
    settle: () => [key, reviewKeys.all],
  });
}
