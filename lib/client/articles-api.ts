// Typed fetchers for importing articles and versions (../shared/API.md). Each takes a JSON body
// (pasted text) or a multipart upload (a file plus the same fields as form values).
import type { z } from 'zod';
import type { articleContentSchema, createArticleSchema, patchArticleDetailsSchema } from '@/lib/articles/article-schemas';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import { apiFetch } from '@/lib/client/api-fetch';
import type { ImportPreviewDto } from '@/lib/documents/import-preview';

export type CreateArticleInput = z.input<typeof createArticleSchema>;
export type NewVersionInput = z.input<typeof articleContentSchema>;
export type ArticleDetailsInput = z.input<typeof patchArticleDetailsSchema>;

export type CreatedArticle = { article: Pick<ArticleSummaryDto, 'id' | 'title'>; version: { id: string; number: number; format: string | null; pageCount: number | null } };
/** A new version: how many annotations were re-anchored onto it and how many were orphaned. */
export type CreatedVersion = { version: { number: number }; reanchored: number; orphaned: number };

const send = (body: object | FormData) => (body instanceof FormData ? { method: 'POST', body } : { method: 'POST', json: body });

export function createArticle(body: CreateArticleInput | FormData): Promise<CreatedArticle> {
  return apiFetch<CreatedArticle>('/api/articles', send(body));
}

export function addArticleVersion(articleId: string, body: NewVersionInput | FormData): Promise<CreatedVersion> {
  return apiFetch<CreatedVersion>(`/api/articles/${encodeURIComponent(articleId)}/versions`, send(body));
}

/** What importing this file would create (format, metadata to prefill the form), storing nothing. */
export function previewImport(body: FormData): Promise<ImportPreviewDto> {
  return apiFetch<{ preview: ImportPreviewDto }>('/api/articles/preview', { method: 'POST', body }).then((r) => r.preview);
}

/** Corrects a document's details (title, date, URL, source or not, issuing body, symbol); its text stays. */
export function updateArticleDetails(articleId: string, input: ArticleDetailsInput): Promise<ArticleSummaryDto> {
  return apiFetch<{ article: ArticleSummaryDto }>(`/api/articles/${encodeURIComponent(articleId)}/details`, { method: 'PATCH', json: input }).then((r) => r.article);
}
