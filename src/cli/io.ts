import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

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

/**
 * Read lines from a stream, one callback per line, CR stripped. Invalid UTF-8 arrives as U+FFFD
 * (the analyzer drops it), so a line never disappears and alignment with the input holds.
 */
export async function forEachLine(input: Readable, onLine: (line: string) => void): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
}

/** Exit quietly when the reader of stdout goes away (`coffeechat analyze < big | head`). */
export function exitOnBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}


/** Read a text file for scoring: refuses folders, files over `maxBytes` and binary files (with a reason). */
export function readTextFile(file: string, maxBytes: number): string {
  const st = statSync(file);
  if (st.isDirectory()) throw new Error('is a directory');
  if (st.size > maxBytes) throw new Error(`is ${st.size} bytes; the limit is ${maxBytes}`);
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new Error('is not a text file');
  return buf.toString('utf8');
}

/** One line saying why a file could not be read: "cannot read: no such file". */
export function readError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return `cannot read: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message}`;
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
