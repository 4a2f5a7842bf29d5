import { diffWordsWithSpace } from 'diff';

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/**
 * Word-level diff between two versions' canonical texts. Adjacent parts with the same op are
 * merged, so concatenating equal+delete texts gives oldText and equal+insert texts gives newText.
 */
export function diffVersions(oldText: string, newText: string): DiffOp[] {
  const ops: DiffOp[] = [];
  for (const change of diffWordsWithSpace(oldText, newText)) {
    if (change.value === '') continue;
    const op: DiffOp['op'] = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += change.value;
    else ops.push({ op, text: change.value });
  }
  return ops;
}
