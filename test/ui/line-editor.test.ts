import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeys } from '../../src/ui/keys.js';
import { EMPTY_LINE, editLine, MAX_LINE, type LineState } from '../../src/ui/line-editor.js';

/** Type terminal input into a line; returns the text with "|" at the cursor. */
function typed(input: string, start: LineState = EMPTY_LINE): string {
  const s = decodeKeys(input).reduce((st, k) => editLine(st, k) ?? st, start);
  return `${s.text.slice(0, s.cursor)}|${s.text.slice(s.cursor)}`;
}
const LEFT = '\u001b[D';
const RIGHT = '\u001b[C';

describe('the line editor (a pure reducer over keys)', () => {
  it('types text and moves by character; a burst of five Lefts moves five', () => {
    expect(typed('hello world')).toBe('hello world|');
    expect(typed(`hello world${LEFT.repeat(5)}`)).toBe('hello |world');
    expect(typed(`hello${LEFT.repeat(9)}`)).toBe('|hello');
    expect(typed(`ab${LEFT}${LEFT}${RIGHT}X`)).toBe('aX|b');
  });

  it('Home/End and Ctrl-A/E go to the ends; typing inserts at the cursor', () => {
    expect(typed('world\u001b[Hhello ')).toBe('hello |world');
    expect(typed('world\u0001hello \u0005!')).toBe('hello world!|');
    expect(typed(`ab\u001b[1~\u001b[4~c`)).toBe('abc|');
  });

  it('Backspace and Delete remove one character (a whole emoji, not half of one)', () => {
    expect(typed('abc\u007f')).toBe('ab|');
    expect(typed(`abc${LEFT}${LEFT}\u001b[3~`)).toBe('a|c');
    expect(typed('hi 👋\u007f')).toBe('hi |');
    expect(typed(`é👋x${LEFT}${LEFT}`)).toBe('é|👋x');
    expect(typed('\u007f\u001b[3~')).toBe('|');
  });

  it('Ctrl-U and Ctrl-K kill to the start and end; Ctrl-Y yanks it back', () => {
    expect(typed(`what is it like${LEFT.repeat(4)}\u0015`)).toBe('|like');
    expect(typed(`what is it like${LEFT.repeat(4)}\u000b`)).toBe('what is it |');
    expect(typed(`what is it like${LEFT.repeat(4)}\u000b\u0001\u0019`)).toBe('like|what is it ');
  });

  it('Ctrl-W kills the previous space-separated word; Alt-Backspace and Alt-D kill by word', () => {
    expect(typed('what is it like?  \u0017')).toBe('what is it |');
    expect(typed('see e-mail\u0017')).toBe('see |');
    expect(typed('see e-mail\u001b\u007f')).toBe('see e-|');
    expect(typed('one two three\u0001\u001bd')).toBe('| two three');
  });

  it('moves by word with Ctrl- and Alt-arrows and Alt-B/F', () => {
    const text = 'what does a typical day look like';
    expect(typed(`${text}\u001b[1;5D\u001b[1;5D`)).toBe('what does a typical day |look like');
    expect(typed(`${text}\u001bb\u001bb\u001bb`)).toBe('what does a typical |day look like');
    expect(typed(`${text}\u0001\u001b[1;3C\u001b[1;3C`)).toBe('what does| a typical day look like');
    expect(typed(`${text}\u0001\u001bf`)).toBe('what| does a typical day look like');
    expect(typed(`don't go\u001bb\u001bb`)).toBe("|don't go");
  });

  it('Enter, Esc, Tab and paging are not editing keys: the caller handles them', () => {
    for (const input of ['\r', '\u001b', '\t', '\u001b[5~', '\u001b[A', '\u0003', '\u001bx']) {
      expect(editLine({ text: 'ab', cursor: 1, killed: '' }, decodeKeys(input)[0]!)).toBeUndefined();
    }
  });

  it('control characters never enter the line; tabs and newlines in text become spaces; the length is capped', () => {
    const text = (t: string) => editLine(EMPTY_LINE, { name: 'text', text: t, ctrl: false, meta: false, shift: false })!.text;
    expect(text('x\u0007y\u009bz')).toBe('xyz');
    expect(text('a\tb\nc')).toBe('a b c');
    expect(typed('x'.repeat(MAX_LINE + 50)).length).toBe(MAX_LINE + 1);
  });

  it('never throws and keeps the cursor inside the text, whatever the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '👋', ' ', '\u007f', '\u001b[3~', LEFT, RIGHT, '\u001b[1;5D', '\u001b[1;5C', '\u0001', '\u0005', '\u0015', '\u000b', '\u0017', '\u0019', '\u001bd', '\u001b\u007f')), (keys) => {
        const s = decodeKeys(keys.join('')).reduce((st, k) => editLine(st, k) ?? st, EMPTY_LINE);
        expect(s.cursor).toBeGreaterThanOrEqual(0);
        expect(s.cursor).toBeLessThanOrEqual(s.text.length);
        // Never half of a surrogate pair on either side of the cursor.
        expect(s.text.slice(0, s.cursor)).not.toMatch(/[\ud800-\udbff]$/);
      }),
    );
  });
});
