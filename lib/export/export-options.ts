// Query string → export format + brief options, shared by the export route and the brief page.
// Strict: an unknown parameter or value is a 400 whose message lists what is accepted, so a typo
// ("notes=yes", "fromat=md") never silently produces a different brief than the one asked for.
import { AppError } from '@/lib/api/app-error';
import { DEFAULT_BRIEF_OPTIONS, type BriefOptions } from '@/lib/export/brief-input';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '@/lib/export/brief-query';

export const OPTION_HELP = {
  group: 'tag|document',
  only: 'confirmed|all',
  notes: '0|1',
  replies: '0|1',
  reviewers: '0|1',
  tags: 'comma-separated tag keys',
  layer: 'all|curated',
} as const;

type OptionName = keyof typeof OPTION_HELP;
const OPTION_NAMES = Object.keys(OPTION_HELP) as OptionName[];

export type QueryLike = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(query: QueryLike): Array<[string, string]> {
  if (query instanceof URLSearchParams) return [...query.entries()];
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) out.push([k, one]);
  }
  return out;
}

function optionsList(withFormat: boolean): string {
  const opts = OPTION_NAMES.map((n) => `${n}=${OPTION_HELP[n]}`);
  return (withFormat ? [`format=${DOWNLOAD_FORMATS.join('|')}`, ...opts] : opts).join(', ');
}

function invalid(message: string, withFormat: boolean, details: unknown): AppError {
  return new AppError('validation_failed', `${message} Valid options: ${optionsList(withFormat)}.`, details);
}

function flag(name: OptionName, value: string, withFormat: boolean): boolean {
  if (value === '1') return true;
  if (value === '0') return false;
  throw invalid(`"${name}" must be 0 or 1, got "${value}".`, withFormat, [{ path: name, message: 'must be 0 or 1' }]);
}

/** Parses brief options (and `format` when `withFormat`); `knownTags` checks the `tags` filter. */
export function parseBriefQuery(
  query: QueryLike,
  { withFormat, knownTags }: { withFormat: boolean; knownTags?: readonly string[] },
): { format: DownloadFormat | null; options: BriefOptions } {
  const options: BriefOptions = { ...DEFAULT_BRIEF_OPTIONS };
  let format: DownloadFormat | null = null;
  const tags: string[] = [];
  const seen = new Set<string>();

  for (const [name, raw] of entries(query)) {
    const value = raw.trim();
    if (name !== 'tags' && seen.has(name)) {
      throw invalid(`"${name}" is given more than once.`, withFormat, [{ path: name, message: 'given more than once' }]);
    }
    seen.add(name);
    switch (name) {
      case 'format':
        if (!withFormat) break; // the brief page is always HTML; a copied export URL still opens
        if (!(DOWNLOAD_FORMATS as readonly string[]).includes(value)) {
          throw new AppError(
            'validation_failed',
            `Unknown export format "${value}". Valid formats: ${DOWNLOAD_FORMATS.join(', ')}.`,
            [{ path: 'format', message: `must be one of ${DOWNLOAD_FORMATS.join(', ')}` }],
          );
        }
        format = value as DownloadFormat;
        break;
      case 'group':
        if (value !== 'tag' && value !== 'document') {
          throw invalid(`"group" must be "tag" or "document", got "${value}".`, withFormat, [{ path: 'group', message: 'must be tag or document' }]);
        }
        options.group = value;
        break;
      case 'only':
        if (value !== 'confirmed' && value !== 'all') {
          throw invalid(`"only" must be "confirmed" or "all", got "${value}".`, withFormat, [{ path: 'only', message: 'must be confirmed or all' }]);
        }
        options.onlyConfirmed = value === 'confirmed';
        break;
      case 'notes':
        options.includeNotes = flag(name, value, withFormat);
        break;
      case 'replies':
        options.includeReplies = flag(name, value, withFormat);
        break;
      case 'reviewers':
        options.includeReviewerNames = flag(name, value, withFormat);
        break;
      case 'layer':
        if (value !== 'all' && value !== 'curated') {
          throw invalid(`"layer" must be "all" or "curated", got "${value}".`, withFormat, [{ path: 'layer', message: 'must be all or curated' }]);
        }
        options.layer = value;
        break;
      case 'tags':
        tags.push(...value.split(',').map((t) => t.trim()).filter(Boolean));
        break;
      default:
        throw invalid(`Unknown option "${name}".`, withFormat, [{ path: name, message: 'unknown option' }]);
    }
  }

  if (withFormat && format === null) {
    throw new AppError('validation_failed', `"format" is required. Valid formats: ${DOWNLOAD_FORMATS.join(', ')}.`, [
      { path: 'format', message: `must be one of ${DOWNLOAD_FORMATS.join(', ')}` },
    ]);
  }
  if (tags.length > 0) {
    if (knownTags) {
      const unknown = tags.filter((t) => !knownTags.includes(t));
      if (unknown.length > 0) {
        throw new AppError('validation_failed', `Unknown tag ${unknown.map((t) => `"${t}"`).join(', ')}. Valid tags: ${knownTags.join(', ')}.`, [
          { path: 'tags', message: `must be among ${knownTags.join(', ')}` },
        ]);
      }
    }
    options.tags = [...new Set(tags)];
  }
  return { format, options };
}
