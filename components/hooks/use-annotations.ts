'use client';

// Annotation queries and mutations. Every mutation is optimistic:
// onMutate snapshot → onError restore (+ an error toast) → onSettled settle the list (settleList).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/annotations/toast';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import {
  annotationsQuery,
  confirmAnnotationAnchor,
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  TEMP_ID_PREFIX,
  updateAnnotation,
  type CreateAnnotationInput,
  type UpdateAnnotationInput,
} from '@/lib/client/annotations-api';
import { ApiError } from '@/lib/client/api-fetch';
import { conflictCurrent } from '@/lib/client/conflict-current';

type List = AnnotationDto[] | undefined;

export function useAnnotations(articleId: string, initialData?: AnnotationDto[]) {
  return useQuery({ ...annotationsQuery(articleId), initialData });
}

function snapshot(client: QueryClient, articleId: string) {
  return client.getQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId));
}

function setList(client: QueryClient, articleId: string, update: (list: AnnotationDto[]) => AnnotationDto[]) {
  client.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId), (list: List) => update(list ?? []));
}

/**
 * After a mutation: the list is refetched only when the article's live stream is not open or the
 * write failed; otherwise the stream brings the committed state (the viewer's own event included),
 * and a refetch would cost every author a whole list per write.
 */
function settleList(client: QueryClient, articleId: string, error: unknown) {
  if (!error && client.getQueryData<boolean>(annotationKeys.live(articleId)) === true) return;
  return client.invalidateQueries({ queryKey: annotationKeys.byArticle(articleId) });
}

function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export type Author = { id: string; name: string };

export function useCreateAnnotation(articleId: string, author: Author) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (vars: CreateAnnotationInput & { tempId: string; idempotencyKey: string }) => {
      const { tempId: _tempId, idempotencyKey, ...input } = vars;
      void _tempId;
      return createAnnotation(articleId, input, idempotencyKey);
    },
    onMutate: async (vars) => {
      await client.cancelQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const previous = snapshot(client, articleId);
      const now = new Date().toISOString();
      const optimistic: AnnotationDto = {
        id: vars.tempId,
        articleId,
        versionId: vars.versionId ?? '',
        target: { exact: vars.exact, prefix: '', suffix: '', start: vars.start, end: vars.end },
        tag: vars.tag,
        sourceDetail: vars.sourceDetail ?? null,
        note: vars.note ?? null,
        confidence: vars.confidence ?? null,
        grade: { reliability: vars.grade?.reliability ?? null, credibility: vars.grade?.credibility ?? null },
        status: 'UNREVIEWED',
        anchorState: 'exact',
        orphaned: false,
        author,
        revision: 0,
        suggestionReason: null,
        replyCount: 0,
        conflictsWith: [],
        matchOf: null,
        matchedByCount: 0,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      setList(client, articleId, (list) => [...list, optimistic]);
      return { previous };
    },
    onSuccess: (created, vars) => {
      setList(client, articleId, (list) => {
        const withoutTemp = list.filter((a) => a.id !== vars.tempId && a.id !== created.id);
        return [...withoutTemp, created];
      });
    },
    onError: (error, _vars, context) => {
      client.setQueryData(annotationKeys.byArticle(articleId), context?.previous);
      toast.show({ kind: 'error', message: `Could not save the annotation: ${errorMessage(error, 'network error')}` });
    },
    onSettled: (_data, error) => settleList(client, articleId, error),
  });
}

/** New temporary id + idempotency key for one create. */
export function newCreateIds(): { tempId: string; idempotencyKey: string } {
  const uuid = crypto.randomUUID();
  return { tempId: `${TEMP_ID_PREFIX}${uuid}`, idempotencyKey: uuid };
}

export function useUpdateAnnotation(articleId: string) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateAnnotationInput & { id: string }) => updateAnnotation(id, input),
    onMutate: async ({ id, revision: _revision, ...fields }) => {
      void _revision;
      await client.cancelQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const previous = snapshot(client, articleId);
      setList(client, articleId, (list) =>
        list.map((a) =>
          a.id === id
            ? {
                ...a,
                ...(fields.tag === undefined ? {} : { tag: fields.tag }),
                ...(fields.sourceDetail === undefined ? {} : { sourceDetail: fields.sourceDetail }),
                ...(fields.note === undefined ? {} : { note: fields.note }),
                ...(fields.confidence === undefined ? {} : { confidence: fields.confidence }),
                ...(fields.grade === undefined
                  ? {}
                  : {
                      grade: {
                        reliability: fields.grade.reliability === undefined ? a.grade.reliability : fields.grade.reliability,
                        credibility: fields.grade.credibility === undefined ? a.grade.credibility : fields.grade.credibility,
                      },
                    }),
              }
            : a,
        ),
      );
      return { previous };
    },
    onSuccess: (updated) => setList(client, articleId, (list) => list.map((a) => (a.id === updated.id ? updated : a))),
    onError: (error, vars, context) => {
      const current = conflictCurrent(error);
      if (current) {
        // Someone else saved first: show their version rather than ours.
        setList(client, articleId, (list) => (context?.previous ?? list).map((a) => (a.id === vars.id ? current : a)));
        toast.show({ kind: 'error', message: 'Someone changed this annotation; showing the latest version.' });
        return;
      }
      client.setQueryData(annotationKeys.byArticle(articleId), context?.previous);
      toast.show({ kind: 'error', message: `Could not update the annotation: ${errorMessage(error, 'network error')}` });
    },
    onSettled: (_data, error, vars) => {
      void client.invalidateQueries({ queryKey: annotationKeys.history(vars.id) });
      return settleList(client, articleId, error);
    },
  });
}

export function useDeleteAnnotation(articleId: string) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (id: string) => deleteAnnotation(id),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const previous = snapshot(client, articleId);
      setList(client, articleId, (list) => list.filter((a) => a.id !== id));
      return { previous };
    },
    onError: (error, _id, context) => {
      client.setQueryData(annotationKeys.byArticle(articleId), context?.previous);
      toast.show({ kind: 'error', message: `Could not delete the annotation: ${errorMessage(error, 'network error')}` });
    },
    onSettled: (_data, error) => settleList(client, articleId, error),
  });
}

export function useRestoreAnnotation(articleId: string) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (vars: { id: string; annotation?: AnnotationDto }) => restoreAnnotation(vars.id),
    onMutate: async ({ id, annotation }) => {
      await client.cancelQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const previous = snapshot(client, articleId);
      if (annotation) setList(client, articleId, (list) => [...list.filter((a) => a.id !== id), { ...annotation, deletedAt: null }]);
      return { previous };
    },
    onSuccess: (restored) => {
      if (restored) setList(client, articleId, (list) => [...list.filter((a) => a.id !== restored.id), restored]);
    },
    onError: (error, _vars, context) => {
      client.setQueryData(annotationKeys.byArticle(articleId), context?.previous);
      toast.show({ kind: 'error', message: `Could not restore the annotation: ${errorMessage(error, 'network error')}` });
    },
    onSettled: (_data, error) => settleList(client, articleId, error),
  });
}

export function useConfirmAnchor(articleId: string) {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (vars: { id: string; revision: number }) => confirmAnnotationAnchor(vars.id, vars.revision),
    onMutate: async ({ id }) => {
      await client.cancelQueries({ queryKey: annotationKeys.byArticle(articleId) });
      const previous = snapshot(client, articleId);
      setList(client, articleId, (list) => list.map((a) => (a.id === id ? { ...a, anchorState: 'exact' } : a)));
      return { previous };
    },
    onSuccess: (confirmed) => setList(client, articleId, (list) => list.map((a) => (a.id === confirmed.id ? confirmed : a))),
    onError: (error, vars, context) => {
      const current = conflictCurrent(error);
      if (current) {
        setList(client, articleId, (list) => (context?.previous ?? list).map((a) => (a.id === vars.id ? current : a)));
        toast.show({ kind: 'error', message: 'Someone changed this annotation; check the anchor again.' });
        return;
      }
      client.setQueryData(annotationKeys.byArticle(articleId), context?.previous);
      toast.show({ kind: 'error', message: `Could not confirm the anchor: ${errorMessage(error, 'network error')}` });
    },
    onSettled: (_data, error, vars) => {
      void client.invalidateQueries({ queryKey: annotationKeys.history(vars.id) });
      return settleList(client, articleId, error);
    },
  });
}
