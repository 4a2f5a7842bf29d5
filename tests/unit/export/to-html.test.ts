import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS } from '@/lib/export/brief-input';
import { toHtml } from '@/lib/export/to-html';
import { HOSTILE, buildFixture } from './fixture';

describe('toHtml', () => {
  const input = buildFixture();
  const brief = buildBrief(input, DEFAULT_BRIEF_OPTIONS);
  const html = toHtml(brief);

  it('is a complete standalone, print-ready document without scripts or external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<html lang="en">[\s\S]*<head>[\s\S]*<meta charset="utf-8">[\s\S]*<\/head>[\s\S]*<body>[\s\S]*<\/body>\s*<\/html>\s*$/);
    expect(html).toMatch(/@media print\s*\{/);
    expect(html).toMatch(/\.claim\{[^}]*page-break-inside:\s*avoid/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b|<[a-z][^>]*\ssrc=|@import|url\(/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  });

  it('escapes all user text', () => {
    expect(html).toContain('Matches the monitoring team wording. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('See [x](javascript:alert(1))');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain(HOSTILE.rtl);
    expect(html).toContain(HOSTILE.emoji);
    const inp = buildFixture();
    inp.article.title = '"><svg onload=alert(1)>';
    inp.desk.name = '</style><script>x()</script>';
    inp.tags[0].label = '<u>UN</u>';
    const out = toHtml(buildBrief(inp, DEFAULT_BRIEF_OPTIONS));
    expect(out).not.toMatch(/<svg|<script|<u>/i);
    expect(out).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
  });

  it('has a summary table with a bar per tag in the tag colour, scaled to the largest tag', () => {
    const bars = [...html.matchAll(/<span class="bar" style="width:([\d.]+)rem;background:(#[0-9a-f]{6})"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(bars).toEqual([
      [12, '#2563eb'],
      [6, '#dc2626'],
      [6, '#16a34a'],
    ]);
    expect(html).toMatch(/<td class="num">4<\/td><td class="num">50%<\/td>/);
  });

  it('highlights each quote in its tag colour', () => {
    expect(html).toMatch(/<mark style="background:#2563eb33;[^"]*">Afghanistan has once again become a safe haven for militant groups<\/mark>/);
    expect(html).toMatch(/<mark style="background:#dc262633;[^"]*">senior BLA figures/);
  });

  it('links every superscript marker in the article to an existing claim', () => {
    const refs = [...html.matchAll(/<sup id="ref-(\d+)"><a href="#claim-(\d+)">\[(\d+)\]<\/a><\/sup>/g)];
    expect(refs.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const m of refs) {
      expect(m[1]).toBe(m[2]);
      expect(html).toContain(`id="claim-${m[2]}"`);
    }
    expect(html).toContain('safe haven for militant groups<sup id="ref-2">');
    expect(html).toContain('id="claim-8"'); // orphaned claim is listed
    expect(html).not.toContain('id="ref-8"');
  });

  it('shows verdicts with dispute comments, grade, confidence and replies', () => {
    expect(html).toMatch(/<strong>Dispute<\/strong> — Sara Lindqvist, 2025-06-03 \(suggests tag analyst\): <span[^>]*>PIPS database/);
    expect(html).toContain('<dt>Grade</dt><dd>C3</dd>');
    expect(html).toContain('<dt>Confidence</dt><dd>Medium</dd>');
    expect(html).toContain('Tom Becker, 2025-06-02: <span style="white-space:pre-wrap">Agree this is opinion @channel &lt;script&gt;');
  });

  it('hides reviewer names when asked', () => {
    const out = toHtml(buildBrief(input, { ...DEFAULT_BRIEF_OPTIONS, includeReviewerNames: false }));
    expect(out).not.toContain('Sara Lindqvist, 2025-06-03');
    expect(out).toContain('<strong>Dispute</strong> — a reviewer');
  });
});
