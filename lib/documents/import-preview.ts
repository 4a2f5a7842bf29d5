import type { ArticleFields } from '@/lib/articles/resolve-article-fields';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';
import type { PageMap } from '@/lib/documents/page-map';

/** The answer of POST /api/articles/preview: what the import form prefills and shows before saving. */
export type ImportPreviewDto = {
  format: 'text' | 'markdown' | 'html' | 'pdf';
  webPage: boolean;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  characters: number;
  blocks: number;
  pageCount: number | null;
  pagesWithoutText: number[];
  /** The first lines of the canonical text, to check the importer kept the right part. */
  excerpt: string;
};

export function toImportPreview(
  imported: { format: ImportPreviewDto['format']; webPage: boolean; doc: TiptapDoc; text: string; pages: PageMap | null; pageCount: number | null; pagesWithoutText: number[] },
  fields: ArticleFields,
): ImportPreviewDto {
  return {
    format: imported.format,
    webPage: imported.webPage,
    title: fields.title,
    outlet: fields.outlet,
    byline: fields.byline,
    publishedAt: fields.publishedAt?.toISOString() ?? null,
    url: fields.url,
    characters: imported.text.length,
    blocks: imported.text === '' ? 0 : imported.text.split('\n').length,
    pageCount: imported.pageCount,
    pagesWithoutText: imported.pagesWithoutText,
    excerpt: imported.text.slice(0, 600),
  };
}
