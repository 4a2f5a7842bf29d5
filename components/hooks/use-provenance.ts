'use client';

// Provenance queries and mutations: a claim's evidence links, passage proposals, the library's
// sources, a source's text and its cited-by list; linking, unlinking and verdicts on links. A write
// answers the claim with its new provenance state, which goes straight into the article's
// annotation list (the sidebar chip and the header count change at once); live events do the same
// for everyone else (components/hooks/use-live-events.ts).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { annotationsQuery } from '@/lib/client/annotations-api';
import {
  citedByQuery,
  createEvidence,
  deleteEvidence,
  evidenceQuery,
  libraryArticlesQuery,
  proposalsQuery,
  provenanceKeys,
  reviewEvidence,
  sourceDocumentQuery,
  sourcesQuery,
  updateEvidence,
  type CreateEvidenceInput,
  type UpdateEvidenceInput,
  type EvidenceDto,
  type EvidenceReviewInput,
} from '@/lib/client/provenance-api';
import { reviewKeys } from '@/lib/client/review-keys';
import { upsertAnnotation } from '@/lib/live/live-cache';

/** The claim's new state in its article's list. */
export function putClaim(client: QueryClient, annotation: AnnotationDto) {
  client.setQueryData<AnnotationDto[]>(annotationKeys.byArticle(annotation.articleId), (list) => (list ? upsertAnnotation(list, annotation) : list));
}

/** One link in (or replaced in) its claim's evidence list. */
export function putEvidence(client: QueryClient, evidence: EvidenceDto) {
  client.setQueryData<EvidenceDto[]>(provenanceKeys.evidence(evidence.annotationId), (list) =>
    list ? (list.some((e) => e.id === evidence.id) ? list.map((e) => (e.id === evidence.id ? evidence : e)) : [...list, evidence]) : list,
  );
}

export function dropEvidence(client: QueryClient, annotationId: string, evidenceId: string) {
  client.setQueryData<EvidenceDto[]>(provenanceKeys.evidence(annotationId), (list) => list?.filter((e) => e.id !== evidenceId));
}

/** A claim's links; only fetched for claims that have some (the list of an unlinked claim is empty). */
export function useEvidence(annotation: Pick<AnnotationDto, 'id' | 'evidenceCount'>, { always = false }: { always?: boolean } = {}) {
  return useQuery({ ...evidenceQuery(annotation.id), enabled: always || annotation.evidenceCount > 0 });
}

export function useProposals(annotationId: string, documentId: string | null) {
  return useQuery({ ...proposalsQuery(annotationId, documentId ?? ''), enabled: documentId !== null });
}

export function useSources() {
  return useQuery(sourcesQuery());
}

/** The claims of another article, where the link panel looks for the claim an article cites (null: none chosen yet). */
export function useClaimsOf(articleId: string | null) {
  return useQuery({ ...annotationsQuery(articleId ?? ''), enabled: articleId !== null });
}

export function useLibraryArticles() {
  return useQuery(libraryArticlesQuery());
}

export function useSourceDocument(documentId: string | null) {
  return useQuery({ ...sourceDocumentQuery(documentId ?? ''), enabled: documentId !== null });
}

export function useCitedBy(documentId: string) {
  return useQuery(citedByQuery(documentId));
}

type ClaimRef = Pick<AnnotationDto, 'id' | 'articleId'>;

/** Saves a link; the claim's chip and list show it once the server has checked the passage. */
export function useCreateEvidence() {
  return useOptimisticMutation({
    mutationFn: ({ claim, input }: { claim: ClaimRef; input: CreateEvidenceInput }) => createEvidence(claim.id, input),
    onSuccess: (client, { evidence, annotation }) => {
      putEvidence(client, evidence);
      putClaim(client, annotation);
    },
    settle: (vars) => [provenanceKeys.evidence(vars.claim.id), provenanceKeys.citedBy(vars.input.documentId), provenanceKeys.sources(), reviewKeys.queues()],
  });
}

/** Changes my link (its relation, note or passage) at the revision I saw; a 409 refetches the link as it is now. */
export function useUpdateEvidence() {
  return useOptimisticMutation({
    mutationFn: ({ evidence, input }: { evidence: EvidenceDto; input: Omit<UpdateEvidenceInput, 'revision'> }) => updateEvidence(evidence.id, { ...input, revision: evidence.revision }),
    onSuccess: (client, { evidence, annotation }) => {
      putEvidence(client, evidence);
      putClaim(client, annotation);
    },
    settle: ({ evidence }) => [provenanceKeys.evidence(evidence.annotationId), provenanceKeys.citedBy(evidence.document.id)],
  });
}

/** Removes my link (the server refuses anyone else's). */
export function useDeleteEvidence() {
  return useOptimisticMutation({
    mutationFn: ({ evidence }: { claim: ClaimRef; evidence: EvidenceDto }) => deleteEvidence(evidence.id),
    snapshot: ({ claim }) => [provenanceKeys.evidence(claim.id)],
    apply: (client, { claim, evidence }) => dropEvidence(client, claim.id, evidence.id),
    errorToast: 'Could not remove the link',
    settle: ({ claim, evidence }) => [annotationKeys.byArticle(claim.articleId), provenanceKeys.citedBy(evidence.document.id), provenanceKeys.sources(), reviewKeys.queues()],
  });
}

/** My verdict on a link (supersedes my previous one); the link's review status comes back with it. */
export function useReviewEvidence() {
  return useOptimisticMutation({
    mutationFn: ({ evidence, input }: { evidence: EvidenceDto; input: EvidenceReviewInput }) => reviewEvidence(evidence.id, input),
    onSuccess: (client, { evidence }) => putEvidence(client, evidence),
    settle: ({ evidence }) => [provenanceKeys.evidence(evidence.annotationId), provenanceKeys.citedBy(evidence.document.id)],
  });
}
