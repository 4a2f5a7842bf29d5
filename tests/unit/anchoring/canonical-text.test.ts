import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { canonicalTextOf, canonicalTextOfPmNode } from '@/lib/anchoring';
import { heading, paragraph, textNode, type TiptapDoc } from '@/lib/articles/tiptap-doc';
import { articleDoc, loadArticle, nestedDoc } from './fixtures';

const schema = getSchema([StarterKit]);

describe('canonicalTextOf', () => {
  it('joins headings and paragraphs with a single newline', () => {
    const doc: TiptapDoc = { type: 'doc', content: [heading(1, 'Title'), paragraph('First.'), heading(2, 'Sub'), paragraph('Second.')] };
    expect(canonicalTextOf(doc)).toBe('Title\nFirst.\nSub\nSecond.');
  });

  it('concatenates marked text nodes and counts a hardBreak as one space', () => {
    const doc: TiptapDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [textNode('Bold', [{ type: 'bold' }]), textNode(' plain'), { type: 'hardBreak' }, textNode('next line')],
        },
      ],
    };
    expect(canonicalTextOf(doc)).toBe('Bold plain next line');
  });

  it('walks into lists and blockquotes, keeps empty paragraphs and skips horizontal rules', () => {
    const doc: TiptapDoc = {
      type: 'doc',
      content: [
        paragraph('Intro'),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph('one')] },
            { type: 'listItem', content: [paragraph('two'), { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('two.a')] }] }] },
          ],
        },
        { type: 'horizontalRule' },
        { type: 'blockquote', content: [paragraph('quoted'), paragraph('')] },
        paragraph('Outro'),
      ],
    };
    expect(canonicalTextOf(doc)).toBe('Intro\none\ntwo\ntwo.a\nquoted\n\nOutro');
  });

  it('reproduces the demo article line for line', () => {
    const text = loadArticle();
    expect(canonicalTextOf(articleDoc(text))).toBe(text);
  });

  it('reads the same string from a live ProseMirror node', () => {
    const text = loadArticle();
    for (const doc of [articleDoc(text), nestedDoc(text)]) {
      expect(canonicalTextOfPmNode(schema.nodeFromJSON(doc))).toBe(canonicalTextOf(doc));
    }
    expect(canonicalTextOf(nestedDoc(text))).toContain('ISLAMABAD: A new United Nations report');
  });
});
