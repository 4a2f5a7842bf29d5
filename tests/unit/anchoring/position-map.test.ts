import { getSchema } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import {
  buildPositionMap,
  buildPositionMapFromJson,
  buildPositionMapFromPm,
  canonicalTextOf,
  type PositionMap,
} from '@/lib/anchoring';
import { paragraph, type TiptapDoc } from '@/lib/articles/tiptap-doc';
import { articleDoc, loadArticle, nestedDoc } from './fixtures';

const schema = getSchema([StarterKit]);
const article = loadArticle();

/** Every offset lands inside a textblock on the character it names, and maps back to itself. */
function expectFaithful(doc: TiptapDoc, map: PositionMap, pm: PmNode): void {
  const text = canonicalTextOf(doc);
  expect(map.textLength).toBe(text.length);
  expect(map.docSize).toBe(pm.content.size);
  for (let offset = 0; offset <= text.length; offset++) {
    const pos = map.toPmPos(offset);
    expect(pm.resolve(pos).parent.isTextblock).toBe(true);
    expect(map.toOffset(pos)).toBe(offset);
    if (offset < text.length && text[offset] !== '\n') {
      expect(pm.textBetween(pos, pos + 1, '', ' ')).toBe(text[offset]);
    }
  }
}

describe('position map', () => {
  it('round-trips every offset of the demo article', () => {
    const doc = articleDoc(article);
    const pm = schema.nodeFromJSON(doc);
    expectFaithful(doc, buildPositionMap(doc), pm);
    expectFaithful(doc, buildPositionMap(pm), pm);
  });

  it('round-trips every offset of a nested doc (lists, blockquote, hardBreak, rules, code)', () => {
    const doc = nestedDoc(article);
    const pm = schema.nodeFromJSON(doc);
    expect(pm.childCount).toBe(doc.content.length);
    expectFaithful(doc, buildPositionMapFromJson(doc), pm);
    expectFaithful(doc, buildPositionMapFromPm(pm), pm);
  });

  it('gives identical answers from the JSON and from the live node at every position', () => {
    for (const doc of [articleDoc(article), nestedDoc(article)]) {
      const pm = schema.nodeFromJSON(doc);
      const fromJson = buildPositionMapFromJson(doc);
      const fromPm = buildPositionMapFromPm(pm);
      expect(fromPm.docSize).toBe(fromJson.docSize);
      for (let pos = -2; pos <= pm.content.size + 2; pos++) {
        expect([fromPm.toOffset(pos, -1), fromPm.toOffset(pos, 1)]).toEqual([fromJson.toOffset(pos, -1), fromJson.toOffset(pos, 1)]);
      }
      for (let offset = -2; offset <= fromJson.textLength + 2; offset++) {
        expect([fromPm.toPmPos(offset, 1), fromPm.toPmPos(offset, -1)]).toEqual([fromJson.toPmPos(offset, 1), fromJson.toPmPos(offset, -1)]);
      }
    }
  });

  it('maps every position inside a textblock to an offset that maps back to it', () => {
    const doc = nestedDoc(article);
    const pm = schema.nodeFromJSON(doc);
    const map = buildPositionMap(pm);
    let inside = 0;
    for (let pos = 0; pos <= pm.content.size; pos++) {
      const offset = map.toOffset(pos);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(map.textLength);
      if (pm.resolve(pos).parent.isTextblock) {
        inside++;
        expect(map.toPmPos(offset)).toBe(pos);
      }
    }
    expect(inside).toBe(map.textLength + 1);
  });

  it('maps positions between blocks to the end of the block before (or the start of the next with bias 1)', () => {
    // doc: <p>ab</p><hr><blockquote><p>cd</p></blockquote>   text "ab\ncd"
    const doc: TiptapDoc = {
      type: 'doc',
      content: [paragraph('ab'), { type: 'horizontalRule' }, { type: 'blockquote', content: [paragraph('cd')] }],
    };
    const map = buildPositionMap(doc);
    expect(canonicalTextOf(doc)).toBe('ab\ncd');
    // positions: 0 <p> 1 a 2 b 3 </p> 4 <hr> 5 <bq> 6 <p> 7 c 8 d 9 </p> 10 </bq> 11
    expect(map.docSize).toBe(11);
    expect([0, 1, 2, 3].map((p) => map.toOffset(p))).toEqual([0, 0, 1, 2]);
    expect([4, 5, 6].map((p) => map.toOffset(p))).toEqual([2, 2, 2]);
    expect([4, 5, 6].map((p) => map.toOffset(p, 1))).toEqual([3, 3, 3]);
    expect([7, 8, 9].map((p) => map.toOffset(p))).toEqual([3, 4, 5]);
    expect([10, 11].map((p) => map.toOffset(p, -1))).toEqual([5, 5]);
    expect([10, 11].map((p) => map.toOffset(p, 1))).toEqual([5, 5]);
    expect(map.toOffset(0, 1)).toBe(0);
    // The "\n" (offset 2) is the end of the first paragraph; offset 3 starts the next one.
    expect([0, 1, 2, 3, 4, 5].map((o) => map.toPmPos(o))).toEqual([1, 2, 3, 7, 8, 9]);
    expect(map.toPmPos(3, -1)).toBe(3);
    expect(map.toPmRange(0, 3)).toEqual({ from: 1, to: 3 });
    expect(map.toPmRange(3, 3)).toEqual({ from: 7, to: 7 });
    expect(map.toPmRange(1, 4)).toEqual({ from: 2, to: 8 });
  });

  it('clamps out-of-range and non-finite input instead of throwing', () => {
    const map = buildPositionMap(articleDoc('Hello\nWorld'));
    expect(map.toPmPos(-5)).toBe(1);
    expect(map.toPmPos(999)).toBe(map.toPmPos(11));
    expect(map.toPmPos(Number.NaN)).toBe(1);
    expect(map.toOffset(Number.POSITIVE_INFINITY)).toBe(11);
    expect(map.toOffset(-3)).toBe(0);
    const empty = buildPositionMap({ type: 'doc', content: [] });
    expect([empty.textLength, empty.toPmPos(3), empty.toOffset(3)]).toEqual([0, 0, 0]);
  });
});
