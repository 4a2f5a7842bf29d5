// Standalone, print-ready HTML brief: inline CSS only, no scripts, every user string through html().
import type { Brief, BriefClaim, BriefEvidence, BriefTag } from './build-brief';
import { CONFIDENCE_LABELS, STATUS_LABELS, VERDICT_LABELS, formatDate, formatDateTime } from './format';
import { PROVENANCE_LABELS, RELATION_LABELS } from '@/lib/provenance/relations';
import { sourceLabel } from './source-label';
import { html, safeHttpUrl } from './escape';
import { articleToHtml } from './render-article';
import { citedEvidenceHeading, citedLinkLabel } from './cited-evidence';
import { evidenceLocation } from './evidence-location';

const STATUS_COLORS: Record<string, string> = {
  UNREVIEWED: '#6b7280',
  CONFIRMED: '#15803d',
  DISPUTED: '#b91c1c',
  NEEDS_SOURCE: '#b45309',
};

const CSS = `
*{box-sizing:border-box}
body{font:15px/1.55 Georgia,'Times New Roman',serif;color:#111827;max-width:52rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .5rem}
h2{font:600 1.15rem/1.3 system-ui,sans-serif;border-bottom:2px solid #111827;padding-bottom:.25rem;margin-top:2.25rem}
h3{font:600 1rem/1.3 system-ui,sans-serif;margin:0 0 .5rem}
.meta{font:13px/1.5 system-ui,sans-serif;color:#374151;margin:0}
.meta dt{font-weight:600;float:left;clear:left;width:9rem}
.meta dd{margin:0 0 .15rem 9rem;overflow-wrap:anywhere}
table{border-collapse:collapse;font:13px/1.4 system-ui,sans-serif;margin:.75rem 0}
th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .6rem;text-align:left;vertical-align:middle}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.75rem;min-width:2px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.swatch{display:inline-block;width:.7rem;height:.7rem;border-radius:2px;margin-right:.35rem;vertical-align:-1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.claim{border:1px solid #e5e7eb;border-left-width:5px;border-radius:4px;padding:.75rem 1rem;margin:1rem 0;page-break-inside:avoid;break-inside:avoid}
.claim blockquote{margin:.25rem 0 .6rem;padding:0}
.claim mark{padding:.05rem .15rem;border-radius:2px;color:inherit;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.claim dl{font:13px/1.45 system-ui,sans-serif;margin:0}
.claim dt{font-weight:600;float:left;clear:left;width:7.5rem}
.claim dd{margin:0 0 .15rem 7.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.claim ul{margin:.1rem 0;padding-left:1.1rem;white-space:normal}
.status{font:600 11px/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;color:#fff;padding:.2rem .4rem;border-radius:3px;margin-left:.4rem;vertical-align:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.orphan{border-style:dashed}
.evidence{list-style:none;padding-left:0!important}
.evidence>li{margin:.2rem 0 .45rem;padding-left:.5rem;border-left:3px solid #d1d5db}
.evidence blockquote{margin:.15rem 0;font-style:italic;white-space:pre-wrap}
.relation-supports{border-left-color:#15803d!important}
.relation-partial{border-left-color:#b45309!important}
.relation-contradicts,.relation-misquoted{border-left-color:#b91c1c!important}
.article-body p{margin:0 0 .8rem}
.article-body h3{font-size:1.3rem;line-height:1.3;margin:0 0 .8rem}
.article-body h4,.article-body h5,.article-body h6{font:600 1rem/1.3 system-ui,sans-serif;margin:1.2rem 0 .4rem}
.article-body blockquote{margin:0 0 .8rem;padding:0 0 0 1rem;border-left:3px solid #d1d5db;color:#374151}
.article-body ul,.article-body ol{margin:0 0 .8rem;padding-inline-start:1.6rem}
.article-body li p{margin:0 0 .3rem}
sup a{text-decoration:none;font:600 10px/1 system-ui,sans-serif;color:#1d4ed8;margin-left:1px}
footer{margin-top:2.5rem;font:12px/1.4 system-ui,sans-serif;color:#6b7280}
@page{margin:18mm 16mm}
@media print{
  body{margin:0;max-width:none;font-size:11pt}
  h2{page-break-after:avoid;break-after:avoid}
  .claim{page-break-inside:avoid;break-inside:avoid}
  a{color:inherit;text-decoration:none}
  .article{page-break-before:always;break-before:page}
}`;

/** Background tint of a tag colour: colours are normalised to #rrggbb in buildBrief, so appending alpha is safe. */
function tint(color: string): string {
  return `${color}33`;
}

function tagName(tag: BriefTag): string {
  return `<span class="swatch" style="background:${tag.color}"></span>${html(tag.label)}`;
}

function multiline(s: string): string {
  return html(s.replace(/\r\n?/g, '\n'));
}

function header(brief: Brief): string {
  const a = brief.article;
  const rows: Array<[string, string]> = [];
  if (a.outlet) rows.push(['Outlet', html(a.outlet)]);
  if (a.byline) rows.push(['Byline', html(a.byline)]);
  if (a.publishedAt) rows.push(['Published', formatDate(a.publishedAt)]);
  if (a.url) {
    const safe = safeHttpUrl(a.url);
    rows.push(['URL', safe ? `<a href="${html(safe)}">${html(a.url)}</a>` : html(a.url)]);
  }
  rows.push(['Desk', html(brief.desk.name)]);
  rows.push(['Prepared by', `${html(brief.preparedBy.name)}, ${formatDateTime(brief.preparedAt)}`]);
  rows.push(['Article version', `${brief.version.number} (${html(brief.version.id)})`]);
  return `<header>
<h1>${html(a.title || 'Untitled article')}</h1>
<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}

function summary(brief: Brief): string {
  const s = brief.summary;
  const max = Math.max(1, s.maxTagCount);
  const tagRows = s.byTag
    .map((t) => {
      const pct = s.total === 0 ? 0 : Math.round((t.count / s.total) * 100);
      const width = ((t.count / max) * 12).toFixed(2);
      return `<tr><td>${tagName(t.tag)} <small>(${html(t.tag.key)})</small></td><td class="num">${t.count}</td><td class="num">${pct}%</td><td><span class="bar" style="width:${width}rem;background:${t.tag.color}" role="img" aria-label="${t.count} claims"></span></td></tr>`;
    })
    .join('\n');
  const statusRows = s.byStatus.map((st) => `<tr><td>${STATUS_LABELS[st.status]}</td><td class="num">${st.count}</td></tr>`).join('');
  const provenanceRows = s.byProvenance.map((p) => `<tr><td>${PROVENANCE_LABELS[p.provenance]}</td><td class="num">${p.count}</td></tr>`).join('');
  const people: string[] = [];
  if (brief.analysts.length > 0) people.push(`<p class="meta"><strong>Analysts:</strong> ${brief.analysts.map((a) => `${html(a.name)} (${a.claims})`).join(', ')}</p>`);
  if (brief.reviewers.length > 0) people.push(`<p class="meta"><strong>Reviewers:</strong> ${brief.reviewers.map((r) => `${html(r.name)} (${r.reviews})`).join(', ')}</p>`);
  return `<section class="summary">
<h2>Summary</h2>
<p class="meta">${s.total} claim${s.total === 1 ? '' : 's'} (${s.anchored} in the text, ${s.orphaned} orphaned).${brief.options.onlyConfirmed ? ' Only confirmed claims are included.' : ''}</p>
<table><thead><tr><th>Tag</th><th>Claims</th><th>Share</th><th></th></tr></thead><tbody>
${tagRows}
</tbody></table>
<table><thead><tr><th>Status</th><th>Claims</th></tr></thead><tbody>${statusRows}</tbody></table>
<table><thead><tr><th>Provenance</th><th>Claims</th></tr></thead><tbody>${provenanceRows}</tbody></table>
${people.join('\n')}
</section>`;
}

function claim(c: BriefClaim): string {
  const rows: Array<[string, string]> = [['Tag', `${tagName(c.tag)} <small>(${html(c.tag.key)})</small>`]];
  if (c.page) rows.push(['Page', html(c.page)]);
  if (c.sourceDetail) rows.push(['Source', multiline(c.sourceDetail)]);
  if (c.previouslyChecked) rows.push(['Previously checked', html(c.previouslyChecked)]);
  if (c.confidence) rows.push(['Confidence', CONFIDENCE_LABELS[c.confidence]]);
  if (c.gradeLabel) rows.push(['Grade', c.gradeLabel]);
  if (c.note) rows.push(['Note', multiline(c.note)]);
  if (c.orphaned) rows.push(['Anchor', 'Orphaned: the quote was not found in this version']);
  else if (c.anchorState !== 'exact') rows.push(['Anchor', c.anchorState]);
  rows.push(['Analyst', `${html(c.author.name)}, ${formatDate(c.createdAt)}`]);
  rows.push(['Provenance', PROVENANCE_LABELS[c.provenance]]);
  if (c.evidence.length > 0) rows.push(['Evidence', `<ul class="evidence">${c.evidence.map(evidenceItem).join('')}</ul>`]);
  if (c.reviews.length > 0) {
    const items = c.reviews.map((r) => {
      let s = `<strong>${VERDICT_LABELS[r.verdict]}</strong> — ${r.reviewerName ? html(r.reviewerName) : 'a reviewer'}, ${formatDate(r.createdAt)}`;
      if (r.suggestedTag) s += ` (suggests tag ${html(r.suggestedTag)})`;
      if (r.comment) s += `: <span style="white-space:pre-wrap">${multiline(r.comment)}</span>`;
      return `<li>${s}</li>`;
    });
    rows.push(['Verdicts', `<ul>${items.join('')}</ul>`]);
  }
  if (c.replies.length > 0) {
    const items = c.replies.map((r) => `<li>${html(r.authorName)}, ${formatDate(r.createdAt)}: <span style="white-space:pre-wrap">${multiline(r.body)}</span></li>`);
    rows.push(['Replies', `<ul>${items.join('')}</ul>`]);
  }
  return `<article class="claim${c.orphaned ? ' orphan' : ''}" id="claim-${c.number}" style="border-left-color:${c.tag.color}">
<h3>${c.number}. ${html(c.tag.label)}<span class="status" style="background:${STATUS_COLORS[c.status]}">${STATUS_LABELS[c.status]}</span></h3>
<blockquote dir="auto"><mark style="background:${tint(c.tag.color)};box-shadow:inset 0 -2px 0 ${c.tag.color}">${multiline(c.exact)}</mark></blockquote>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</article>`;
}

function evidenceItem(e: BriefEvidence): string {
  const where = evidenceLocation(e);
  let s = `<strong>${RELATION_LABELS[e.relation]}</strong> — ${html(sourceLabel(e.document))}${where ? `, ${html(where)}` : ''} <small>(linked by ${html(e.authorName)}, ${formatDate(e.createdAt)})</small>`;
  s += e.passage ? `<blockquote dir="auto">“${multiline(e.passage.exact)}”</blockquote>` : '<div><em>No passage: the source was searched and does not say it.</em></div>';
  if (e.anchorState && e.anchorState !== 'exact') s += `<div>Passage anchor: ${e.anchorState}</div>`;
  if (e.cited) {
    const links = e.cited.links.map((l) => `<li>${html(citedLinkLabel(l))}${l.exact ? `: <q dir="auto">${multiline(l.exact)}</q>` : ''}</li>`);
    s += `<div class="cited-evidence">${html(citedEvidenceHeading(e.cited))}${links.length > 0 ? `<ul>${links.join('')}</ul>` : ''}</div>`;
  }
  if (e.note) s += `<div>Note: <span style="white-space:pre-wrap">${multiline(e.note)}</span></div>`;
  if (e.reviews.length > 0) {
    s += `<div>Verdicts on this link: ${e.reviews
      .map((r) => `${VERDICT_LABELS[r.verdict]} — ${r.reviewerName ? html(r.reviewerName) : 'a reviewer'}, ${formatDate(r.createdAt)}${r.comment ? `: ${multiline(r.comment)}` : ''}`)
      .join('; ')}</div>`;
  }
  return `<li class="relation-${e.relation}">${s}</li>`;
}

function sources(brief: Brief): string {
  if (brief.sources.length === 0) return '';
  const items = brief.sources.map((s) => {
    const d = s.document;
    const url = safeHttpUrl(d.url);
    const links = s.claims.map((n) => `<a href="#claim-${n}">${n}</a>`).join(', ');
    return `<li>${html(sourceLabel(d))}${d.publishedAt ? `, ${formatDate(d.publishedAt)}` : ''}${url ? `, <a href="${html(url)}">${html(d.url ?? '')}</a>` : ''} — cited by claim${s.claims.length === 1 ? '' : 's'} ${links}</li>`;
  });
  return `<section class="sources">
<h2>Sources</h2>
<ul>${items.join('\n')}</ul>
</section>`;
}

function article(brief: Brief): string {
  // Rendered from the stored document (lib/export/render-article): every text is escaped there.
  return `<section class="article">
<h2>Article text</h2>
<div class="article-body">${articleToHtml(brief.articleDoc)}</div>
</section>`;
}

export type BriefHtmlParts = { title: string; css: string; body: string };

/** The pieces of the standalone document: its title, stylesheet and escaped body markup. */
export function toHtmlParts(brief: Brief): BriefHtmlParts {
  const sections = brief.sections
    .map((s) => `<section class="claims">
<h2>${s.tag ? `Claims: ${tagName(s.tag)}` : 'Claims'}</h2>
${s.claims.map(claim).join('\n')}
</section>`)
    .join('\n');
  const orphaned =
    brief.orphaned.length > 0
      ? `<section class="claims">
<h2>Orphaned claims</h2>
<p class="meta">These quotes could not be located in the current version of the article.</p>
${brief.orphaned.map(claim).join('\n')}
</section>`
      : '';
  const empty = brief.claims.length === 0 ? '<section class="claims"><h2>Claims</h2><p>No claims match this export.</p></section>' : '';
  const body = `${header(brief)}
${summary(brief)}
${sections}
${empty}
${orphaned}
${sources(brief)}
${article(brief)}
<footer>Prepared by ${html(brief.preparedBy.name)} for ${html(brief.desk.name)}, ${formatDateTime(brief.preparedAt)}.</footer>`;
  return { title: `Brief: ${brief.article.title || 'Untitled article'}`, css: CSS, body };
}

export function toHtml(brief: Brief): string {
  const { title, css, body } = toHtmlParts(brief);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(title)}</title>
<style>${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
