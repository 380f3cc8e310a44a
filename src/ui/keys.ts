/** A key's name: printable text, an editing or movement key, a mouse wheel step, or a letter with Ctrl/Alt. */
export type KeyName =
  | 'text'
  | 'char'
  | 'enter'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'escape'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'wheelup'
  | 'wheeldown'
  | 'ignored';

/**
 * One keypress. `text` is what a `text` key types, or the letter of a `char` key pressed with
 * Ctrl or Alt (`{name: 'char', text: 'w', ctrl: true}` is Ctrl-W).
 */
export interface Key {
  name: KeyName;
  text: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

const key = (name: KeyName, text = '', mods: Partial<Pick<Key, 'ctrl' | 'meta' | 'shift'>> = {}): Key => ({
  name,
  text,
  ctrl: mods.ctrl ?? false,
  meta: mods.meta ?? false,
  shift: mods.shift ?? false,
});

const CSI_LETTER: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Record<string, KeyName> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageup', '6': 'pagedown' };

/** C0 and C1 control characters (and DEL): never typed as text. */
const isControl = (code: number): boolean => code < 32 || (code >= 0x7f && code <= 0x9f);

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(param: string | undefined): Pick<Key, 'ctrl' | 'meta' | 'shift'> {
  const m = Math.max(0, Number(param ?? '1') - 1) || 0;
  return { shift: (m & 1) !== 0, meta: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

/** A wheel step from a mouse button code (SGR or X10), or an ignored mouse event. */
function mouse(button: number): Key {
  if ((button & 64) !== 0 && (button & 3) === 0) return key('wheelup');
  if ((button & 64) !== 0 && (button & 3) === 1) return key('wheeldown');
  return key('ignored');
}

/**
 * Turns terminal input into keypresses, every one of them: a burst of keys in one read ("Down
 * Down", five Lefts, text then Enter) gives one Key each, in order. It keeps state between reads
 * only for an X10 mouse report split across them.
 */
export class KeyDecoder {
  private mousePayload = -1;
  private payload = '';

  /** The keys in one chunk of input. */
  push(input: string): Key[] {
    const out: Key[] = [];
    let i = 0;
    if (this.mousePayload > 0) {
      const take = input.slice(0, this.mousePayload);
      this.payload += take;
      this.mousePayload -= take.length;
      i = take.length;
      if (this.mousePayload === 0) {
        out.push(mouse(this.payload.charCodeAt(0) - 32));
        this.mousePayload = -1;
        this.payload = '';
      }
    }
    while (i < input.length) {
      const c = input[i]!;
      if (c === '\u001b') {
        i = this.escape(input, i, out);
        continue;
      }
      if (c === '\r' || c === '\n') {
        out.push(key('enter'));
        i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      const code = c.charCodeAt(0);
      if (c === '\t') out.push(key('tab'));
      else if (c === '\u007f' || c === '\b') out.push(key('backspace'));
      else if (code >= 1 && code <= 26) out.push(key('char', String.fromCharCode(code + 96), { ctrl: true }));
      else if (isControl(code)) out.push(key('ignored'));
      else {
        // A run of printable text is one key: a paste stays one edit.
        let j = i;
        while (j < input.length && !isControl(input.charCodeAt(j))) j++;
        out.push(key('text', input.slice(i, j)));
        i = j;
        continue;
      }
      i++;
    }
    return out;
  }

  /** Decode an escape sequence starting at `i`; returns the index after it. */
  private escape(input: string, i: number, out: Key[]): number {
    const next = input[i + 1];
    if (next === undefined) {
      out.push(key('escape'));
      return i + 1;
    }
    if (next === '[') return this.csi(input, i, out, false);
    if (next === 'O' && i + 2 < input.length) {
      const name = CSI_LETTER[input[i + 2]!];
      out.push(name ? key(name) : key('ignored'));
      return i + 3;
    }
    if (next === '\u001b') {
      // Alt with a key that is itself an escape sequence (some terminals send Alt-Left so), or Esc Esc.
      if (input[i + 2] === '[') return this.csi(input, i + 1, out, true);
      out.push(key('escape'));
      return i + 1;
    }
    if (next === '\u007f' || next === '\b') out.push(key('backspace', '', { meta: true }));
    else if (next === '\r') out.push(key('enter', '', { meta: true }));
    else if (next.charCodeAt(0) >= 32) out.push(key('char', next.toLowerCase(), { meta: true, shift: next !== next.toLowerCase() }));
    else {
      out.push(key('escape'));
      return i + 1;
    }
    return i + 2;
  }

  /** A CSI sequence (ESC [ params final) at `i`. */
  private csi(input: string, i: number, out: Key[], meta: boolean): number {
    let j = i + 2;
    // Parameter bytes 0x30–0x3f and intermediate bytes 0x20–0x2f, then one final byte.
    while (j < input.length && input.charCodeAt(j) >= 0x20 && input.charCodeAt(j) <= 0x3f) j++;
    if (j >= input.length) {
      out.push(key('ignored'));
      return input.length;
    }
    const params = input.slice(i + 2, j);
    const final = input[j]!;
    const end = j + 1;
    if (params.startsWith('<') && (final === 'M' || final === 'm')) {
      // SGR mouse report: ESC [ < button ; x ; y M (press) or m (release).
      out.push(final === 'M' ? mouse(Number(params.slice(1).split(';')[0])) : key('ignored'));
      return end;
    }
    if (final === 'M' && params === '') {
      // X10 mouse report: three bytes follow (button, x, y), perhaps in the next read.
      const payload = input.slice(end, end + 3);
      if (payload.length === 3) {
        out.push(mouse(payload.charCodeAt(0) - 32));
        return end + 3;
      }
      this.mousePayload = 3 - payload.length;
      this.payload = payload;
      return input.length;
    }
    const parts = params.split(';');
    const mods = modifiers(parts[1]);
    if (meta) mods.meta = true;
    const name = final === '~' ? CSI_TILDE[parts[0]!] : CSI_LETTER[final];
    if (name) out.push(key(name, '', mods));
    else if (final === 'Z') out.push(key('tab', '', { shift: true }));
    else out.push(key('ignored'));
    return end;
  }
}

/** All the keys in one string of terminal input (a fresh decoder: for tests and one-off reads). */
export function decodeKeys(input: string): Key[] {
  return new KeyDecoder().push(input);
}
