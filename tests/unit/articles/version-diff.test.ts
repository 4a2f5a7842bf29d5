import { describe, expect, it } from 'vitest';
import { diffVersions } from '@/lib/articles/version-diff';

function sides(ops: ReturnType<typeof diffVersions>) {
  return {
    old: ops.filter((o) => o.op !== 'insert').map((o) => o.text).join(''),
    new: ops.filter((o) => o.op !== 'delete').map((o) => o.text).join(''),
  };
}

describe('diffVersions', () => {
  it('reports word-level inserts, deletes and equal runs', () => {
    const ops = diffVersions('The UN said the threat is grave.', 'The UN report said the threat is grave.');
    expect(ops).toEqual([
      { op: 'equal', text: 'The UN ' },
      { op: 'insert', text: 'report ' },
      { op: 'equal', text: 'said the threat is grave.' },
    ]);
  });

  it('reports a replaced word as delete + insert', () => {
    expect(diffVersions('a big claim', 'a small claim')).toEqual([
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'big' },
      { op: 'insert', text: 'small' },
      { op: 'equal', text: ' claim' },
    ]);
  });

  it('reconstructs both sides and merges neighbours', () => {
    const oldText = 'Headline\nFirst para here.\nSecond para.';
    const newText = 'Headline\nFirst paragraph here, revised.\nThird para.\nNew one.';
    const ops = diffVersions(oldText, newText);
    expect(sides(ops)).toEqual({ old: oldText, new: newText });
    for (let i = 1; i < ops.length; i++) expect(ops[i].op).not.toBe(ops[i - 1].op);
    expect(ops.every((o) => o.text.length > 0)).toBe(true);
  });

  it('handles identical and empty texts', () => {
    expect(diffVersions('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
    expect(diffVersions('', '')).toEqual([]);
    expect(diffVersions('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
    expect(diffVersions('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
  });
});
