// Article metadata a saved page declares, merged from the places publishers put it. Readability
// already reads most of these; we add what it leaves out (canonical URL, JSON-LD authors as a
// list, @graph containers) and decide one precedence: JSON-LD NewsArticle > Readability >
// Open Graph / article:* meta > plain <meta name> tags.

export type DocumentMetadata = {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  url: string | null;
};

export const NO_METADATA: DocumentMetadata = { title: null, byline: null, outlet: null, publishedAt: null, url: null };

export type PageMetaSources = {
  /** Parsed `<script type="application/ld+json">` blocks (already JSON.parse'd). */
  jsonLd: unknown[];
  /** `<meta property|name=… content=…>` by lower-cased key (first occurrence wins). */
  meta: Record<string, string>;
  canonicalUrl: string | null;
  readability: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null } | null;
};

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

export function mergePageMetadata(sources: PageMetaSources): DocumentMetadata {
  const ld = findArticleJsonLd(sources.jsonLd);
  const m = sources.meta;
  const r = sources.readability;
  return {
    title: firstText(ld && text(ld.headline), r?.title, m['og:title'], m['twitter:title']),
    byline: firstText(ld && authors(ld.author), r?.byline, m['author'], m['article:author'], m['dc.creator']),
    outlet: firstText(ld && publisherName(ld.publisher), r?.siteName, m['og:site_name'], m['application-name']),
    publishedAt: firstDate(ld && text(ld.datePublished), r?.publishedTime, m['article:published_time'], m['og:published_time'], m['date'], m['dc.date'], m['pubdate']),
    url: firstUrl(sources.canonicalUrl, m['og:url'], ld && text(ld.url)),
  };
}

type LdObject = Record<string, unknown>;

/** The first JSON-LD object whose @type is an article kind, looking inside arrays and @graph. */
export function findArticleJsonLd(blocks: unknown[]): LdObject | null {
  const queue: unknown[] = [...blocks];
  let fallback: LdObject | null = null;
  for (let guard = 0; queue.length > 0 && guard < 1000; guard++) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const obj = item as LdObject;
    if (Array.isArray(obj['@graph'])) queue.push(...obj['@graph']);
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPES.test(t))) {
      // A WebPage wrapper is weaker evidence than the article itself.
      if (types.includes('WebPage') && types.length === 1) fallback ??= obj;
      else return obj;
    }
  }
  return fallback;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object' && typeof (v as LdObject)['@value'] === 'string') return (v as LdObject)['@value'] as string;
  return null;
}

function authors(v: unknown): string | null {
  const list = ([] as unknown[]).concat(v ?? []);
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? text((a as LdObject).name) : null))
    .map((n) => (n ? clean(n) : ''))
    .filter((n) => n !== '' && !/^https?:\/\//.test(n));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function publisherName(v: unknown): string | null {
  const p = Array.isArray(v) ? v[0] : v;
  if (typeof p === 'string') return p;
  return p && typeof p === 'object' ? text((p as LdObject).name) : null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function firstText(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    const c = typeof v === 'string' ? clean(v) : '';
    if (c !== '') return c.length > 300 ? `${c.slice(0, 299)}…` : c;
  }
  return null;
}

function firstDate(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    const t = Date.parse(v.trim());
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

function firstUrl(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    try {
      const u = new URL(v.trim());
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // not an absolute URL: try the next source
    }
  }
  return null;
}
