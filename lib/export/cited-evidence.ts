import type { BriefCitedEvidenceInput, BriefCitedLinkInput } from './brief-input';
import { PROVENANCE_LABELS, RELATION_LABELS } from '@/lib/provenance/relations';

// The words every brief format uses for the chain claim → cited claim → source, so that Markdown,
// HTML/PDF and DOCX say the same thing about what the cited article's claim rests on.

/** "Its own evidence: Verified"; "…: none linked" when the desk never checked the cited claim. */
export function citedEvidenceHeading(cited: BriefCitedEvidenceInput): string {
  return cited.links.length === 0 ? 'Its own evidence: none linked (Unlinked)' : `Its own evidence: ${PROVENANCE_LABELS[cited.provenance]}`;
}

/** "Supports — S/2025/482 ¶42, p. 3"; a not_found link: "Not found in source — S/2025/482". */
export function citedLinkLabel(link: BriefCitedLinkInput): string {
  return `${RELATION_LABELS[link.relation]} — ${link.reference}`;
}
