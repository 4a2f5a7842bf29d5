import { describe, expect, it } from 'vitest';
import { caretCommandOf, caretRange, inTextDirection, isRightToLeftAt, moveCaret, stepOffset, wordsOf } from '@/components/reader/caret-movement';

const TEXT = 'The UN report, released this month.\nIt names 20 groups.';
const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('caretCommandOf', () => {
  it('maps arrows to characters, Ctrl/Alt+arrows to words, Shift to extending, Home/End and Ctrl+Up/Down to blocks', () => {
    expect(caretCommandOf(key('ArrowRight'))).toEqual({ kind: 'move', unit: 'char', direction: 'forward', extend: false, horizontal: true });
    expect(caretCommandOf(key('ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'move', unit: 'char', direction: 'backward', extend: true, horizontal: true });
    expect(caretCommandOf(key('ArrowRight', { shiftKey: true, ctrlKey: true }))).toEqual({ kind: 'move', unit: 'word', direction: 'forward', extend: true, horizontal: true });
    expect(caretCommandOf(key('ArrowLeft', { altKey: true }))).toMatchObject({ unit: 'word', direction: 'backward' });
    expect(caretCommandOf(key('ArrowDown'))).toMatchObject({ unit: 'line', direction: 'forward' });
    expect(caretCommandOf(key('ArrowUp', { ctrlKey: true }))).toMatchObject({ unit: 'block', direction: 'backward' });
    expect(caretCommandOf(key('End', { shiftKey: true }))).toEqual({ kind: 'move', unit: 'block', direction: 'forward', extend: true });
  });

  it('leaves every other key alone (1/2/3, j/k, Enter, Cmd+arrows)', () => {
    for (const k of ['1', 'j', 'Enter', 'Escape', 'a']) expect(caretCommandOf(key(k))).toBeNull();
    expect(caretCommandOf(key('ArrowRight', { metaKey: true }))).toBeNull();
  });
});

describe('stepOffset', () => {
  const words = wordsOf(TEXT);

  it('finds words, not the punctuation or spaces between them', () => {
    expect(words.slice(0, 4).map(([s, e]) => TEXT.slice(s, e))).toEqual(['The', 'UN', 'report', 'released']);
  });

  it('steps one character, clamped to the text', () => {
    expect(stepOffset(TEXT, 0, 'char', 'forward', words)).toBe(1);
    expect(stepOffset(TEXT, 0, 'char', 'backward', words)).toBe(0);
    expect(stepOffset(TEXT, TEXT.length, 'char', 'forward', words)).toBe(TEXT.length);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    expect(stepOffset(text, 1, 'char', 'forward')).toBe(3);
    expect(stepOffset(text, 3, 'char', 'backward')).toBe(1);
  });

  it('steps forward to the end of the next word and back to the start of the previous one', () => {
    const report = TEXT.indexOf('report');
    expect(stepOffset(TEXT, 0, 'word', 'forward', words)).toBe(3); // "The|"
    expect(stepOffset(TEXT, 3, 'word', 'forward', words)).toBe(6); // " UN|"
    expect(stepOffset(TEXT, report + 6, 'word', 'forward', words)).toBe(TEXT.indexOf('released') + 'released'.length); // skips ", "
    expect(stepOffset(TEXT, report + 6, 'word', 'backward', words)).toBe(report);
    expect(stepOffset(TEXT, report, 'word', 'backward', words)).toBe(TEXT.indexOf('UN'));
    expect(stepOffset(TEXT, 2, 'word', 'backward', words)).toBe(0);
  });

  it('selects whole words with repeated Shift+Ctrl+Right from a word start', () => {
    let caret = { anchor: TEXT.indexOf('UN'), head: TEXT.indexOf('UN') };
    for (let i = 0; i < 2; i++) caret = moveCaret(caret, stepOffset(TEXT, caret.head, 'word', 'forward', words), true);
    const range = caretRange(caret)!;
    expect(TEXT.slice(range.start, range.end)).toBe('UN report');
  });

  it('moves across words of any script (Urdu)', () => {
    const urdu = 'اقوام متحدہ کی رپورٹ';
    expect(stepOffset(urdu, 0, 'word', 'forward')).toBe('اقوام'.length);
  });

  it('steps to the start or end of the block, then into the neighbouring block', () => {
    const newline = TEXT.indexOf('\n');
    expect(stepOffset(TEXT, 5, 'block', 'forward', words)).toBe(newline);
    expect(stepOffset(TEXT, newline, 'block', 'forward', words)).toBe(TEXT.length);
    expect(stepOffset(TEXT, newline + 4, 'block', 'backward', words)).toBe(newline + 1);
    expect(stepOffset(TEXT, newline + 1, 'block', 'backward', words)).toBe(0);
    expect(stepOffset(TEXT, 0, 'block', 'backward', words)).toBe(0);
  });
});

describe('moveCaret and caretRange', () => {
  it('moving collapses onto the new head, extending keeps the anchor, either direction', () => {
    expect(moveCaret({ anchor: 2, head: 5 }, 7, false)).toEqual({ anchor: 7, head: 7 });
    expect(moveCaret({ anchor: 5, head: 5 }, 2, true)).toEqual({ anchor: 5, head: 2 });
    expect(caretRange({ anchor: 5, head: 2 })).toEqual({ start: 2, end: 5 });
    expect(caretRange({ anchor: 3, head: 3 })).toBeNull();
  });
});

describe('right-to-left paragraphs', () => {
  // An English paragraph, an Urdu one that opens with a figure (weak: the first letter decides), an Arabic one.
  const MIXED = 'The UN report names TTP.\n2023 میں ٹی ٹی پی کے حملے بڑھ گئے۔\nقال التقرير إن الحركة تنشط.';
  const urdu = MIXED.indexOf('میں');
  const arabic = MIXED.indexOf('التقرير');

  it('finds a block\'s direction by its first strong letter, as dir="auto" does', () => {
    expect(isRightToLeftAt(MIXED, 4)).toBe(false);
    expect(isRightToLeftAt(MIXED, MIXED.indexOf('2023'))).toBe(true);
    expect(isRightToLeftAt(MIXED, arabic)).toBe(true);
    expect(isRightToLeftAt('2023: 6,000 fighters', 0)).toBe(false);
    expect(isRightToLeftAt('', 0)).toBe(false);
  });

  it('the Left arrow goes on through an RTL paragraph and the Right arrow back; LTR and Up/Down keep their meaning', () => {
    const left = caretCommandOf(key('ArrowLeft'))!;
    const right = caretCommandOf(key('ArrowRight', { ctrlKey: true }))!;
    const down = caretCommandOf(key('ArrowDown'))!;
    expect(inTextDirection(left, MIXED, urdu)).toBe('forward');
    expect(inTextDirection(right, MIXED, urdu)).toBe('backward');
    expect(inTextDirection(left, MIXED, 4)).toBe('backward');
    expect(inTextDirection(right, MIXED, 4)).toBe('forward');
    expect(inTextDirection(down, MIXED, urdu)).toBe('forward');
  });

  it('Shift+Ctrl+Left in Arabic selects the next words in reading order', () => {
    const command = caretCommandOf(key('ArrowLeft', { shiftKey: true, ctrlKey: true }))!;
    const head = stepOffset(MIXED, arabic, 'word', inTextDirection(command, MIXED, arabic));
    expect(MIXED.slice(arabic, head)).toBe('التقرير');
  });
});
