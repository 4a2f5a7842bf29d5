// Importer, pure part: W3C Web Annotation JSON-LD (collection, page, annotation or array) → plain records.
// Input is untrusted: every value is checked before use and problems come back as readable, located messages.
import {
  CONFIDENCES,
  CREDIBILITIES,
  RELIABILITIES,
  ANNOTATION_STATUSES,
  type AnchorState,
  type AnnotationStatus,
  type Confidence,
  type Credibility,
  type Grade,
  type Reliability,
} from './brief-input';
import { codePointIndex } from '@/lib/anchoring';
import { ANNO_CONTEXT, CD } from './jsonld-vocab';
import { ANCHOR_STATES, EVIDENCE_RELATIONS, type EvidenceRelation } from '@/lib/core/enums';
import { isSaneDate } from '@/lib/api/date-field';

export type ImportedAnnotation = {
  /** The source document's id for the annotation, when it had one. */
  id: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  /**
   * The TextPositionSelector as the document gives it: Unicode code points of the annotated text.
   * `positionInText` turns it into offsets of a Claimdesk text.
   */
  start: number | null;
  end: number | null;
  /** The target's source IRI (article URL). */
  source: string | null;
  tag: string | null;
  note: string | null;
  sourceDetail: string | null;
  confidence: Confidence | null;
  grade: Grade;
  /** Only present in Claimdesk's own exports; informational for the importer. */
  status: AnnotationStatus | null;
  anchorState: AnchorState | null;
  creatorName: string | null;
  created: Date | null;
  modified: Date | null;
};

/** An evidence link (a Claimdesk "linking" annotation): the claim it is on, the source document, the passage. */
export type ImportedLink = {
  id: string | null;
  path: string;
  /** The IRI of the claim annotation (the link's target), as in the document. */
  claim: string;
  relation: EvidenceRelation;
  /** How to find the source in this library: its id there, symbol, URL (and the IRI the document used). */
  document: { iri: string | null; id: string | null; title: string | null; symbol: string | null; url: string | null };
  /** The IRI of another claim annotation when the evidence is one. */
  targetAnnotation: string | null;
  /** Null for not_found and for a link to another annotation; start/end are code points of the source text, as in the document. */
  passage: { exact: string; prefix: string; suffix: string; start: number | null; end: number | null } | null;
  note: string | null;
};

export type ImportSkip = { path: string; id: string | null; reason: string };

export type ImportResult =
  | { ok: true; annotations: ImportedAnnotation[]; links: ImportedLink[]; skipped: ImportSkip[] }
  | { ok: false; errors: string[] };

export type ImportLimits = { maxAnnotations: number; maxTextLength: number; maxPages: number; maxErrors: number };

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxAnnotations: 5_000,
  maxTextLength: 20_000,
  maxPages: 100,
  maxErrors: 50,
});

export class JsonLdImportError extends Error {
  constructor(readonly errors: string[]) {
    super(`The annotation document is not valid: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`);
    this.name = 'JsonLdImportError';
  }
}

type Obj = Record<string, unknown>;

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);
const IRI_RE = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i;
// xsd:dateTime with a mandatory timezone, as the model requires.
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function hasType(o: Obj, type: string): boolean {
  return asArray(o.type).includes(type);
}

function isIri(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 2048 && IRI_RE.test(v);
}

class Checker {
  errors: string[] = [];
  skipped: ImportSkip[] = [];
  constructor(readonly limits: ImportLimits) {}

  fail(path: string, message: string): void {
    if (this.errors.length < this.limits.maxErrors) this.errors.push(`${path}: ${message}`);
  }

  contextOk(o: Obj, path: string): boolean {
    const ctx = o['@context'];
    if (ctx === undefined) {
      this.fail(path, `"@context" is missing; it must include "${ANNO_CONTEXT}"`);
      return false;
    }
    if (!asArray(ctx).some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c))) {
      this.fail(path, `"@context" must include "${ANNO_CONTEXT}"`);
      return false;
    }
    return true;
  }

  /** A single IRI (the model allows at most one id). */
  singleIri(o: Obj, key: string, path: string, required: boolean): string | null {
    const v = o[key];
    if (v === undefined) {
      if (required) this.fail(path, `"${key}" is required`);
      return null;
    }
    if (!isIri(v)) {
      this.fail(`${path}.${key}`, `must be a single IRI, got ${describe(v)}`);
      return null;
    }
    return v;
  }

  iris(o: Obj, key: string, path: string): void {
    for (const [i, v] of asArray(o[key]).entries()) {
      if (!isIri(v)) this.fail(`${path}.${key}${Array.isArray(o[key]) ? `[${i}]` : ''}`, `must be an IRI, got ${describe(v)}`);
    }
  }

  dateTime(o: Obj, key: string, path: string): Date | null {
    const v = o[key];
    if (v === undefined) return null;
    const d = typeof v === 'string' && DATE_TIME_RE.test(v) ? new Date(v) : null;
    if (!d || !isSaneDate(d)) {
      this.fail(`${path}.${key}`, `must be a single xsd:dateTime with a timezone between 1900 and 2100 (e.g. 2025-01-31T12:00:00Z), got ${describe(v)}`);
      return null;
    }
    return d;
  }

  agents(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v === undefined) return;
    const list = asArray(v);
    if (list.length === 0) this.fail(`${path}.${key}`, 'must not be an empty array');
    for (const [i, a] of list.entries()) {
      const p = Array.isArray(v) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      if (isIri(a)) continue;
      if (!isObj(a)) {
        this.fail(p, `must be an IRI or an agent object, got ${describe(a)}`);
        continue;
      }
      if (a.id !== undefined && !isIri(a.id)) this.fail(`${p}.id`, `must be an IRI, got ${describe(a.id)}`);
      if (a.name !== undefined && typeof a.name !== 'string' && !(Array.isArray(a.name) && a.name.every((n) => typeof n === 'string'))) {
        this.fail(`${p}.name`, 'must be a string');
      }
    }
  }

  text(v: unknown, path: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string | null {
    if (v === undefined || v === null) {
      if (opts.required) this.fail(path, 'is required');
      return null;
    }
    if (typeof v !== 'string') {
      this.fail(path, `must be a string, got ${describe(v)}`);
      return null;
    }
    if (opts.nonEmpty && v.length === 0) {
      this.fail(path, 'must not be empty');
      return null;
    }
    if (v.length > this.limits.maxTextLength) {
      this.fail(path, `is longer than ${this.limits.maxTextLength} characters`);
      return null;
    }
    return v;
  }
}

type Located = { value: unknown; path: string; inheritedContext: boolean };

/** Finds annotation objects in any of the accepted top-level shapes. */
function collect(root: unknown, ck: Checker): Located[] {
  const out: Located[] = [];
  const fromPage = (page: Obj, path: string, inherited: boolean) => {
    if (!hasType(page, 'AnnotationPage')) ck.fail(path, `"type" must be "AnnotationPage", got ${describe(page.type)}`);
    if (!inherited) ck.contextOk(page, path);
    if (page.id !== undefined) ck.singleIri(page, 'id', path, false);
    if (!Array.isArray(page.items)) {
      ck.fail(`${path}.items`, `must be an array of annotations, got ${describe(page.items)}`);
      return;
    }
    page.items.forEach((item, i) => out.push({ value: item, path: `${path}.items[${i}]`, inheritedContext: true }));
  };
  const fromPages = (first: unknown, path: string, startAt = 0) => {
    let page: unknown = first;
    let p = path;
    for (let n = startAt; page !== undefined; n++) {
      if (n >= ck.limits.maxPages) {
        ck.fail(p, `more than ${ck.limits.maxPages} pages`);
        return;
      }
      if (typeof page === 'string') {
        // Pages are never fetched (no network access from an import). A missing first page is an error;
        // a later linked page is reported and the embedded annotations are still imported.
        if (n === 0) ck.fail(p, `links to a page by IRI (${describe(page)}); only embedded pages can be imported`);
        else ck.skipped.push({ path: p, id: isIri(page) ? page : null, reason: 'linked page not fetched; only embedded pages are imported' });
        return;
      }
      if (!isObj(page)) {
        ck.fail(p, `must be an AnnotationPage object, got ${describe(page)}`);
        return;
      }
      fromPage(page, p, true);
      page = page.next;
      p = `${p}.next`;
    }
  };

  if (Array.isArray(root)) {
    root.forEach((item, i) => out.push({ value: item, path: `[${i}]`, inheritedContext: false }));
    return out;
  }
  if (!isObj(root)) {
    ck.fail('document', `must be a JSON object or array, got ${describe(root)}`);
    return out;
  }
  if (hasType(root, 'AnnotationCollection')) {
    ck.contextOk(root, 'collection');
    ck.singleIri(root, 'id', 'collection', true);
    if (root.total !== undefined && !(Number.isInteger(root.total) && (root.total as number) >= 0)) {
      ck.fail('collection.total', `must be a non-negative integer, got ${describe(root.total)}`);
    }
    if (root.first === undefined) {
      if (root.total !== undefined && root.total !== 0) ck.fail('collection', '"first" is required when "total" is above zero');
      return out;
    }
    fromPages(root.first, 'collection.first');
    return out;
  }
  if (hasType(root, 'AnnotationPage')) {
    ck.contextOk(root, 'page');
    fromPage(root, 'page', true);
    if (root.next !== undefined) fromPages(root.next, 'page.next', 1);
    return out;
  }
  out.push({ value: root, path: 'annotation', inheritedContext: false });
  return out;
}

function purposes(body: Obj): unknown[] {
  return asArray(body.purpose);
}

type Parsed = { annotation: ImportedAnnotation | null; link?: ImportedLink | null; skip: ImportSkip | null };

/**
 * A Claimdesk evidence link: motivation "linking", the claim as target (an IRI), the source passage as
 * a SpecificResource body. Another tool's linking annotation (no claimdesk:relation) is not read here.
 */
function parseLink(a: Obj, path: string, id: string | null, ck: Checker): ImportedLink | null {
  const before = ck.errors.length;
  const relation = a[CD.relation];
  if (!EVIDENCE_RELATIONS.includes(relation as EvidenceRelation)) {
    ck.fail(`${path}.${CD.relation}`, `must be one of ${EVIDENCE_RELATIONS.join(', ')}, got ${describe(relation)}`);
  }
  const targets = asArray(a.target);
  const claim = targets.length === 1 && isIri(targets[0]) ? targets[0] : targets.length === 1 && isObj(targets[0]) && isIri(targets[0].id) ? targets[0].id : null;
  if (!claim) ck.fail(`${path}.target`, 'a linking annotation must target exactly one claim annotation by its IRI');
  const bodies = asArray(a.body);
  const resource = bodies.find((b): b is Obj => isObj(b) && hasType(b, 'SpecificResource'));
  if (!resource) {
    ck.fail(`${path}.body`, 'a linking annotation needs a SpecificResource body naming the source document');
    return null;
  }
  const bp = `${path}.body[${bodies.indexOf(resource)}]`;
  const optional = (key: string) => (resource[key] === undefined ? null : ck.text(resource[key], `${bp}.${key}`));
  const iri = isIri(resource.source) ? resource.source : isObj(resource.source) && isIri(resource.source.id) ? resource.source.id : null;
  if (!iri) ck.fail(`${bp}.source`, `must be the source document's IRI, got ${describe(resource.source)}`);
  const targetAnnotation = resource[CD.targetAnnotation] === undefined ? null : isIri(resource[CD.targetAnnotation]) ? (resource[CD.targetAnnotation] as string) : null;
  if (resource[CD.targetAnnotation] !== undefined && !targetAnnotation) ck.fail(`${bp}.${CD.targetAnnotation}`, 'must be an IRI');
  let quote: { exact: string; prefix: string; suffix: string } | null = null;
  let position: { start: number; end: number } | null = null;
  asArray(resource.selector).forEach((sel, si) => {
    const sp = `${bp}.selector[${si}]`;
    if (!isObj(sel)) return;
    if (hasType(sel, 'TextQuoteSelector') && !quote) {
      const exact = ck.text(sel.exact, `${sp}.exact`, { required: true, nonEmpty: true });
      const prefix = ck.text(sel.prefix, `${sp}.prefix`);
      const suffix = ck.text(sel.suffix, `${sp}.suffix`);
      if (exact !== null) quote = { exact: exact.normalize('NFC'), prefix: (prefix ?? '').normalize('NFC'), suffix: (suffix ?? '').normalize('NFC') };
    } else if (hasType(sel, 'TextPositionSelector') && !position) {
      const ok = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
      if (!ok(sel.start) || !ok(sel.end) || (sel.end as number) < (sel.start as number)) ck.fail(sp, 'TextPositionSelector "start" and "end" must be non-negative integers, end not before start');
      else position = { start: sel.start as number, end: sel.end as number };
    }
  });
  const q = quote as { exact: string; prefix: string; suffix: string } | null;
  const p = position as { start: number; end: number } | null;
  if (relation === 'not_found' && q) ck.fail(`${bp}.selector`, 'a not_found link has no passage: the source was searched and does not say it');
  if (relation !== 'not_found' && !q && !targetAnnotation) ck.fail(`${bp}.selector`, `a ${String(relation)} link needs a TextQuoteSelector with the source passage`);
  const notes: string[] = [];
  for (const b of bodies) {
    if (isObj(b) && hasType(b, 'TextualBody') && purposes(b).includes('commenting')) {
      const v = ck.text(b.value, `${path}.body`);
      if (v !== null) notes.push(v);
    }
  }
  if (ck.errors.length > before || !claim) return null;
  return {
    id,
    path,
    claim,
    relation: relation as EvidenceRelation,
    document: { iri, id: optional(CD.documentId), title: optional(CD.documentTitle), symbol: optional(CD.documentSymbol), url: optional(CD.documentUrl) },
    targetAnnotation,
    passage: q && !targetAnnotation ? { ...q, start: p?.start ?? null, end: p?.end ?? null } : null,
    note: notes.length > 0 ? notes.join('\n\n') : null,
  };
}

function parseAnnotation(loc: Located, ck: Checker): Parsed {
  const { path } = loc;
  const a = loc.value;
  if (!isObj(a)) {
    ck.fail(path, `must be an annotation object, got ${describe(a)}`);
    return { annotation: null, skip: null };
  }
  const before = ck.errors.length;
  if (!loc.inheritedContext || a['@context'] !== undefined) ck.contextOk(a, path);
  const id = ck.singleIri(a, 'id', path, true);
  if (!hasType(a, 'Annotation')) ck.fail(path, `"type" must be "Annotation", got ${describe(a.type)}`);
  if (a.body !== undefined && a.bodyValue !== undefined) ck.fail(path, 'must not have both "body" and "bodyValue"');
  if (a.bodyValue !== undefined && typeof a.bodyValue !== 'string') ck.fail(`${path}.bodyValue`, `must be a single string, got ${describe(a.bodyValue)}`);
  const created = ck.dateTime(a, 'created', path);
  const modified = ck.dateTime(a, 'modified', path);
  ck.dateTime(a, 'generated', path);
  ck.agents(a, 'creator', path);
  ck.agents(a, 'generator', path);
  ck.iris(a, 'rights', path);
  ck.iris(a, 'via', path);
  if (a.canonical !== undefined) ck.singleIri(a, 'canonical', path, false);
  if (a.motivation !== undefined && !asArray(a.motivation).every((m) => typeof m === 'string')) {
    ck.fail(`${path}.motivation`, 'must be a string or an array of strings');
  }
  if (asArray(a.motivation).includes('linking') && a[CD.relation] !== undefined) {
    const link = parseLink(a, path, id, ck);
    return { annotation: null, link: ck.errors.length > before ? null : link, skip: null };
  }

  // Target: find a SpecificResource carrying a TextQuoteSelector.
  if (a.target === undefined) ck.fail(path, '"target" is required');
  const targets = asArray(a.target);
  if (a.target !== undefined && targets.length === 0) ck.fail(`${path}.target`, 'must not be an empty array');
  let quote: { exact: string; prefix: string; suffix: string } | null = null;
  let position: { start: number; end: number } | null = null;
  let source: string | null = null;
  targets.forEach((t, ti) => {
    const tp = Array.isArray(a.target) ? `${path}.target[${ti}]` : `${path}.target`;
    if (isIri(t)) return;
    if (!isObj(t)) {
      ck.fail(tp, `must be an IRI or a resource object, got ${describe(t)}`);
      return;
    }
    if (t.source !== undefined && !isIri(t.source) && !(isObj(t.source) && isIri(t.source.id))) {
      ck.fail(`${tp}.source`, `must be an IRI or a resource with an IRI id, got ${describe(t.source)}`);
    }
    if (t.source === undefined && t.id === undefined && !Array.isArray(t.items)) {
      ck.fail(tp, 'must have "source" (a Specific Resource), "id" (an External Web Resource) or "items" (a Choice or Set)');
    }
    const selectors = asArray(t.selector);
    selectors.forEach((s, si) => {
      const sp = Array.isArray(t.selector) ? `${tp}.selector[${si}]` : `${tp}.selector`;
      if (isIri(s)) return;
      if (!isObj(s)) {
        ck.fail(sp, `must be an IRI or a selector object, got ${describe(s)}`);
        return;
      }
      if (hasType(s, 'TextQuoteSelector')) {
        const exact = ck.text(s.exact, `${sp}.exact`, { required: true, nonEmpty: true });
        const prefix = ck.text(s.prefix, `${sp}.prefix`);
        const suffix = ck.text(s.suffix, `${sp}.suffix`);
        if (exact !== null && !quote) {
          quote = { exact, prefix: prefix ?? '', suffix: suffix ?? '' };
          source = isIri(t.source) ? t.source : isObj(t.source) && isIri(t.source.id) ? t.source.id : null;
        }
      } else if (hasType(s, 'TextPositionSelector')) {
        const ok = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
        if (!ok(s.start) || !ok(s.end)) ck.fail(sp, 'TextPositionSelector "start" and "end" must be non-negative integers');
        else if ((s.end as number) < (s.start as number)) ck.fail(sp, 'TextPositionSelector "end" must not be before "start"');
        else if (!position) position = { start: s.start as number, end: s.end as number };
      } else if (hasType(s, 'FragmentSelector') || hasType(s, 'CssSelector') || hasType(s, 'XPathSelector')) {
        if (typeof s.value !== 'string') ck.fail(`${sp}.value`, `must be a single string, got ${describe(s.value)}`);
      }
    });
  });

  // Bodies: tag from the tagging body, note from commenting (or bodyValue), source detail from our extension.
  let tag: string | null = null;
  const notes: string[] = [];
  let describingSource: string | null = null;
  const motivations = asArray(a.motivation);
  const bodies = asArray(a.body);
  bodies.forEach((b, bi) => {
    const bp = Array.isArray(a.body) ? `${path}.body[${bi}]` : `${path}.body`;
    if (isIri(b)) return;
    if (!isObj(b)) {
      ck.fail(bp, `must be an IRI or a body object, got ${describe(b)}`);
      return;
    }
    if (b.value === undefined) {
      if (b.id === undefined && b.source === undefined && b.items === undefined) ck.fail(bp, 'must have "value", "id", "source" or "items"');
      return;
    }
    const value = ck.text(b.value, `${bp}.value`);
    if (value === null) return;
    const ps = purposes(b);
    const role = b[CD.role];
    if (ps.includes('tagging') || (ps.length === 0 && motivations.includes('tagging') && !motivations.includes('commenting'))) {
      if (tag === null && value.trim()) tag = value.trim();
    } else if (ps.includes('commenting') || (ps.length === 0 && !motivations.includes('tagging'))) {
      notes.push(value);
    } else if (ps.includes('describing')) {
      if (role === 'sourceDetail') describingSource ??= value;
      else notes.push(value);
    }
  });
  if (typeof a.bodyValue === 'string') notes.push(a.bodyValue);

  // Claimdesk extension properties; other producers will simply not have them.
  const sourceDetail = a[CD.sourceDetail] !== undefined ? ck.text(a[CD.sourceDetail], `${path}.${CD.sourceDetail}`) : describingSource;
  let confidence: Confidence | null = null;
  if (a[CD.confidence] !== undefined) {
    if (CONFIDENCES.includes(a[CD.confidence] as Confidence)) confidence = a[CD.confidence] as Confidence;
    else ck.fail(`${path}.${CD.confidence}`, `must be one of ${CONFIDENCES.join(', ')}, got ${describe(a[CD.confidence])}`);
  }
  const grade: Grade = { reliability: null, credibility: null };
  const g = a[CD.grade];
  if (g !== undefined) {
    if (!isObj(g)) ck.fail(`${path}.${CD.grade}`, `must be an object, got ${describe(g)}`);
    else {
      const r = g[CD.reliability];
      const c = g[CD.credibility];
      if (r !== undefined) {
        if (RELIABILITIES.includes(r as Reliability)) grade.reliability = r as Reliability;
        else ck.fail(`${path}.${CD.grade}.${CD.reliability}`, `must be one of A–F, got ${describe(r)}`);
      }
      if (c !== undefined) {
        if (CREDIBILITIES.includes(c as Credibility)) grade.credibility = c as Credibility;
        else ck.fail(`${path}.${CD.grade}.${CD.credibility}`, `must be an integer 1–6, got ${describe(c)}`);
      }
    }
  }
  let status: AnnotationStatus | null = null;
  if (a[CD.status] !== undefined) {
    if (ANNOTATION_STATUSES.includes(a[CD.status] as AnnotationStatus)) status = a[CD.status] as AnnotationStatus;
    else ck.fail(`${path}.${CD.status}`, `must be one of ${ANNOTATION_STATUSES.join(', ')}, got ${describe(a[CD.status])}`);
  }
  let anchorState: AnchorState | null = null;
  if (a[CD.anchorState] !== undefined) {
    if (ANCHOR_STATES.includes(a[CD.anchorState] as AnchorState)) anchorState = a[CD.anchorState] as AnchorState;
    else ck.fail(`${path}.${CD.anchorState}`, `must be one of ${ANCHOR_STATES.join(', ')}, got ${describe(a[CD.anchorState])}`);
  }

  let creatorName: string | null = null;
  const creator = asArray(a.creator)[0];
  if (isObj(creator)) {
    const name = asArray(creator.name)[0] ?? creator.nickname;
    if (typeof name === 'string' && name.length <= 200) creatorName = name;
  }

  if (ck.errors.length > before) return { annotation: null, skip: null };
  const q = quote as { exact: string; prefix: string; suffix: string } | null;
  if (!q) {
    return { annotation: null, skip: { path, id, reason: 'no TextQuoteSelector in the target; Claimdesk anchors claims by their quoted text' } };
  }
  const pos = position as { start: number; end: number } | null;
  return {
    skip: null,
    annotation: {
      id,
      // Claimdesk's texts are NFC (see normalizeInput); a tool may have saved the quote decomposed.
      exact: q.exact.normalize('NFC'),
      prefix: q.prefix.normalize('NFC'),
      suffix: q.suffix.normalize('NFC'),
      start: pos?.start ?? null,
      end: pos?.end ?? null,
      source,
      tag,
      note: notes.length > 0 ? notes.join('\n\n') : null,
      sourceDetail,
      confidence,
      grade,
      status,
      anchorState,
      creatorName,
      created,
      modified,
    },
  };
}

/**
 * An imported annotation's TextPositionSelector (code points) as UTF-16 offsets of `text`, the
 * hint re-anchoring starts from; null without one. Offsets beyond the text are clamped.
 */
export function positionInText(a: Pick<ImportedAnnotation, 'start' | 'end'>, text: string): { start: number; end: number } | null {
  if (a.start === null) return null;
  const index = codePointIndex(text);
  const start = index.toUtf16(a.start);
  return { start, end: Math.max(start, index.toUtf16(a.end ?? a.start)) };
}

/** Parses JSON text or an already-parsed value. Never throws. */
export function parseJsonLd(input: unknown, limits: Partial<ImportLimits> = {}): ImportResult {
  const ck = new Checker({ ...DEFAULT_IMPORT_LIMITS, ...limits });
  let root = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input) as unknown;
    } catch (e) {
      return { ok: false, errors: [`document: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
    }
  }
  const located = collect(root, ck);
  if (located.length > ck.limits.maxAnnotations) {
    return { ok: false, errors: [`document: has ${located.length} annotations; at most ${ck.limits.maxAnnotations} can be imported at once`] };
  }
  const annotations: ImportedAnnotation[] = [];
  const links: ImportedLink[] = [];
  const skipped: ImportSkip[] = ck.skipped;
  for (const loc of located) {
    const r = parseAnnotation(loc, ck);
    if (r.annotation) annotations.push(r.annotation);
    if (r.link) links.push(r.link);
    if (r.skip) skipped.push(r.skip);
  }
  return ck.errors.length > 0 ? { ok: false, errors: ck.errors } : { ok: true, annotations, links, skipped };
}

/** Like parseJsonLd, but throws JsonLdImportError (with every message) instead of returning errors. */
export function fromJsonLd(input: unknown, limits: Partial<ImportLimits> = {}): ImportedAnnotation[] {
  const r = parseJsonLd(input, limits);
  if (!r.ok) throw new JsonLdImportError(r.errors);
  return r.annotations;
}
