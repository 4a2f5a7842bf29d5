// Caret browsing over the reader's canonical text (lib/anchoring: blocks joined by "\n"). The
// reader is read-only, and a read-only ProseMirror view moves no caret and extends no selection,
// so the caret is ours: an {anchor, head} pair of canonical offsets moved by these pure rules.
// Lines (Up/Down) depend on layout and are resolved by the hook through the view's coordinates.

export type Caret = { anchor: number; head: number };
export type CaretUnit = 'char' | 'word' | 'block';
export type CaretDirection = 'backward' | 'forward';
/** `horizontal`: a Left/Right arrow, whose logical direction depends on the text's (see inTextDirection). */
export type CaretCommand = { kind: 'move'; unit: CaretUnit | 'line'; direction: CaretDirection; extend: boolean; horizontal?: boolean };

/** The caret command a key stands for in caret mode, or null (the key keeps its usual meaning). */
export function caretCommandOf(event: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): CaretCommand | null {
  if (event.metaKey) return null;
  const extend = event.shiftKey;
  // Alt+Arrow is the Mac word step; Ctrl+Arrow everywhere else.
  const word = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { kind: 'move', unit: word ? 'word' : 'char', direction: 'backward', extend, horizontal: true };
    case 'ArrowRight':
      return { kind: 'move', unit: word ? 'word' : 'char', direction: 'forward', extend, horizontal: true };
    case 'ArrowUp':
      return { kind: 'move', unit: word ? 'block' : 'line', direction: 'backward', extend };
    case 'ArrowDown':
      return { kind: 'move', unit: word ? 'block' : 'line', direction: 'forward', extend };
    case 'Home':
      return { kind: 'move', unit: 'block', direction: 'backward', extend };
    case 'End':
      return { kind: 'move', unit: 'block', direction: 'forward', extend };
    default:
      return null;
  }
}

// Letters of the right-to-left scripts (bidi classes R and AL); digits and punctuation are weak and
// do not decide a block's direction.
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

/**
 * Whether the block holding `offset` reads right to left, decided as the reader's `dir="auto"`
 * decides it: by the block's first strong letter.
 */
export function isRightToLeftAt(text: string, offset: number): boolean {
  const at = Math.max(0, Math.min(text.length, offset));
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  for (const ch of text.slice(start, end < 0 ? text.length : end)) {
    if (RTL_LETTER.test(ch)) return true;
    if (LETTER.test(ch)) return false;
  }
  return false;
}

/**
 * The logical direction of a command in the block at `offset`: in a right-to-left paragraph the
 * Left arrow goes on through the text (forward) and the Right arrow back, as in any RTL editor.
 */
export function inTextDirection(command: CaretCommand, text: string, offset: number): CaretDirection {
  if (!command.horizontal || !isRightToLeftAt(text, offset)) return command.direction;
  return command.direction === 'forward' ? 'backward' : 'forward';
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’-]/u;

/** [start, end) of every word in `text` (Intl.Segmenter where there is one: Urdu, Thai, CJK too). */
export function wordsOf(text: string): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) if (s.isWordLike) words.push([s.index, s.index + s.segment.length]);
    return words;
  }
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isWord = i < text.length && WORD_CHAR.test(text[i]!);
    if (isWord && start < 0) start = i;
    if (!isWord && start >= 0) {
      words.push([start, i]);
      start = -1;
    }
  }
  return words;
}

/**
 * Where one step takes an offset: a character (never splitting a surrogate pair); a word (forward
 * to the end of the next word, backward to the start of the previous one, so Shift+Ctrl+Arrow
 * from a word's edge selects whole words without the space after them); a block (its start or end,
 * then the neighbouring block's).
 */
export function stepOffset(text: string, offset: number, unit: CaretUnit, direction: CaretDirection, words: ReadonlyArray<[number, number]> = wordsOf(text)): number {
  const at = Math.max(0, Math.min(text.length, offset));
  if (unit === 'char') {
    if (direction === 'forward') {
      if (at >= text.length) return text.length;
      const code = text.charCodeAt(at);
      return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? at + 2 : at + 1;
    }
    if (at <= 0) return 0;
    const code = text.charCodeAt(at - 1);
    return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  }
  if (unit === 'word') {
    if (direction === 'forward') {
      const next = words.find(([, end]) => end > at);
      return next ? next[1] : text.length;
    }
    for (let i = words.length - 1; i >= 0; i--) if (words[i]![0] < at) return words[i]![0];
    return 0;
  }
  if (direction === 'forward') {
    const end = text.indexOf('\n', at);
    if (end < 0) return text.length;
    if (end > at) return end;
    const after = text.indexOf('\n', at + 1);
    return after < 0 ? text.length : after;
  }
  if (at <= 0) return 0;
  const start = text.lastIndexOf('\n', at - 1) + 1;
  if (start < at) return start;
  return at - 1 <= 0 ? 0 : text.lastIndexOf('\n', at - 2) + 1;
}

/** The caret after a step: moving collapses it onto the new head, extending keeps the anchor. */
export function moveCaret(caret: Caret, head: number, extend: boolean): Caret {
  return extend ? { anchor: caret.anchor, head } : { anchor: head, head };
}

/** The caret's selection as an ordered range, or null when it is collapsed. */
export function caretRange(caret: Caret): { start: number; end: number } | null {
  if (caret.anchor === caret.head) return null;
  return { start: Math.min(caret.anchor, caret.head), end: Math.max(caret.anchor, caret.head) };
}
