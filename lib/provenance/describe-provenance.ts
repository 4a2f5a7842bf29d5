// How a claim's provenance reads in the sidebar chip: "Supported by S/2025/482 ¶42, p. 3". The state
// comes from the server (derive-provenance.ts); the words name the link that decided it, so the chip
// says which passage a reader should open first.
import { CONTEXT_LENGTH } from '@/lib/anchoring/selectors';
import type { EvidenceRelation, ProvenanceState } from '@/lib/provenance/relations';
import { PROVENANCE_LABELS } from '@/lib/provenance/relations';

type Link = {
  relation: EvidenceRelation;
  document: { title: string; symbol: string | null };
  target: { exact: string; prefix: string } | null;
  page: string | null;
  /** The server's reading from the whole text (EvidenceDto); absent, the passage's prefix is read. */
  paragraph?: number | null;
};

/** The relation that makes each state (the order derive-provenance applies). */
const DECIDING_RELATION: Record<Exclude<ProvenanceState, 'unlinked'>, EvidenceRelation> = {
  contradicted: 'contradicts',
  misquoted: 'misquoted',
  verified: 'supports',
  partial: 'partial',
  not_found: 'not_found',
};

const STATE_PHRASE: Record<Exclude<ProvenanceState, 'unlinked'>, string> = {
  verified: 'Supported by',
  partial: 'Partly supported by',
  contradicted: 'Contradicted by',
  misquoted: 'Misquoted from',
  not_found: 'Not found in',
};

/** The link whose relation gave the claim its state (the first such, in the list's order). */
export function decidingLink<L extends Pick<Link, 'relation'>>(state: ProvenanceState, links: readonly L[]): L | null {
  if (state === 'unlinked') return null;
  return links.find((l) => l.relation === DECIDING_RELATION[state]) ?? null;
}

/**
 * The paragraph number of a passage in a numbered report ("42. The Monitoring Team…") as far as its
 * context shows it: the number opening its line when the prefix reaches the line's start. The server
 * reads it from the whole text instead (paragraph-number.ts); this serves links that have only a context.
 */
export function paragraphNumber(target: { exact: string; prefix: string }): number | null {
  const nl = target.prefix.lastIndexOf('\n');
  // A full-length prefix without a line break starts mid-paragraph ("…in 2025. The"): no number to read there.
  if (nl === -1 && target.prefix.length >= CONTEXT_LENGTH) return null;
  const lineStart = `${target.prefix.slice(nl + 1)}${target.exact}`;
  const match = /^\s*(\d{1,4})\.\s/.exec(lineStart);
  return match ? Number(match[1]) : null;
}

/** "S/2025/482 ¶42, p. 3": the document by its symbol (else its title), then where in it. */
export function describeReference(link: Link): string {
  const paragraph = link.paragraph !== undefined ? link.paragraph : link.target ? paragraphNumber(link.target) : null;
  return [link.document.symbol ?? link.document.title, paragraph !== null ? ` ¶${paragraph}` : '', link.page ? `, ${link.page}` : ''].join('');
}

/** The chip's text: the state with the deciding document, or the state alone while links are not loaded. */
export function describeProvenance(state: ProvenanceState, links: readonly Link[] | undefined): string {
  if (state === 'unlinked') return PROVENANCE_LABELS.unlinked;
  const link = links ? decidingLink(state, links) : null;
  return link ? `${STATE_PHRASE[state]} ${describeReference(link)}` : PROVENANCE_LABELS[state];
}
