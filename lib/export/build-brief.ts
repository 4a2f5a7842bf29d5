// Normalises BriefInput + options into the one model every export format renders from.
import type { TiptapDoc, TiptapNode } from '@/lib/articles/tiptap-doc';
import { pageLabel } from '@/lib/documents/page-map';
import { briefDocument, CLAIM_MARKER, insertClaimMarkers, markerNumbers } from './article-with-markers';
import {
  ANNOTATION_STATUSES,
  type AnchorState,
  type AnnotationStatus,
  type BriefAnnotationInput,
  type BriefInput,
  type BriefOptions,
  type Confidence,
  type Grade,
  type Person,
  type Verdict,
  type PreviousCheckInput,
  type BriefEvidenceInput,
  type BriefCitedEvidenceInput,
  type BriefPassageInput,
} from './brief-input';
import { gradeLabel, STATUS_LABELS } from './format';
import { FALLBACK_TAG_COLOR, tagColor } from '@/lib/tags/tag-color';
import { describeCheck } from '@/lib/matching/describe-check';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import { PROVENANCE_STATES, type EvidenceRelation, type ProvenanceState } from '@/lib/provenance/relations';

export { FALLBACK_TAG_COLOR };

export type BriefTag = {
  key: string;
  label: string;
  /** Always "#rrggbb" lowercase: tag colours are user data and end up in CSS and DOCX attributes. */
  color: string;
  description: string | null;
  /** False when an annotation uses a key missing from the desk's tag list. */
  known: boolean;
};

export type BriefReview = {
  /** Null when the export hides reviewer names. */
  reviewerName: string | null;
  verdict: Verdict;
  comment: string | null;
  suggestedTag: string | null;
  createdAt: Date;
};

export type BriefReply = { authorName: string; body: string; createdAt: Date };

export type BriefEvidenceDocument = BriefEvidenceInput['document'];

export type BriefEvidenceReview = { reviewerName: string | null; verdict: Verdict; comment: string | null; createdAt: Date };

export type BriefEvidence = {
  id: string;
  relation: EvidenceRelation;
  document: BriefEvidenceDocument;
  passage: BriefPassageInput | null;
  page: string | null;
  paragraph: number | null;
  targetAnnotationId: string | null;
  targetStatus: AnnotationStatus | null;
  /** The cited claim's own evidence (claim → cited claim → source); null for a source passage. */
  cited: BriefCitedEvidenceInput | null;
  anchorState: AnchorState | null;
  /** Null when notes are excluded. */
  note: string | null;
  authorName: string;
  createdAt: Date;
  /** Reviewers' current verdicts on the link itself; names null when the export hides them. */
  reviews: BriefEvidenceReview[];
};

/** A document cited by the brief's claims, with the numbers of the claims citing it. */
export type BriefSource = { document: BriefEvidenceDocument; claims: number[] };

export type BriefClaim = {
  number: number;
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tag: BriefTag;
  sourceDetail: string | null;
  /** Null when notes are excluded. */
  note: string | null;
  confidence: Confidence | null;
  grade: Grade;
  gradeLabel: string | null;
  /** "p. 12" / "pp. 12–13" when the article is a paginated source (PDF); null otherwise. */
  page: string | null;
  status: AnnotationStatus;
  anchorState: AnchorState;
  orphaned: boolean;
  author: Person;
  createdAt: Date;
  updatedAt: Date;
  reviews: BriefReview[];
  /** Empty when replies are excluded. */
  replies: BriefReply[];
  /** "Confirmed in The Capital Ledger, 15 Jul 2025" when the claim was checked before in another article. */
  previouslyChecked: string | null;
  /** What the claim's evidence links add up to (lib/provenance/derive-provenance). */
  provenance: ProvenanceState;
  evidence: BriefEvidence[];
};

export type BriefTextPart = { kind: 'text'; text: string } | { kind: 'marker'; numbers: number[] };

export type BriefBlock = {
  index: number;
  type: 'headline' | 'heading' | 'paragraph';
  level: number | null;
  start: number;
  end: number;
  parts: BriefTextPart[];
};

export type BriefSection = { tag: BriefTag | null; claims: BriefClaim[] };

export type Brief = {
  desk: { name: string };
  preparedBy: { name: string };
  preparedAt: Date;
  article: BriefInput['article'];
  version: { id: string; number: number };
  options: BriefOptions;
  tags: BriefTag[];
  /** Every exported claim in number order (anchored first, orphaned after). */
  claims: BriefClaim[];
  /** Anchored claims as listed: one untitled section (document order) or one per tag. */
  sections: BriefSection[];
  orphaned: BriefClaim[];
  /** Every document the listed claims cite, in order of first citation. */
  sources: BriefSource[];
  summary: {
    total: number;
    anchored: number;
    orphaned: number;
    byTag: Array<{ tag: BriefTag; count: number }>;
    byStatus: Array<{ status: AnnotationStatus; count: number }>;
    byProvenance: Array<{ provenance: ProvenanceState; count: number }>;
    maxTagCount: number;
  };
  analysts: Array<{ id: string; name: string; claims: number }>;
  /** Empty when reviewer names are hidden. */
  reviewers: Array<{ id: string; name: string; reviews: number }>;
  text: string;
  /** The stored TipTap document with a claimMarker node where each listed claim ends. */
  articleDoc: TiptapDoc;
  /** The same, flattened: each textblock's text and markers. */
  blocks: BriefBlock[];
};

const COLOR_RE = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function normaliseColor(color: string): string {
  const m = COLOR_RE.exec(color.trim());
  if (!m) return FALLBACK_TAG_COLOR;
  const hex = m[1].toLowerCase();
  return tagColor(hex.length === 3 ? `#${hex[0]}${hex[0]}${hex[1]}${hex[1]}${hex[2]}${hex[2]}` : `#${hex}`);
}

function isOrphaned(a: BriefAnnotationInput, textLength: number): boolean {
  return (
    a.anchorState === 'orphaned' ||
    !Number.isInteger(a.start) ||
    !Number.isInteger(a.end) ||
    a.start < 0 ||
    a.end < a.start ||
    a.end > textLength
  );
}

function byDocumentOrder(a: BriefAnnotationInput, b: BriefAnnotationInput): number {
  return a.start - b.start || a.end - b.end || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The article's textblocks in order with their markers, read off the marker-carrying document
 * (a flat view for formats without structure, and for checking where markers landed).
 */
function flattenBlocks(doc: TiptapDoc): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  let offset = 0;
  const visit = (node: TiptapNode) => {
    const children = node.content ?? [];
    const inlineOnly = children.every((c) => c.type === 'text' || c.type === 'hardBreak' || c.type === CLAIM_MARKER);
    if (node.type !== 'doc' && inlineOnly && (children.length > 0 || node.type === 'paragraph' || node.type === 'heading')) {
      const parts: BriefTextPart[] = [];
      let length = 0;
      for (const c of children) {
        if (c.type === CLAIM_MARKER) {
          parts.push({ kind: 'marker', numbers: markerNumbers(c.attrs?.numbers) });
          continue;
        }
        const text = c.type === 'text' ? (c.text ?? '') : ' ';
        length += text.length;
        const last = parts[parts.length - 1];
        if (last && last.kind === 'text') last.text += text;
        else parts.push({ kind: 'text', text });
      }
      const index = blocks.length;
      const level = node.type === 'heading' && typeof node.attrs?.level === 'number' ? node.attrs.level : null;
      blocks.push({ index, type: index === 0 ? 'headline' : node.type === 'heading' ? 'heading' : 'paragraph', level, start: offset, end: offset + length, parts });
      offset += length + 1;
      return;
    }
    for (const child of children) visit(child);
  };
  visit(doc);
  return blocks;
}

function articleWithMarkers(input: BriefInput, anchored: BriefClaim[]): TiptapDoc {
  const placements = new Map<number, number[]>();
  for (const c of anchored) placements.set(c.end, [...(placements.get(c.end) ?? []), c.number]);
  return insertClaimMarkers(briefDocument(input.version.doc, input.version.text), placements);
}

export function buildBrief(input: BriefInput, options: BriefOptions): Brief {
  const textLength = input.version.text.length;

  const tags: BriefTag[] = [];
  const tagByKey = new Map<string, BriefTag>();
  for (const t of input.tags) {
    if (tagByKey.has(t.key)) continue;
    const tag: BriefTag = { key: t.key, label: t.label, color: normaliseColor(t.color), description: t.description ?? null, known: true };
    tags.push(tag);
    tagByKey.set(t.key, tag);
  }
  const tagFor = (key: string): BriefTag => {
    let tag = tagByKey.get(key);
    if (!tag) {
      tag = { key, label: key, color: FALLBACK_TAG_COLOR, description: null, known: false };
      tags.push(tag);
      tagByKey.set(key, tag);
    }
    return tag;
  };

  // An empty tag list means "no filter", like null: a blank query parameter should not empty the brief.
  const tagFilter = options.tags && options.tags.length > 0 ? new Set(options.tags) : null;
  const kept = input.annotations.filter(
    (a) => (!options.onlyConfirmed || a.status === 'CONFIRMED') && (!tagFilter || tagFilter.has(a.tag)),
  );
  const anchoredInput = kept.filter((a) => !isOrphaned(a, textLength)).sort(byDocumentOrder);
  const orphanedInput = kept.filter((a) => isOrphaned(a, textLength)).sort(byDocumentOrder);

  const toClaim = (a: BriefAnnotationInput, orphaned: boolean): BriefClaim => ({
    number: 0,
    id: a.id,
    start: a.start,
    end: a.end,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    tag: tagFor(a.tag),
    sourceDetail: a.sourceDetail,
    note: options.includeNotes ? a.note : null,
    previouslyChecked: previousCheck(input.previousChecks?.get(a.id)),
    confidence: a.confidence,
    grade: { reliability: a.grade.reliability, credibility: a.grade.credibility },
    gradeLabel: gradeLabel(a.grade),
    page: !orphaned && input.version.pages ? pageLabel(input.version.pages, a.start, a.end) : null,
    status: a.status,
    anchorState: orphaned ? 'orphaned' : a.anchorState,
    orphaned,
    author: { id: a.author.id, name: a.author.name },
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    reviews: [...a.reviews]
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
      .map((r) => ({
        reviewerName: options.includeReviewerNames ? r.reviewer.name : null,
        verdict: r.verdict,
        comment: r.comment,
        suggestedTag: r.suggestedTag,
        createdAt: r.createdAt,
      })),
    provenance: deriveProvenance((a.evidence ?? []).map((e) => e.relation)),
    evidence: [...(a.evidence ?? [])]
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((e) => toEvidence(e, options)),
    replies: options.includeReplies
      ? [...a.replies]
          .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
          .map((r) => ({ authorName: r.author.name, body: r.body, createdAt: r.createdAt }))
      : [],
  });

  const anchoredClaims = anchoredInput.map((a) => toClaim(a, false));
  const orphaned = orphanedInput.map((a) => toClaim(a, true));

  let sections: BriefSection[];
  if (options.group === 'tag') {
    const byTag = new Map<string, BriefClaim[]>();
    for (const c of anchoredClaims) {
      const list = byTag.get(c.tag.key);
      if (list) list.push(c);
      else byTag.set(c.tag.key, [c]);
    }
    sections = tags.filter((t) => byTag.has(t.key)).map((t) => ({ tag: t, claims: byTag.get(t.key) ?? [] }));
  } else {
    sections = anchoredClaims.length > 0 ? [{ tag: null, claims: anchoredClaims }] : [];
  }

  let n = 0;
  for (const s of sections) for (const c of s.claims) c.number = ++n;
  for (const c of orphaned) c.number = ++n;
  const listed = sections.flatMap((s) => s.claims);
  const articleDoc = articleWithMarkers(input, listed);
  const claims = [...listed, ...orphaned];

  const sources = new Map<string, BriefSource>();
  for (const c of claims) {
    for (const e of c.evidence) {
      const source = sources.get(e.document.id) ?? { document: e.document, claims: [] };
      if (!source.claims.includes(c.number)) source.claims.push(c.number);
      sources.set(e.document.id, source);
    }
  }

  const tagCounts = new Map<string, number>();
  const provenanceCounts = new Map<ProvenanceState, number>();
  const statusCounts = new Map<AnnotationStatus, number>();
  const analysts = new Map<string, { id: string; name: string; claims: number }>();
  const reviewers = new Map<string, { id: string; name: string; reviews: number }>();
  for (const c of claims) {
    tagCounts.set(c.tag.key, (tagCounts.get(c.tag.key) ?? 0) + 1);
    statusCounts.set(c.status, (statusCounts.get(c.status) ?? 0) + 1);
    provenanceCounts.set(c.provenance, (provenanceCounts.get(c.provenance) ?? 0) + 1);
    const an = analysts.get(c.author.id) ?? { id: c.author.id, name: c.author.name, claims: 0 };
    an.claims++;
    analysts.set(c.author.id, an);
  }
  if (options.includeReviewerNames) {
    for (const a of [...anchoredInput, ...orphanedInput]) {
      for (const r of a.reviews) {
        const rv = reviewers.get(r.reviewer.id) ?? { id: r.reviewer.id, name: r.reviewer.name, reviews: 0 };
        rv.reviews++;
        reviewers.set(r.reviewer.id, rv);
      }
    }
  }
  const byTag = tags.map((tag) => ({ tag, count: tagCounts.get(tag.key) ?? 0 }));
  const byName = <T extends { name: string }>(key: (x: T) => number) => (x: T, y: T) => key(y) - key(x) || x.name.localeCompare(y.name);

  return {
    desk: { name: input.desk.name },
    preparedBy: { name: input.preparedBy.name },
    preparedAt: input.preparedAt,
    article: { ...input.article },
    version: { id: input.version.id, number: input.version.number },
    options: { ...options, tags: options.tags ? [...options.tags] : null },
    tags,
    claims,
    sections,
    orphaned,
    sources: [...sources.values()],
    summary: {
      total: claims.length,
      anchored: listed.length,
      orphaned: orphaned.length,
      byTag,
      byStatus: ANNOTATION_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
      byProvenance: PROVENANCE_STATES.map((provenance) => ({ provenance, count: provenanceCounts.get(provenance) ?? 0 })),
      maxTagCount: byTag.reduce((m, t) => Math.max(m, t.count), 0),
    },
    analysts: [...analysts.values()].sort(byName((x) => x.claims)),
    reviewers: [...reviewers.values()].sort(byName((x) => x.reviews)),
    text: input.version.text,
    articleDoc,
    blocks: flattenBlocks(articleDoc),
  };
}

function previousCheck(p: PreviousCheckInput | undefined): string | null {
  return p ? describeCheck(STATUS_LABELS[p.status], p.article) : null;
}

function toEvidence(e: BriefEvidenceInput, options: BriefOptions): BriefEvidence {
  return {
    id: e.id,
    relation: e.relation,
    document: { ...e.document },
    passage: e.passage ? { ...e.passage } : null,
    page: e.page,
    paragraph: e.paragraph,
    targetAnnotationId: e.targetAnnotationId,
    targetStatus: e.targetStatus,
    cited: e.cited ? { provenance: e.cited.provenance, links: e.cited.links.map((l) => ({ ...l })) } : null,
    anchorState: e.anchorState,
    note: options.includeNotes ? e.note : null,
    authorName: e.author.name,
    createdAt: e.createdAt,
    reviews: [...e.reviews]
      .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())
      .map((r) => ({ reviewerName: options.includeReviewerNames ? r.reviewer.name : null, verdict: r.verdict, comment: r.comment, createdAt: r.createdAt })),
  };
}
