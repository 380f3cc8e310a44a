import type { Readable, Writable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { decodeText, ReadProblem, readTextCapped } from '../io/read-file.js';

/** Whether to colour output on this stream: a TTY, and NO_COLOR / FORCE_COLOR respected. */
export function useColor(stream: Writable & { isTTY?: boolean }): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && process.env.TERM !== 'dumb';
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39] } as const;
/** A named ANSI style. */
export type Style = keyof typeof CODES;

/** Returns a painter that wraps text in ANSI styles, or leaves it alone when colour is off. */
export function painter(enabled: boolean): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

/** Longest line read from standard input; the rest of a longer line is skipped, not buffered. */
export const MAX_LINE_CHARS = 1024 * 1024;

/**
 * The lines of a text stream, CR stripped, each cut to `maxChars` while reading (so a stream with
 * no newline, like /dev/zero, never fills memory). UTF-8 with or without a byte-order mark, or
 * UTF-16 with one; a NUL byte in UTF-8 input means it is not text (ReadProblem). Invalid UTF-8
 * arrives as U+FFFD, so a line never disappears and alignment with the input holds.
 */
export async function* lines(input: Readable, maxChars = MAX_LINE_CHARS): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let utf8 = true;
  let cur = '';
  let pending = false;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (!decoder) {
      const enc = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
      utf8 = enc === 'utf-8';
      decoder = new TextDecoder(enc);
    }
    if (utf8 && bytes.includes(0)) throw new ReadProblem('is not text (it contains NUL bytes)');
    const text = decoder.decode(bytes, { stream: true });
    if (!utf8 && text.includes('\u0000')) throw new ReadProblem('is not text (it contains NUL characters)');
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = text.slice(start, nl < 0 ? text.length : nl);
      if (cur.length < maxChars) cur += piece.length > maxChars - cur.length ? piece.slice(0, maxChars - cur.length) : piece;
      pending = pending || piece.length > 0;
      if (nl < 0) break;
      yield cur.endsWith('\r') ? cur.slice(0, -1) : cur;
      cur = '';
      pending = false;
      start = nl + 1;
    }
  }
  if (decoder) cur += decoder.decode();
  if (pending || cur) yield cur.endsWith('\r') ? cur.slice(0, -1) : cur;
}

/** Read lines from a stream (see `lines`), one callback per line. */
export async function forEachLine(input: Readable, onLine: (line: string) => void): Promise<void> {
  for await (const line of lines(input)) onLine(line);
}

/** How standard input is named in messages. */
export const STDIN_NAME = '-';

/**
 * Read a text input named on the command line, at most `maxBytes`: a regular file (see
 * readTextCapped: folders, FIFOs and devices are refused), or standard input for `-`.
 * Throws ReadProblem with the reason.
 */
export async function readInput(name: string, maxBytes: number): Promise<string> {
  if (name !== STDIN_NAME) return readTextCapped(name, maxBytes).text;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new ReadProblem(`is more than ${maxBytes} bytes; the limit is ${maxBytes}`);
    chunks.push(chunk);
  }
  return decodeText(Buffer.concat(chunks, total)).text;
}

/** One line saying why an input could not be read: "cannot read: no such file". */
export function readError(err: unknown): string {
  return `cannot read: ${err instanceof ReadProblem ? err.message : String((err as Error)?.message ?? err).split('\n')[0]}`;
}

/** A progress bar on stderr ("scoring [####....] 12/100"), drawn only in a terminal and at most ten times a second. */
export function progress(total: number, label: string): { tick(done: number): void; clear(): void } {
  const on = process.stderr.isTTY === true && total > 1;
  let last = 0;
  return {
    tick(done) {
      if (!on || (Date.now() - last < 100 && done < total)) return;
      last = Date.now();
      const f = Math.round((done / total) * 30);
      process.stderr.write(`\r${label} [${'#'.repeat(f)}${'.'.repeat(30 - f)}] ${done}/${total}`);
    },
    clear() {
      if (on) process.stderr.write('\r\u001b[2K');
    },
  };
}
