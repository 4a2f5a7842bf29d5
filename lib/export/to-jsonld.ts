// W3C Web Annotation Data Model export: one AnnotationCollection with a single embedded AnnotationPage.
// Everything Claimdesk stores that the model has no term for goes into claimdesk:* extension properties.
import { codePointIndex, type CodePointIndex } from '@/lib/anchoring';
import type { AnchorState, AnnotationStatus, Confidence, Credibility, Reliability, Verdict } from './brief-input';
import type { Brief, BriefClaim, BriefEvidence } from './build-brief';
import type { EvidenceRelation } from '@/lib/provenance/relations';
import { CONFIDENCE_LABELS, STATUS_LABELS, VERDICT_LABELS } from './format';
import { RELATION_LABELS } from '@/lib/provenance/relations';
import { ANNO_CONTEXT, CD, CLAIMDESK_PREFIX, claimdeskNamespace, trimBaseUrl } from './jsonld-vocab';

export type JsonLdContext = [typeof ANNO_CONTEXT, { [CLAIMDESK_PREFIX]: string }];

export type JsonLdAgent = { id?: string; type: 'Person' | 'Software'; name: string };

export type JsonLdTextualBody = {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting' | 'describing' | 'assessing' | 'replying';
  value: string;
  format: 'text/plain';
  creator?: JsonLdAgent;
  created?: string;
  [CD.tagLabel]?: string;
  [CD.verdict]?: string;
  [CD.suggestedTag]?: string;
  [CD.role]?: string;
};

export type JsonLdTextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
/** Offsets in Unicode code points of the version's canonical text, as the Web Annotation model counts them. */
export type JsonLdTextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };

export type JsonLdAnnotation = {
  '@context'?: JsonLdContext;
  id: string;
  type: 'Annotation';
  motivation: string | string[];
  created: string;
  modified: string;
  creator: JsonLdAgent;
  body: JsonLdTextualBody[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: Array<JsonLdTextQuoteSelector | JsonLdTextPositionSelector>;
  };
  [CD.number]: number;
  [CD.status]: AnnotationStatus;
  [CD.anchorState]: AnchorState;
  [CD.sourceDetail]?: string;
  [CD.confidence]?: Confidence;
  [CD.grade]?: { [CD.reliability]?: Reliability; [CD.credibility]?: Credibility };
};

/** The source passage an evidence link points at: a Specific Resource of the source document. */
export type JsonLdPassageBody = {
  type: 'SpecificResource';
  source: string;
  /** Absent for not_found (the source was searched, no passage). */
  selector?: Array<JsonLdTextQuoteSelector | JsonLdTextPositionSelector>;
  [CD.documentId]: string;
  [CD.documentTitle]: string;
  [CD.documentSymbol]?: string;
  [CD.documentIssuer]?: string;
  [CD.documentUrl]?: string;
  /** When the evidence is a claim annotated in another article. */
  [CD.targetAnnotation]?: string;
};

/** An evidence link (lib/provenance) as a W3C linking annotation: the claim is its target, the source passage its body. */
export type JsonLdLinkingAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  created: string;
  creator: JsonLdAgent;
  body: Array<JsonLdPassageBody | JsonLdTextualBody>;
  target: string;
  [CD.relation]: EvidenceRelation;
};

export type JsonLdAnnotationPage = {
  id: string;
  type: 'AnnotationPage';
  startIndex: number;
  items: Array<JsonLdAnnotation | JsonLdLinkingAnnotation>;
};

export type JsonLdAnnotationCollection = {
  '@context': JsonLdContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: JsonLdAgent;
  generated: string;
  first: JsonLdAnnotationPage;
};

function isAbsoluteHttpUrl(s: string | null): s is string {
  if (!s) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const seg = encodeURIComponent;

function annotation(c: BriefClaim, base: string, source: string, positions: CodePointIndex): JsonLdAnnotation {
  const body: JsonLdTextualBody[] = [
    { type: 'TextualBody', purpose: 'tagging', value: c.tag.key, format: 'text/plain', [CD.tagLabel]: c.tag.label },
  ];
  if (c.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' });
  if (c.sourceDetail) {
    body.push({ type: 'TextualBody', purpose: 'describing', value: c.sourceDetail, format: 'text/plain', [CD.role]: 'sourceDetail' });
  }
  // A human-readable summary of the assessment, for consumers that ignore the extension properties.
  const assessment = [`Status: ${STATUS_LABELS[c.status]}`];
  if (c.gradeLabel) assessment.push(`grade ${c.gradeLabel}`);
  if (c.confidence) assessment.push(`confidence ${CONFIDENCE_LABELS[c.confidence].toLowerCase()}`);
  body.push({ type: 'TextualBody', purpose: 'assessing', value: assessment.join('; '), format: 'text/plain', [CD.role]: 'assessment' });
  for (const r of c.reviews) {
    const b = reviewBody(r);
    if (r.suggestedTag) b[CD.suggestedTag] = r.suggestedTag;
    body.push(b);
  }
  for (const r of c.replies) {
    body.push({
      type: 'TextualBody',
      purpose: 'replying',
      value: r.body,
      format: 'text/plain',
      creator: { type: 'Person', name: r.authorName },
      created: r.createdAt.toISOString(),
    });
  }

  const motivation = ['tagging'];
  if (c.note) motivation.push('commenting');
  if (c.status !== 'UNREVIEWED' || c.reviews.length > 0) motivation.push('assessing');

  const selector: JsonLdAnnotation['target']['selector'] = [{ type: 'TextQuoteSelector', exact: c.exact, prefix: c.prefix, suffix: c.suffix }];
  // Orphaned claims keep their last offsets, which may no longer point into the text.
  if (!c.orphaned && Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end >= c.start) {
    // Claimdesk stores UTF-16 offsets (JavaScript string indices); the W3C model counts code points.
    selector.push({ type: 'TextPositionSelector', start: positions.toCodePoint(c.start), end: positions.toCodePoint(c.end) });
  }

  const out: JsonLdAnnotation = {
    id: `${base}/annotations/${seg(c.id)}`,
    type: 'Annotation',
    motivation: motivation.length === 1 ? motivation[0] : motivation,
    created: c.createdAt.toISOString(),
    modified: c.updatedAt.toISOString(),
    creator: { id: `${base}/users/${seg(c.author.id)}`, type: 'Person', name: c.author.name },
    body,
    target: { type: 'SpecificResource', source, selector },
    [CD.number]: c.number,
    [CD.status]: c.status,
    [CD.anchorState]: c.anchorState,
  };
  if (c.sourceDetail) out[CD.sourceDetail] = c.sourceDetail;
  if (c.confidence) out[CD.confidence] = c.confidence;
  if (c.grade.reliability !== null || c.grade.credibility !== null) {
    const g: NonNullable<JsonLdAnnotation[typeof CD.grade]> = {};
    if (c.grade.reliability !== null) g[CD.reliability] = c.grade.reliability;
    if (c.grade.credibility !== null) g[CD.credibility] = c.grade.credibility;
    out[CD.grade] = g;
  }
  return out;
}

function linking(e: BriefEvidence, claimIri: string, base: string): JsonLdLinkingAnnotation {
  const d = e.document;
  const passage: JsonLdPassageBody = { type: 'SpecificResource', source: isAbsoluteHttpUrl(d.url) ? new URL(d.url).href : `${base}/articles/${seg(d.id)}`, [CD.documentId]: d.id, [CD.documentTitle]: d.title };
  if (e.passage) {
    passage.selector = [
      { type: 'TextQuoteSelector', exact: e.passage.exact, prefix: e.passage.prefix, suffix: e.passage.suffix },
      { type: 'TextPositionSelector', start: e.passage.codePointStart, end: e.passage.codePointEnd },
    ];
  }
  if (d.symbol) passage[CD.documentSymbol] = d.symbol;
  if (d.issuer) passage[CD.documentIssuer] = d.issuer;
  if (d.url) passage[CD.documentUrl] = d.url;
  if (e.targetAnnotationId) passage[CD.targetAnnotation] = `${base}/annotations/${seg(e.targetAnnotationId)}`;
  const body: JsonLdLinkingAnnotation['body'] = [
    passage,
    { type: 'TextualBody', purpose: 'describing', value: RELATION_LABELS[e.relation], format: 'text/plain', [CD.role]: 'relation' },
  ];
  if (e.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: e.note, format: 'text/plain' });
  for (const r of e.reviews) body.push(reviewBody(r));
  return {
    id: `${base}/evidence/${seg(e.id)}`,
    type: 'Annotation',
    motivation: 'linking',
    created: e.createdAt.toISOString(),
    creator: { type: 'Person', name: e.authorName },
    body,
    target: claimIri,
    [CD.relation]: e.relation,
  };
}

export function toJsonLd(brief: Brief, baseUrl: string): JsonLdAnnotationCollection {
  const base = trimBaseUrl(baseUrl);
  const articleId = seg(brief.article.id);
  const source = isAbsoluteHttpUrl(brief.article.url) ? new URL(brief.article.url).href : `${base}/articles/${articleId}`;
  const collectionId = `${base}/articles/${articleId}/versions/${seg(brief.version.id)}/annotations`;
  const positions = codePointIndex(brief.text);
  const claims = brief.claims.map((c) => annotation(c, base, source, positions));
  // Each claim's evidence links follow the claims, so an importer has every claim before a link to it.
  const links = brief.claims.flatMap((c, i) => c.evidence.map((e) => linking(e, claims[i]!.id, base)));
  const items = [...claims, ...links];
  return {
    '@context': [ANNO_CONTEXT, { [CLAIMDESK_PREFIX]: claimdeskNamespace(base) }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Claimdesk annotations: ${brief.article.title || 'Untitled article'}`,
    total: items.length,
    generator: { id: base, type: 'Software', name: `Claimdesk (${brief.desk.name})` },
    generated: brief.preparedAt.toISOString(),
    first: {
      id: `${collectionId}?page=1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}

export function toJsonLdString(brief: Brief, baseUrl: string): string {
  return `${JSON.stringify(toJsonLd(brief, baseUrl), null, 2)}\n`;
}

/** A claim's annotation, as opposed to an evidence link's (motivation "linking"). */
export function isClaimAnnotation(item: JsonLdAnnotation | JsonLdLinkingAnnotation): item is JsonLdAnnotation {
  return item.motivation !== 'linking';
}

/** A verdict on a claim or on one of its evidence links, as an assessing body. */
function reviewBody(r: { verdict: Verdict; comment: string | null; createdAt: Date; reviewerName: string | null }): JsonLdTextualBody {
  const b: JsonLdTextualBody = {
    type: 'TextualBody',
    purpose: 'assessing',
    value: r.comment ? `${VERDICT_LABELS[r.verdict]}: ${r.comment}` : VERDICT_LABELS[r.verdict],
    format: 'text/plain',
    created: r.createdAt.toISOString(),
    [CD.role]: 'review',
    [CD.verdict]: r.verdict,
  };
  if (r.reviewerName) b.creator = { type: 'Person', name: r.reviewerName };
  return b;
}
