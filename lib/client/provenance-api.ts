// Typed fetchers for the provenance endpoints (../shared/API.md, "Sources and evidence"), their query
// keys and the queryOptions shared by hooks. Keys about one claim carry its id as a plain string part,
// so the live hook's "refresh every query naming this annotation" reaches them too.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto, ArticleVersionDto } from '@/lib/articles/article-dto';
import { apiFetch } from '@/lib/client/api-fetch';
import type { EvidenceDto, EvidenceReviewDto } from '@/lib/provenance/evidence-dto';
import type { createEvidenceSchema, evidenceReviewSchema, updateEvidenceSchema } from '@/lib/provenance/evidence-schemas';
import type { PassageProposal } from '@/lib/provenance/propose-passages';

export type { EvidenceDto, EvidenceReviewDto, PassageProposal };

export type CreateEvidenceInput = z.input<typeof createEvidenceSchema>;
export type UpdateEvidenceInput = z.input<typeof updateEvidenceSchema>;
export type EvidenceReviewInput = z.input<typeof evidenceReviewSchema>;

/** A write on a link answers the link and the claim with its new provenance state. */
export type EvidenceWrite = { evidence: EvidenceDto; annotation: AnnotationDto };
export type ProposalList = { proposals: PassageProposal[]; versionId: string };
/** A claim citing a source: its link, the claim and the claim's article. */
export type CitingEvidence = EvidenceDto & { annotation: AnnotationDto; article: { id: string; title: string; outlet: string | null } };
/** A source as the link panel reads it: its summary and the canonical text passages are offsets into. */
export type SourceDocument = { article: ArticleSummaryDto; version: Pick<ArticleVersionDto, 'id' | 'number' | 'text' | 'pages'> };

export const provenanceKeys = {
  all: ['provenance'] as const,
  evidence: (annotationId: string) => [...provenanceKeys.all, 'evidence', annotationId] as const,
  proposals: (annotationId: string, documentId: string) => [...provenanceKeys.all, 'proposals', annotationId, documentId] as const,
  citedBy: (documentId: string) => [...provenanceKeys.all, 'cited-by', documentId] as const,
  sources: () => [...provenanceKeys.all, 'sources'] as const,
  articles: () => [...provenanceKeys.all, 'articles'] as const,
  document: (documentId: string) => [...provenanceKeys.all, 'document', documentId] as const,
};

const enc = encodeURIComponent;

export function fetchEvidence(annotationId: string): Promise<EvidenceDto[]> {
  return apiFetch<{ evidence: EvidenceDto[] }>(`/api/annotations/${enc(annotationId)}/evidence`).then((r) => r.evidence);
}

export function createEvidence(annotationId: string, input: CreateEvidenceInput): Promise<EvidenceWrite> {
  return apiFetch<EvidenceWrite>(`/api/annotations/${enc(annotationId)}/evidence`, { method: 'POST', json: input });
}

export function updateEvidence(evidenceId: string, input: UpdateEvidenceInput): Promise<EvidenceWrite> {
  return apiFetch<EvidenceWrite>(`/api/evidence/${enc(evidenceId)}`, { method: 'PATCH', json: input });
}

export function deleteEvidence(evidenceId: string): Promise<void> {
  return apiFetch<void>(`/api/evidence/${enc(evidenceId)}`, { method: 'DELETE' });
}

export function reviewEvidence(evidenceId: string, input: EvidenceReviewInput): Promise<{ review: EvidenceReviewDto; evidence: EvidenceDto }> {
  return apiFetch(`/api/evidence/${enc(evidenceId)}/reviews`, { method: 'POST', json: input });
}

export function fetchProposals(annotationId: string, documentId: string): Promise<ProposalList> {
  return apiFetch<ProposalList>(`/api/annotations/${enc(annotationId)}/evidence/proposals?documentId=${enc(documentId)}`);
}

export function fetchCitedBy(documentId: string): Promise<CitingEvidence[]> {
  return apiFetch<{ evidence: CitingEvidence[] }>(`/api/articles/${enc(documentId)}/cited-by`).then((r) => r.evidence);
}

export function fetchSources(): Promise<ArticleSummaryDto[]> {
  return apiFetch<{ articles: ArticleSummaryDto[] }>('/api/articles?kind=source').then((r) => r.articles);
}

/** The library's articles (not sources): where a claim cited by another article is looked for. */
export function fetchLibraryArticles(): Promise<ArticleSummaryDto[]> {
  return apiFetch<{ articles: ArticleSummaryDto[] }>('/api/articles?kind=article').then((r) => r.articles);
}

export function fetchSourceDocument(documentId: string): Promise<SourceDocument> {
  return apiFetch<SourceDocument>(`/api/articles/${enc(documentId)}`);
}

export const evidenceQuery = (annotationId: string) => queryOptions({ queryKey: provenanceKeys.evidence(annotationId), queryFn: () => fetchEvidence(annotationId) });
// Proposals depend only on the claim's quote and the source's text: stable for the panel's lifetime.
export const proposalsQuery = (annotationId: string, documentId: string) =>
  queryOptions({ queryKey: provenanceKeys.proposals(annotationId, documentId), queryFn: () => fetchProposals(annotationId, documentId), staleTime: 5 * 60_000 });
export const citedByQuery = (documentId: string) => queryOptions({ queryKey: provenanceKeys.citedBy(documentId), queryFn: () => fetchCitedBy(documentId) });
export const sourcesQuery = () => queryOptions({ queryKey: provenanceKeys.sources(), queryFn: fetchSources, staleTime: 60_000 });
export const libraryArticlesQuery = () => queryOptions({ queryKey: provenanceKeys.articles(), queryFn: fetchLibraryArticles, staleTime: 60_000 });
export const sourceDocumentQuery = (documentId: string) =>
  queryOptions({ queryKey: provenanceKeys.document(documentId), queryFn: () => fetchSourceDocument(documentId), staleTime: 5 * 60_000 });
