import { describe, expect, it } from 'vitest';
import { decodeKeys, KeyDecoder, type Key } from '../../src/ui/keys.js';

/** A compact name for a key: "text:abc", "down", "ctrl-w", "meta-left". */
const names = (input: string) => decodeKeys(input).map(short);
function short(k: Key): string {
  const mods = `${k.ctrl ? 'ctrl-' : ''}${k.meta ? 'meta-' : ''}${k.shift ? 'shift-' : ''}`;
  if (k.name === 'text') return `text:${k.text}`;
  return k.name === 'char' ? `${mods}${k.text}` : `${mods}${k.name}`;
}

describe('decoding terminal input into keys', () => {
  it('every key of a burst counts: Down Down, Left ×5, text then Enter', () => {
    expect(names('\u001b[B\u001b[B')).toEqual(['down', 'down']);
    expect(names('\u001b[D'.repeat(5))).toEqual(Array(5).fill('left'));
    expect(names('abc\r')).toEqual(['text:abc', 'enter']);
    expect(names('ab\u007f\u007fc')).toEqual(['text:ab', 'backspace', 'backspace', 'text:c']);
  });

  it('line-editing keys: Ctrl letters, Home/End in their several spellings, Delete', () => {
    expect(names('\u0001\u0005\u0015\u0017\u000b')).toEqual(['ctrl-a', 'ctrl-e', 'ctrl-u', 'ctrl-w', 'ctrl-k']);
    expect(names('\u001b[H\u001b[F\u001b[1~\u001b[4~\u001bOH\u001bOF\u001b[7~\u001b[8~')).toEqual(['home', 'end', 'home', 'end', 'home', 'end', 'home', 'end']);
    expect(names('\u001b[3~\u0008\t\u001b[Z')).toEqual(['delete', 'backspace', 'tab', 'shift-tab']);
  });

  it('word movement: Ctrl- and Alt-arrows (xterm modifiers and ESC-prefixed), Alt-B/F/D, Alt-Backspace', () => {
    expect(names('\u001b[1;5D\u001b[1;5C\u001b[1;3D\u001b[1;3C')).toEqual(['ctrl-left', 'ctrl-right', 'meta-left', 'meta-right']);
    expect(names('\u001b\u001b[D\u001bb\u001bf\u001bd\u001b\u007f')).toEqual(['meta-left', 'meta-b', 'meta-f', 'meta-d', 'meta-backspace']);
  });

  it('Esc alone, PageUp/PageDown, and Enter as CR, LF or CRLF (one Enter each)', () => {
    expect(names('\u001b')).toEqual(['escape']);
    expect(names('\u001b[5~\u001b[6~')).toEqual(['pageup', 'pagedown']);
    expect(names('a\rb\nc\r\nd')).toEqual(['text:a', 'enter', 'text:b', 'enter', 'text:c', 'enter', 'text:d']);
  });

  it('mouse wheel in SGR and X10 reports (an X10 report may be split across reads); clicks are ignored', () => {
    expect(names('\u001b[<64;10;5M\u001b[<65;10;5M\u001b[<0;3;4M\u001b[<0;3;4m')).toEqual(['wheelup', 'wheeldown', 'ignored', 'ignored']);
    expect(names('\u001b[M`!!\u001b[Ma!!')).toEqual(['wheelup', 'wheeldown']);
    const d = new KeyDecoder();
    expect(d.push('\u001b[M').map(short)).toEqual([]);
    expect(d.push('a!!x').map(short)).toEqual(['wheeldown', 'text:x']);
  });

  it('other control characters and unknown sequences are never text', () => {
    expect(names('\u0000\u001c\u009b\u001b[15~\u001bOP')).toEqual(['ignored', 'ignored', 'ignored', 'ignored', 'ignored']);
    expect(names('héllo 日本 👋')).toEqual(['text:héllo 日本 👋']);
  });
});
