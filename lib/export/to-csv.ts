// One row per claim, RFC 4180, UTF-8 BOM so Excel detects the encoding, spreadsheet formulas neutralised.
import type { Brief, BriefClaim } from './build-brief';
import { VERDICT_LABELS } from './format';
import { sourceLabel } from './source-label';
import { evidenceLocation } from './evidence-location';

export const CSV_COLUMNS = [
  'number',
  'quote',
  'tag_key',
  'tag_label',
  'source_detail',
  'confidence',
  'reliability',
  'credibility',
  'grade',
  'status',
  'author',
  'reviews',
  'note',
  'start',
  'end',
  'anchor_state',
  'created',
  // Provenance (#15): appended so existing spreadsheets' column positions stay valid.
  'provenance',
  'first_source_passage',
] as const;

/**
 * A cell a spreadsheet would evaluate (=, +, -, @, or a leading tab/CR that some apps strip first)
 * gets a leading apostrophe so it stays text (OWASP CSV injection guidance).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  // Numbers we generate are never formulas; negative numbers would be, but offsets are never negative.
  const s = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function reviewsCell(c: BriefClaim): string {
  return c.reviews
    .map((r) => {
      let s = `${r.reviewerName ?? 'reviewer'}: ${VERDICT_LABELS[r.verdict]}`;
      if (r.suggestedTag) s += ` (suggests ${r.suggestedTag})`;
      if (r.comment) s += ` — ${r.comment}`;
      return s;
    })
    .join('; ');
}

function row(c: BriefClaim): Array<string | number | null> {
  return [
    c.number,
    c.exact,
    c.tag.key,
    c.tag.label,
    c.sourceDetail,
    c.confidence,
    c.grade.reliability,
    c.grade.credibility,
    c.gradeLabel,
    c.status,
    c.author.name,
    reviewsCell(c) || null,
    c.note,
    c.start,
    c.end,
    c.anchorState,
    c.createdAt.toISOString(),
    c.provenance,
    firstSourcePassage(c),
  ];
}

/** The oldest link with a passage: "“passage” — Source (symbol), ¶42, p. 12 [supports]". */
function firstSourcePassage(c: BriefClaim): string | null {
  const e = c.evidence.find((x) => x.passage);
  if (!e?.passage) return null;
  const where = evidenceLocation(e);
  return `“${e.passage.exact}” — ${sourceLabel(e.document)}${where ? `, ${where}` : ''} [${e.relation}]`;
}

export function toCsv(brief: Brief): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of brief.claims) lines.push(row(c).map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
