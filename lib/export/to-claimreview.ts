// schema.org ClaimReview JSON-LD for claims a reviewer settled (CONFIRMED or DISPUTED), as fact-check
// aggregators read it. Rating scale: 1 = disputed, 5 = confirmed; alternateName carries the wording.
import type { Brief, BriefClaim, BriefEvidence } from './build-brief';
import { RELATION_LABELS } from '@/lib/provenance/relations';
import { trimBaseUrl } from './jsonld-vocab';
import { evidenceLocation } from './evidence-location';

/** A cited source document (CreativeWork.citation); `text` is the quoted passage, `description` what it says about the claim. */
export type ClaimReviewCitation = {
  '@type': 'CreativeWork';
  name: string;
  identifier?: string;
  publisher?: { '@type': 'Organization'; name: string };
  url?: string;
  datePublished?: string;
  text?: string;
  description: string;
};

export type ClaimReviewJson = {
  '@type': 'ClaimReview';
  '@id': string;
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { '@type': 'Organization'; name: string };
  reviewRating: { '@type': 'Rating'; ratingValue: number; bestRating: number; worstRating: number; alternateName: string };
  itemReviewed: {
    '@type': 'Claim';
    datePublished?: string;
    appearance: { '@type': 'NewsArticle'; headline: string; url?: string; publisher?: { '@type': 'Organization'; name: string }; author?: { '@type': 'Person'; name: string } };
  };
  reviewBody?: string;
  /** The source passages the desk checked the claim against (provenance, #15). */
  citation?: ClaimReviewCitation[];
};

export type ClaimReviewDocument = { '@context': 'https://schema.org'; '@graph': ClaimReviewJson[] };

function isHttpUrl(s: string | null): s is string {
  if (!s) return false;
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

function review(c: BriefClaim, brief: Brief, base: string): ClaimReviewJson {
  const confirmed = c.status === 'CONFIRMED';
  const a = brief.article;
  // The latest review carrying a comment explains the rating best.
  const explanation = [...c.reviews].reverse().find((r) => r.comment && (confirmed ? r.verdict === 'AGREE' : r.verdict === 'DISPUTE'))?.comment;
  const url = `${base}/articles/${encodeURIComponent(a.id)}#claim-${encodeURIComponent(c.id)}`;
  const out: ClaimReviewJson = {
    '@type': 'ClaimReview',
    '@id': url,
    url,
    claimReviewed: c.exact,
    datePublished: brief.preparedAt.toISOString().slice(0, 10),
    author: { '@type': 'Organization', name: brief.desk.name },
    reviewRating: { '@type': 'Rating', ratingValue: confirmed ? 5 : 1, bestRating: 5, worstRating: 1, alternateName: confirmed ? 'Confirmed' : 'Disputed' },
    itemReviewed: {
      '@type': 'Claim',
      appearance: { '@type': 'NewsArticle', headline: a.title },
    },
  };
  if (a.publishedAt) out.itemReviewed.datePublished = a.publishedAt.toISOString().slice(0, 10);
  if (isHttpUrl(a.url)) out.itemReviewed.appearance.url = a.url;
  if (a.outlet) out.itemReviewed.appearance.publisher = { '@type': 'Organization', name: a.outlet };
  if (a.byline) out.itemReviewed.appearance.author = { '@type': 'Person', name: a.byline };
  if (explanation) out.reviewBody = explanation;
  const citations = c.evidence.map(citation);
  if (citations.length > 0) out.citation = citations;
  return out;
}

function citation(e: BriefEvidence): ClaimReviewCitation {
  const d = e.document;
  const out: ClaimReviewCitation = { '@type': 'CreativeWork', name: d.title, description: `${RELATION_LABELS[e.relation]}${placeOf(e)}` };
  if (d.symbol) out.identifier = d.symbol;
  if (d.issuer) out.publisher = { '@type': 'Organization', name: d.issuer };
  if (isHttpUrl(d.url)) out.url = d.url;
  if (d.publishedAt) out.datePublished = d.publishedAt.toISOString().slice(0, 10);
  if (e.passage) out.text = e.passage.exact;
  return out;
}

export function toClaimReview(brief: Brief, baseUrl: string): ClaimReviewDocument {
  const base = trimBaseUrl(baseUrl);
  return {
    '@context': 'https://schema.org',
    '@graph': brief.claims.filter((c) => c.status === 'CONFIRMED' || c.status === 'DISPUTED').map((c) => review(c, brief, base)),
  };
}

function placeOf(e: Parameters<typeof evidenceLocation>[0]): string {
  const where = evidenceLocation(e);
  return where ? ` (${where})` : '';
}
