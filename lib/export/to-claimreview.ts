// schema.org ClaimReview JSON-LD for claims a reviewer settled (CONFIRMED or DISPUTED), as fact-check
// aggregators read it. Rating scale: 1 = disputed, 5 = confirmed; alternateName carries the wording.
import type { Brief, BriefClaim } from './build-brief';
import { trimBaseUrl } from './jsonld-vocab';

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
  return out;
}

export function toClaimReview(brief: Brief, baseUrl: string): ClaimReviewDocument {
  const base = trimBaseUrl(baseUrl);
  return {
    '@context': 'https://schema.org',
    '@graph': brief.claims.filter((c) => c.status === 'CONFIRMED' || c.status === 'DISPUTED').map((c) => review(c, brief, base)),
  };
}
