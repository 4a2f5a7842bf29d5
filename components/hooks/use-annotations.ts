'use client';

// Annotation queries and mutations. Every mutation is optimistic (useOptimisticMutation): the
// article's list changes at once, a failure puts it back with a toast, and it is settled after
// (listToSettle).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { failureText, useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
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
import { conflictCurrent } from '@/lib/client/conflict-current';
import type { CurrentUser } from '@/lib/core/actor';

export function useAnnotations(articleId: string, initialData?: AnnotationDto[]) {
  return useQuery({ ...annotationsQuery(articleId), initialData });
}

function setList(client: QueryClient, articleId: string, update: (list: AnnotationDto[]) => AnnotationDto[]) {
  client.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(articleId), (list) => update(list ?? []));
}

/**
 * After a mutation: the list is refetched only when the article's live stream is not open or the
 * write failed; otherwise the stream brings the committed state (the viewer's own event included),
 * and a refetch would cost every author a whole list per write.
 */
function listToSettle(client: QueryClient, articleId: string, error: unknown) {
  if (!error && client.getQueryData<boolean>(annotationKeys.live(articleId)) === true) return null;
  return annotationKeys.byArticle(articleId);
}

/** Puts the server's version of one annotation in place of ours (its answer, or a 409's current). */
function replaceInList(client: QueryClient, articleId: string, annotation: AnnotationDto) {
  setList(client, articleId, (list) => list.map((a) => (a.id === annotation.id ? annotation : a)));
}

export type Author = Pick<CurrentUser, 'id' | 'name'>;

type CreateVars = CreateAnnotationInput & { tempId: string; idempotencyKey: string };

/** The row the list shows until the server answers: what the analyst chose, defaults for the rest. */
function optimisticAnnotation(articleId: string, author: Author, vars: CreateVars): AnnotationDto {
  const now = new Date().toISOString();
  return {
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
    provenance: 'unlinked',
    evidenceCount: 0,
    curated: false,
    curatedFrom: [],
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function useCreateAnnotation(articleId: string, author: Author) {
  const list = annotationKeys.byArticle(articleId);
  return useOptimisticMutation({
    mutationFn: ({ tempId: _tempId, idempotencyKey, ...input }: CreateVars) => {
      void _tempId;
      return createAnnotation(articleId, input, idempotencyKey);
    },
    snapshot: () => [list],
    apply: (client, vars) => setList(client, articleId, (rows) => [...rows, optimisticAnnotation(articleId, author, vars)]),
    onSuccess: (client, created, vars) =>
      setList(client, articleId, (rows) => [...rows.filter((a) => a.id !== vars.tempId && a.id !== created.id), created]),
    errorToast: 'Could not save the annotation',
    settle: (_vars, client, error) => [listToSettle(client, articleId, error)],
  });
}

/** New temporary id + idempotency key for one create. */
export function newCreateIds(): { tempId: string; idempotencyKey: string } {
  const uuid = crypto.randomUUID();
  return { tempId: `${TEMP_ID_PREFIX}${uuid}`, idempotencyKey: uuid };
}

/** The fields an update names, over the row we have (a grade axis left out keeps its value). */
function applyUpdate(a: AnnotationDto, fields: Omit<UpdateAnnotationInput, 'revision'>): AnnotationDto {
  return {
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
  };
}

export function useUpdateAnnotation(articleId: string) {
  const list = annotationKeys.byArticle(articleId);
  return useOptimisticMutation({
    mutationFn: ({ id, ...input }: UpdateAnnotationInput & { id: string }) => updateAnnotation(id, input),
    snapshot: () => [list],
    apply: (client, { id, revision: _revision, ...fields }) => {
      void _revision;
      setList(client, articleId, (rows) => rows.map((a) => (a.id === id ? applyUpdate(a, fields) : a)));
    },
    onSuccess: (client, updated) => replaceInList(client, articleId, updated),
    onError: (client, error) => {
      // Someone else saved first: show their version rather than ours.
      const current = conflictCurrent(error);
      if (current) replaceInList(client, articleId, current);
    },
    errorToast: (error) =>
      conflictCurrent(error) ? 'Someone changed this annotation; showing the latest version.' : failureText('Could not update the annotation', error),
    settle: ({ id }, client, error) => [annotationKeys.history(id), listToSettle(client, articleId, error)],
  });
}

export function useDeleteAnnotation(articleId: string) {
  const list = annotationKeys.byArticle(articleId);
  return useOptimisticMutation({
    mutationFn: (id: string) => deleteAnnotation(id),
    snapshot: () => [list],
    apply: (client, id) => setList(client, articleId, (rows) => rows.filter((a) => a.id !== id)),
    errorToast: 'Could not delete the annotation',
    settle: (_vars, client, error) => [listToSettle(client, articleId, error)],
  });
}

/** The author's undo (or an admin's restore) of a delete; `annotation` puts the row back at once. */
export function useRestoreAnnotation(articleId: string) {
  const list = annotationKeys.byArticle(articleId);
  return useOptimisticMutation({
    mutationFn: (vars: { id: string; annotation?: AnnotationDto }) => restoreAnnotation(vars.id),
    snapshot: () => [list],
    apply: (client, { id, annotation }) => {
      if (annotation) setList(client, articleId, (rows) => [...rows.filter((a) => a.id !== id), { ...annotation, deletedAt: null }]);
    },
    onSuccess: (client, restored) => setList(client, articleId, (rows) => [...rows.filter((a) => a.id !== restored.id), restored]),
    errorToast: 'Could not restore the annotation',
    settle: (_vars, client, error) => [listToSettle(client, articleId, error)],
  });
}

export function useConfirmAnchor(articleId: string) {
  const list = annotationKeys.byArticle(articleId);
  return useOptimisticMutation({
    mutationFn: (vars: { id: string; revision: number }) => confirmAnnotationAnchor(vars.id, { revision: vars.revision }),
    snapshot: () => [list],
    apply: (client, { id }) => setList(client, articleId, (rows) => rows.map((a) => (a.id === id ? { ...a, anchorState: 'exact' } : a))),
    onSuccess: (client, confirmed) => replaceInList(client, articleId, confirmed),
    onError: (client, error) => {
      const current = conflictCurrent(error);
      if (current) replaceInList(client, articleId, current);
    },
    errorToast: (error) => (conflictCurrent(error) ? 'Someone changed this annotation; check the anchor again.' : failureText('Could not confirm the anchor', error)),
    settle: ({ id }, client, error) => [annotationKeys.history(id), listToSettle(client, articleId, error)],
  });
}
