// Markdown brief (CommonMark + GFM tables/footnotes). Every piece of user or article text goes through mdInline/mdMultiline.
import type { Brief, BriefClaim, BriefEvidence } from './build-brief';
import { CONFIDENCE_LABELS, STATUS_LABELS, VERDICT_LABELS, formatDate, formatDateTime } from './format';
import { PROVENANCE_LABELS, RELATION_LABELS } from '@/lib/provenance/relations';
import { sourceLabel } from './source-label';
import { mdInline, mdMultiline, safeHttpUrl } from './escape';
import { articleToMarkdown } from './render-article';
import { citedEvidenceHeading, citedLinkLabel } from './cited-evidence';
import { evidenceLocation } from './evidence-location';

function tagText(claim: BriefClaim): string {
  return `${mdInline(claim.tag.label)} (${mdInline(claim.tag.key)})`;
}

function percent(count: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((count / total) * 100)}%`;
}

function header(brief: Brief): string[] {
  const a = brief.article;
  const lines = [`# ${mdInline(a.title || 'Untitled article')}`, ''];
  const facts: Array<[string, string]> = [];
  if (a.outlet) facts.push(['Outlet', mdInline(a.outlet)]);
  if (a.byline) facts.push(['Byline', mdInline(a.byline)]);
  if (a.publishedAt) facts.push(['Published', formatDate(a.publishedAt)]);
  if (a.url) {
    const safe = safeHttpUrl(a.url);
    // Angle-bracket autolinks cannot contain spaces or "<>", which URL.href never has.
    facts.push(['URL', safe ? `<${safe}>` : mdInline(a.url)]);
  }
  facts.push(['Desk', mdInline(brief.desk.name)]);
  facts.push(['Prepared by', `${mdInline(brief.preparedBy.name)}, ${formatDateTime(brief.preparedAt)}`]);
  facts.push(['Article version', `${brief.version.number} (${mdInline(brief.version.id)})`]);
  for (const [k, v] of facts) lines.push(`- **${k}:** ${v}`);
  lines.push('');
  return lines;
}

function summary(brief: Brief): string[] {
  const s = brief.summary;
  const lines = ['## Summary', ''];
  lines.push(
    `${s.total} claim${s.total === 1 ? '' : 's'} (${s.anchored} in the text, ${s.orphaned} orphaned).` +
      (brief.options.onlyConfirmed ? ' Only confirmed claims are included.' : ''),
    '',
  );
  lines.push('| Tag | Claims | Share |', '| --- | ---: | ---: |');
  for (const t of s.byTag) lines.push(`| ${mdInline(t.tag.label)} (${mdInline(t.tag.key)}) | ${t.count} | ${percent(t.count, s.total)} |`);
  lines.push('', '| Status | Claims |', '| --- | ---: |');
  for (const st of s.byStatus) lines.push(`| ${STATUS_LABELS[st.status]} | ${st.count} |`);
  lines.push('', '| Provenance | Claims |', '| --- | ---: |');
  for (const p of s.byProvenance) lines.push(`| ${PROVENANCE_LABELS[p.provenance]} | ${p.count} |`);
  lines.push('');
  if (brief.analysts.length > 0) {
    lines.push(`**Analysts:** ${brief.analysts.map((a) => `${mdInline(a.name)} (${a.claims})`).join(', ')}`, '');
  }
  if (brief.reviewers.length > 0) {
    lines.push(`**Reviewers:** ${brief.reviewers.map((r) => `${mdInline(r.name)} (${r.reviews})`).join(', ')}`, '');
  }
  return lines;
}

function claimBlock(c: BriefClaim): string[] {
  const lines = [`### ${c.number}. ${mdInline(c.tag.label)} — ${STATUS_LABELS[c.status]}`, ''];
  lines.push(`> ${mdMultiline(c.exact, '> ') || '(empty quote)'}`, '');
  lines.push(`- **Tag:** ${tagText(c)}`);
  if (c.page) lines.push(`- **Page:** ${c.page}`);
  if (c.sourceDetail) lines.push(`- **Source:** ${mdMultiline(c.sourceDetail, '  ')}`);
  if (c.previouslyChecked) lines.push(`- **Previously checked:** ${mdInline(c.previouslyChecked)}`);
  if (c.confidence) lines.push(`- **Confidence:** ${CONFIDENCE_LABELS[c.confidence]}`);
  if (c.gradeLabel) lines.push(`- **Grade:** ${c.gradeLabel}`);
  if (c.note) lines.push(`- **Note:** ${mdMultiline(c.note, '  ')}`);
  lines.push(`- **Status:** ${STATUS_LABELS[c.status]}`);
  if (c.orphaned) lines.push('- **Anchor:** orphaned — the quote was not found in this version of the article');
  else if (c.anchorState !== 'exact') lines.push(`- **Anchor:** ${c.anchorState}`);
  lines.push(`- **Analyst:** ${mdInline(c.author.name)}, ${formatDate(c.createdAt)}`);
  lines.push(`- **Provenance:** ${PROVENANCE_LABELS[c.provenance]}`);
  if (c.evidence.length > 0) {
    lines.push('- **Evidence:**');
    for (const e of c.evidence) lines.push(...evidenceLines(e));
  }
  if (c.reviews.length > 0) {
    lines.push('- **Verdicts:**');
    for (const r of c.reviews) {
      const who = r.reviewerName ? mdInline(r.reviewerName) : 'A reviewer';
      let line = `  - ${VERDICT_LABELS[r.verdict]} — ${who}, ${formatDate(r.createdAt)}`;
      if (r.suggestedTag) line += ` (suggests tag ${mdInline(r.suggestedTag)})`;
      if (r.comment) line += `: ${mdMultiline(r.comment, '    ')}`;
      lines.push(line);
    }
  }
  if (c.replies.length > 0) {
    lines.push('- **Replies:**');
    for (const r of c.replies) lines.push(`  - ${mdInline(r.authorName)}, ${formatDate(r.createdAt)}: ${mdMultiline(r.body, '    ')}`);
  }
  lines.push('');
  return lines;
}

function evidenceLines(e: BriefEvidence): string[] {
  const where = evidenceLocation(e);
  const lines = [`  - **${RELATION_LABELS[e.relation]}** — ${mdInline(sourceLabel(e.document))}${where ? `, ${mdInline(where)}` : ''} (linked by ${mdInline(e.authorName)}, ${formatDate(e.createdAt)})`];
  if (e.passage) lines.push(`    - Passage: “${mdInline(e.passage.exact)}”`);
  else lines.push('    - No passage: the source was searched and does not say it');
  if (e.anchorState && e.anchorState !== 'exact') lines.push(`    - Passage anchor: ${e.anchorState}`);
  if (e.cited) {
    lines.push(`    - ${citedEvidenceHeading(e.cited)}`);
    for (const l of e.cited.links) lines.push(`      - ${mdInline(citedLinkLabel(l))}${l.exact ? `: “${mdInline(l.exact)}”` : ''}`);
  }
  if (e.note) lines.push(`    - Note: ${mdMultiline(e.note, '      ')}`);
  for (const r of e.reviews) {
    lines.push(`    - ${VERDICT_LABELS[r.verdict]} — ${r.reviewerName ? mdInline(r.reviewerName) : 'A reviewer'}, ${formatDate(r.createdAt)}${r.comment ? `: ${mdMultiline(r.comment, '      ')}` : ''}`);
  }
  return lines;
}

function sources(brief: Brief): string[] {
  if (brief.sources.length === 0) return [];
  const lines = ['## Sources', ''];
  for (const s of brief.sources) {
    const d = s.document;
    const url = safeHttpUrl(d.url);
    const facts = [d.publishedAt ? formatDate(d.publishedAt) : null, url ? `<${url}>` : null].filter(Boolean).join(', ');
    lines.push(`- ${mdInline(sourceLabel(d))}${facts ? `, ${facts}` : ''} — cited by claim${s.claims.length === 1 ? '' : 's'} ${s.claims.join(', ')}`);
  }
  lines.push('');
  return lines;
}

function articleText(brief: Brief): string[] {
  // Rendered from the stored document (lib/export/render-article): headings, lists, quotes, bold
  // and links as in the reader, every text escaped, claim markers as footnote references.
  const lines = ['## Article text', '', articleToMarkdown(brief.articleDoc).trim(), ''];
  const listed = brief.sections.flatMap((s) => s.claims).sort((x, y) => x.number - y.number);
  for (const c of listed) {
    lines.push(`[^${c.number}]: ${mdInline(c.tag.label)} — ${STATUS_LABELS[c.status]}${c.gradeLabel ? `, ${c.gradeLabel}` : ''}${c.sourceDetail ? `. Source: ${mdInline(c.sourceDetail)}` : ''}`);
  }
  if (listed.length > 0) lines.push('');
  return lines;
}

export function toMarkdown(brief: Brief): string {
  const out = [...header(brief), ...summary(brief)];
  if (brief.sections.length === 0 && brief.orphaned.length === 0) out.push('## Claims', '', 'No claims match this export.', '');
  for (const section of brief.sections) {
    out.push(section.tag ? `## Claims: ${mdInline(section.tag.label)}` : '## Claims', '');
    for (const c of section.claims) out.push(...claimBlock(c));
  }
  if (brief.orphaned.length > 0) {
    out.push('## Orphaned claims', '', 'These quotes could not be located in the current version of the article.', '');
    for (const c of brief.orphaned) out.push(...claimBlock(c));
  }
  out.push(...sources(brief));
  out.push(...articleText(brief));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
