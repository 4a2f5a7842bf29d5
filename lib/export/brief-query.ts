// Client-safe (type-only imports): the download formats and the query string of brief options,
// used by the export menu in the browser and by the server-side parser.
import type { BriefOptions, ExportFormat } from '@/lib/export';

export const DOWNLOAD_FORMATS = ['md', 'docx', 'html', 'pdf', 'csv', 'jsonld', 'claimreview'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

// Compile-time check that every renderer format is downloadable (and nothing else but pdf is added).
type Missing = Exclude<ExportFormat, DownloadFormat>;
type Extra = Exclude<DownloadFormat, ExportFormat | 'pdf'>;
const _formatsInSync: [Missing, Extra] extends [never, never] ? true : never = true;
void _formatsInSync;

export const FORMAT_LABELS: Record<DownloadFormat, string> = {
  md: 'Markdown (.md)',
  docx: 'Word (.docx)',
  html: 'HTML (.html)',
  pdf: 'PDF (.pdf)',
  csv: 'CSV spreadsheet (.csv)',
  jsonld: 'W3C Web Annotation (.jsonld)',
  claimreview: 'schema.org ClaimReview (.jsonld)',
};

/** The query string for these options (defaults left out). */
export function briefQueryString(format: DownloadFormat | null, options: Partial<BriefOptions>): string {
  const q = new URLSearchParams();
  if (format) q.set('format', format);
  if (options.group === 'tag') q.set('group', 'tag');
  if (options.onlyConfirmed) q.set('only', 'confirmed');
  if (options.includeNotes === false) q.set('notes', '0');
  if (options.includeReplies === false) q.set('replies', '0');
  if (options.includeReviewerNames === false) q.set('reviewers', '0');
  if (options.tags && options.tags.length > 0) q.set('tags', options.tags.join(','));
  if (options.layer && options.layer !== 'auto') q.set('layer', options.layer);
  return q.toString();
}
