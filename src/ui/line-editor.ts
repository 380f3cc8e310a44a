import type { Key } from './keys.js';

/** An input line being edited: its text, the cursor (an index into `text`), and the last killed text. */
export interface LineState {
  text: string;
  cursor: number;
  /** What Ctrl-U/K/W or Alt-D/Backspace removed last; Ctrl-Y puts it back. */
  killed: string;
}

/** An empty line. */
export const EMPTY_LINE: LineState = { text: '', cursor: 0, killed: '' };

/** Longest line kept: far beyond any question, short enough to keep redraws cheap. */
export const MAX_LINE = 2000;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Index of the character boundary before `i` (a whole emoji or accented letter, not half of one). */
function prevBoundary(text: string, i: number): number {
  let last = 0;
  for (const { index } of graphemes.segment(text)) {
    if (index >= i) break;
    last = index;
  }
  return last;
}

/** Index of the character boundary after `i`. */
function nextBoundary(text: string, i: number): number {
  for (const { index, segment } of graphemes.segment(text)) if (index >= i) return index + segment.length;
  return text.length;
}

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_']/u.test(ch);
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Start of the word before the cursor (Alt-B, Ctrl-Left): skip non-word characters, then the word. */
function wordLeft(text: string, i: number): number {
  while (i > 0 && !isWord(text[i - 1])) i--;
  while (i > 0 && isWord(text[i - 1])) i--;
  return i;
}

/** End of the word after the cursor (Alt-F, Ctrl-Right). */
function wordRight(text: string, i: number): number {
  while (i < text.length && !isWord(text[i])) i++;
  while (i < text.length && isWord(text[i])) i++;
  return i;
}

/** Start of the whitespace-separated word before the cursor (Ctrl-W, as in a shell). */
function bigWordLeft(text: string, i: number): number {
  while (i > 0 && isSpace(text[i - 1])) i--;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

const move = (s: LineState, cursor: number): LineState => (cursor === s.cursor ? s : { ...s, cursor });

/** Remove text[from, to) and remember it for Ctrl-Y (when `kill`). */
function cut(s: LineState, from: number, to: number, kill: boolean): LineState {
  if (from >= to) return s;
  return { text: s.text.slice(0, from) + s.text.slice(to), cursor: from, killed: kill ? s.text.slice(from, to) : s.killed };
}

function insert(s: LineState, typed: string): LineState {
  // Typed or pasted text: control characters and bidi overrides never enter the line; tabs and
  // newlines become spaces.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = typed.replace(/[\t\r\n]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  const room = MAX_LINE - s.text.length;
  if (!clean || room <= 0) return s;
  const add = clean.length <= room ? clean : [...clean].slice(0, room).join('');
  return { ...s, text: s.text.slice(0, s.cursor) + add + s.text.slice(s.cursor), cursor: s.cursor + add.length };
}

/**
 * Apply one key to an input line, the way a shell's line editor does: text inserts at the
 * cursor; Left/Right, Home/End and Ctrl-A/E/B/F move; Alt- or Ctrl-arrows and Alt-B/F move by
 * word; Backspace/Delete/Ctrl-D delete; Ctrl-U/K kill to the start/end, Ctrl-W the word before
 * the cursor, Alt-D the word after, Alt-Backspace the word before; Ctrl-Y yanks the last kill.
 * Returns the new state, or undefined for a key that is not an editing key (Enter, Esc, Tab,
 * PageUp…), which the caller handles. Pure: a burst of keys is `keys.reduce`.
 */
export function editLine(s: LineState, k: Key): LineState | undefined {
  const { text, cursor } = s;
  if (k.name === 'text') return insert(s, k.text);
  const word = k.ctrl || k.meta;
  switch (k.name) {
    case 'left':
      return move(s, word ? wordLeft(text, cursor) : prevBoundary(text, cursor));
    case 'right':
      return move(s, word ? wordRight(text, cursor) : nextBoundary(text, cursor));
    case 'home':
      return move(s, 0);
    case 'end':
      return move(s, text.length);
    case 'backspace':
      return word ? cut(s, wordLeft(text, cursor), cursor, true) : cut(s, prevBoundary(text, cursor), cursor, false);
    case 'delete':
      return word ? cut(s, cursor, wordRight(text, cursor), true) : cut(s, cursor, nextBoundary(text, cursor), false);
    case 'char':
      break;
    default:
      return undefined;
  }
  if (k.ctrl) {
    switch (k.text) {
      case 'a':
        return move(s, 0);
      case 'e':
        return move(s, text.length);
      case 'b':
        return move(s, prevBoundary(text, cursor));
      case 'f':
        return move(s, nextBoundary(text, cursor));
      case 'd':
        return cut(s, cursor, nextBoundary(text, cursor), false);
      case 'h':
        return cut(s, prevBoundary(text, cursor), cursor, false);
      case 'u':
        return cut(s, 0, cursor, true);
      case 'k':
        return cut(s, cursor, text.length, true);
      case 'w':
        return cut(s, bigWordLeft(text, cursor), cursor, true);
      case 'y':
        return s.killed ? insert(s, s.killed) : s;
      default:
        return undefined;
    }
  }
  if (k.meta) {
    switch (k.text) {
      case 'b':
        return move(s, wordLeft(text, cursor));
      case 'f':
        return move(s, wordRight(text, cursor));
      case 'd':
        return cut(s, cursor, wordRight(text, cursor), true);
      default:
        return undefined;
    }
  }
  return undefined;
}
