'use client';

// Review queries and mutations: verdicts, replies, re-open, grade, conflicts, queue, agreement,
// desk settings. Mutations follow the house pattern: onMutate snapshot (+ optimistic write) →
// onError restore → onSettled invalidate. A verdict also refreshes the article's annotation list
// (status chips) and every review queue.
import { useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { ApiError } from '@/lib/client/api-fetch';
import { conflictCurrent } from '@/lib/client/conflict-current';
import { TEMP_ID_PREFIX } from '@/lib/client/annotations-api';
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
  restoreDeletedAnnotation,
  reviewQueueQuery,
  reviewsQuery,
  submitReview,
  updateDesk,
  updateReply,
  type AgreementResult,
  type DeskSettingsDto,
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
import type { ReviewStatus } from '@/lib/core/enums';
import { deriveStatus } from '@/lib/review/derive-status';

export type Person = { id: string; name: string };

/** The message a person can act on (the API's own), or a fallback for network errors. */
export function errorText(error: unknown, fallback = 'Network error: try again.'): string {
  return error instanceof ApiError ? error.message : fallback;
}

type Snapshot = Array<[QueryKey, unknown]>;

/** Cancels and snapshots every query under these keys, so onError can put them back. */
async function snapshotQueries(client: QueryClient, keys: QueryKey[]): Promise<Snapshot> {
  await Promise.all(keys.map((queryKey) => client.cancelQueries({ queryKey })));
  return keys.flatMap((queryKey) => client.getQueriesData({ queryKey }));
}

function restoreQueries(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}

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
  const client = useQueryClient();
  return useMutation({
    mutationKey: SUBMIT_REVIEW,
    mutationFn: ({ annotation, input }: { annotation: Reviewable; input: ReviewInput }) => submitReview(annotation.id, input),
    onMutate: async ({ annotation, input }) => {
      const verdictsKey = reviewKeys.verdicts(annotation.id);
      const previous = await snapshotQueries(client, [verdictsKey, annotationKeys.byArticle(annotation.articleId), reviewKeys.queues()]);
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
      return { previous };
    },
    onSuccess: ({ annotation }) => putAnnotation(client, annotation),
    onError: (_error, _vars, context) => restoreQueries(client, context?.previous),
    onSettled: (_data, _error, { annotation }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: reviewKeys.verdicts(annotation.id) }),
        client.invalidateQueries({ queryKey: annotationKeys.byArticle(annotation.articleId) }),
        client.invalidateQueries({ queryKey: annotationKeys.history(annotation.id) }),
        // While verdicts are still in flight (a fast a-a-a in the queue), a refetch would briefly bring
        // their items back: the last one to settle refreshes the queues. (A settling mutation still counts.)
        client.isMutating({ mutationKey: SUBMIT_REVIEW }) <= 1 ? client.invalidateQueries({ queryKey: reviewKeys.queues() }) : undefined,
      ]),
  });
}

/** The author re-opens a disputed / needs-source annotation: earlier verdicts stop counting. */
export function useReopen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (annotation: Reviewable) => reopenAnnotation(annotation.id),
    onMutate: async (annotation) => {
      const verdictsKey = reviewKeys.verdicts(annotation.id);
      const previous = await snapshotQueries(client, [verdictsKey, annotationKeys.byArticle(annotation.articleId)]);
      client.setQueryData<ReviewsResponse>(verdictsKey, (current) => (current ? { ...current, reviews: current.reviews.map((r) => ({ ...r, counts: false })) } : current));
      patchAnnotation(client, annotation.articleId, annotation.id, (a) => ({ ...a, status: 'UNREVIEWED' }));
      return { previous };
    },
    onSuccess: (annotation) => putAnnotation(client, annotation),
    onError: (_error, _annotation, context) => restoreQueries(client, context?.previous),
    onSettled: (_data, _error, annotation) =>
      Promise.all([
        client.invalidateQueries({ queryKey: reviewKeys.verdicts(annotation.id) }),
        client.invalidateQueries({ queryKey: annotationKeys.byArticle(annotation.articleId) }),
        client.invalidateQueries({ queryKey: annotationKeys.history(annotation.id) }),
        client.invalidateQueries({ queryKey: reviewKeys.queues() }),
      ]),
  });
}

/** The Admiralty grade (author, reviewer or admin), with the revision I saw; a 409 shows the latest. */
export function useRegrade() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ annotation, input }: { annotation: Reviewable; input: GradeInput }) => regradeAnnotation(annotation.id, input),
    onMutate: async ({ annotation, input }) => {
      const previous = await snapshotQueries(client, [annotationKeys.byArticle(annotation.articleId)]);
      patchAnnotation(client, annotation.articleId, annotation.id, (a) => ({
        ...a,
        grade: {
          reliability: input.reliability === undefined ? a.grade.reliability : input.reliability,
          credibility: input.credibility === undefined ? a.grade.credibility : input.credibility,
        },
      }));
      return { previous };
    },
    onSuccess: (annotation) => putAnnotation(client, annotation),
    onError: (error, _vars, context) => {
      restoreQueries(client, context?.previous);
      const latest = conflictCurrent(error);
      if (latest) putAnnotation(client, latest);
    },
    onSettled: (_data, _error, { annotation }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: annotationKeys.byArticle(annotation.articleId) }),
        client.invalidateQueries({ queryKey: annotationKeys.history(annotation.id) }),
      ]),
  });
}

// ── Replies ─────────────────────────────────────────────────────────────────

export function useReplies(annotationId: string) {
  return useQuery(repliesQuery(annotationId));
}

function replyMutationSettled(client: QueryClient, annotation: Reviewable) {
  return Promise.all([
    client.invalidateQueries({ queryKey: annotationKeys.replies(annotation.id) }),
    client.invalidateQueries({ queryKey: annotationKeys.history(annotation.id) }),
    // replyCount on the sidebar item.
    client.invalidateQueries({ queryKey: annotationKeys.byArticle(annotation.articleId) }),
  ]);
}

export function useCreateReply(annotation: Reviewable, me: Person) {
  const client = useQueryClient();
  const key = annotationKeys.replies(annotation.id);
  return useMutation({
    mutationFn: (input: { body: string; parentId?: string | null }) => createReply(annotation.id, input),
    onMutate: async (input) => {
      const previous = await snapshotQueries(client, [key]);
      const now = new Date().toISOString();
      const temp: ReplyDto = { id: tempId(), annotationId: annotation.id, parentId: input.parentId ?? null, body: input.body.trim(), author: me, createdAt: now, updatedAt: now, deletedAt: null };
      client.setQueryData<ReplyDto[]>(key, (list) => [...(list ?? []), temp]);
      return { previous, tempId: temp.id };
    },
    onSuccess: (reply, _input, context) =>
      client.setQueryData<ReplyDto[]>(key, (list) => [...(list ?? []).filter((r) => r.id !== context.tempId && r.id !== reply.id), reply]),
    onError: (_error, _input, context) => restoreQueries(client, context?.previous),
    onSettled: () => replyMutationSettled(client, annotation),
  });
}

export function useUpdateReply(annotation: Reviewable) {
  const client = useQueryClient();
  const key = annotationKeys.replies(annotation.id);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => updateReply(id, body),
    onMutate: async ({ id, body }) => {
      const previous = await snapshotQueries(client, [key]);
      client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === id ? { ...r, body: body.trim(), updatedAt: new Date().toISOString() } : r)));
      return { previous };
    },
    onSuccess: (reply) => client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === reply.id ? reply : r))),
    onError: (_error, _vars, context) => restoreQueries(client, context?.previous),
    onSettled: () => replyMutationSettled(client, annotation),
  });
}

export function useDeleteReply(annotation: Reviewable) {
  const client = useQueryClient();
  const key = annotationKeys.replies(annotation.id);
  return useMutation({
    mutationFn: (id: string) => deleteReply(id),
    onMutate: async (id) => {
      const previous = await snapshotQueries(client, [key]);
      // Soft delete, as on the server: the row keeps its place so answers to it stay threaded.
      client.setQueryData<ReplyDto[]>(key, (list) => list?.map((r) => (r.id === id ? { ...r, body: '', deletedAt: new Date().toISOString() } : r)));
      return { previous };
    },
    onError: (_error, _id, context) => restoreQueries(client, context?.previous),
    onSettled: () => replyMutationSettled(client, annotation),
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (annotation: Reviewable) => restoreDeletedAnnotation(annotation.id),
    onMutate: async (annotation) => {
      const previous = await snapshotQueries(client, [reviewKeys.deleted(annotation.articleId)]);
      client.setQueryData<AnnotationDto[]>(reviewKeys.deleted(annotation.articleId), (list) => list?.filter((a) => a.id !== annotation.id));
      return { previous };
    },
    onError: (_error, _annotation, context) => restoreQueries(client, context?.previous),
    onSettled: (_data, _error, annotation) =>
      Promise.all([
        client.invalidateQueries({ queryKey: reviewKeys.deleted(annotation.articleId) }),
        client.invalidateQueries({ queryKey: annotationKeys.byArticle(annotation.articleId) }),
        client.invalidateQueries({ queryKey: annotationKeys.history(annotation.id) }),
      ]),
  });
}

// ── Conflicts ───────────────────────────────────────────────────────────────

/** A reviewer confirms the tag of `keep`: AGREE on it, DISPUTE (suggesting that tag) on `other`. */
export function useResolveConflict(articleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ResolveConflictInput) => resolveConflict(articleId, input),
    onSuccess: ({ keep, other }) => {
      putAnnotation(client, keep);
      putAnnotation(client, other);
    },
    onSettled: (_data, _error, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: annotationKeys.byArticle(articleId) }),
        ...[input.keep, input.other].flatMap((id) => [
          client.invalidateQueries({ queryKey: reviewKeys.verdicts(id) }),
          client.invalidateQueries({ queryKey: annotationKeys.history(id) }),
        ]),
        client.invalidateQueries({ queryKey: reviewKeys.queues() }),
        client.invalidateQueries({ queryKey: reviewKeys.agreement(articleId) }),
      ]),
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
  const client = useQueryClient();
  const key = reviewKeys.desk();
  return useMutation({
    mutationFn: (patch: { name?: string; peerReview?: boolean }) => updateDesk(patch),
    onMutate: async (patch) => {
      const previous = await snapshotQueries(client, [key]);
      client.setQueryData<DeskSettingsDto>(key, (desk) => (desk ? { ...desk, ...patch } : desk));
      return { previous };
    },
    onSuccess: (desk) => client.setQueryData(key, desk),
    onError: (_error, _patch, context) => restoreQueries(client, context?.previous),
    // Whether analysts may review changed: verdict permissions and queues follow.
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: reviewKeys.all })]),
  });
}
