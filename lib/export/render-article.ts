// The article section of the brief rendered from its TipTap document with @tiptap/static-renderer:
// the same StarterKit schema as the reader, so structure and marks come out as the reader shows
// them. Claim markers are an inline atom node; links are re-checked here (http/https/mailto only).
import { Node, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { renderToMarkdown } from '@tiptap/static-renderer/pm/markdown';
import { CLAIM_MARKER, markerNumbers } from './article-with-markers';
import { html, mdInline, safeHttpUrl } from './escape';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';

export const ClaimMarker = Node.create({
  name: CLAIM_MARKER,
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes() {
    return { numbers: { default: [] as number[], rendered: false } };
  },
  renderHTML({ node }) {
    const numbers = markerNumbers(node.attrs.numbers);
    return ['span', { class: 'claim-refs' }, ...numbers.map((n) => ['sup', { id: `ref-${n}` }, ['a', { href: `#claim-${n}` }, `[${n}]`]])] as unknown as [string, ...unknown[]] as never;
  },
});

const EXTENSIONS = [StarterKit, ClaimMarker];
const STATIC_OPTIONS = { textDirection: 'auto' as const };

function joined(children: unknown): string {
  return Array.isArray(children) ? children.join('') : typeof children === 'string' ? children : '';
}

function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  if (/^mailto:/i.test(href.trim())) return href.trim();
  return safeHttpUrl(href);
}

/** HTML of the article blocks, each with dir="auto" (right-to-left paragraphs render as such); headings two levels down. */
export function articleToHtml(doc: TiptapDoc): string {
  return renderToHTMLString({
    content: doc as JSONContent,
    extensions: EXTENSIONS,
    staticEditorOptions: STATIC_OPTIONS,
    options: {
      nodeMapping: {
        [CLAIM_MARKER]: ({ node }) => markerNumbers(node.attrs.numbers).map((n) => `<sup id="ref-${n}"><a href="#claim-${n}">[${n}]</a></sup>`).join(''),
        // Under the brief's own h1 (its title) and h2 sections: the article's h1 becomes an h3.
        heading: ({ node, children }) => {
          const level = Math.min(6, Math.max(1, Number(node.attrs.level ?? 1)) + 2);
          return `<h${level} dir="auto">${joined(children)}</h${level}>`;
        },
      },
      markMapping: {
        link: ({ mark, children }) => {
          const href = safeLink(mark.attrs.href);
          return href ? `<a href="${html(href)}">${joined(children)}</a>` : joined(children);
        },
      },
    },
  });
}

/** Markdown of the article: claim markers as footnote references, every text escaped. */
export function articleToMarkdown(doc: TiptapDoc, headingOffset = 3): string {
  return renderToMarkdown({
    content: doc as JSONContent,
    extensions: EXTENSIONS,
    options: {
      nodeMapping: {
        text: ({ node }) => mdInline(node.text ?? ''),
        [CLAIM_MARKER]: ({ node }) => markerNumbers(node.attrs.numbers).map((n) => `[^${n}]`).join(''),
        heading: ({ node, children }) => `\n\n${'#'.repeat(Math.min(6, Number(node.attrs.level ?? 1) + headingOffset))} ${joined(children)}\n\n`,
        // Blank lines around blocks: CommonMark needs them between a paragraph and a list or quote.
        paragraph: ({ children }) => `\n\n${joined(children)}\n\n`,
        bulletList: ({ children }) => `\n\n${joined(children)}\n\n`,
        orderedList: ({ children }) => `\n\n${joined(children)}\n\n`,
        hardBreak: () => '\\\n',
      },
      markMapping: {
        link: ({ mark, children }) => {
          const href = safeLink(mark.attrs.href);
          // Angle brackets keep spaces and parentheses in the URL from ending it.
          return href ? `[${joined(children)}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : joined(children);
        },
      },
    },
  });
}
