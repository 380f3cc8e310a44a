import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A file that could not be read, with a reason a person can act on ("is a folder, not a file"). */
export class ReadProblem extends Error {}

/** What kind of non-regular file this is, as the end of a sentence naming it. */
export function notAFile(st: Stats): string {
  if (st.isDirectory()) return 'is a folder, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/** A system error as a few words: "no such file", "permission denied". */
export function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return String(e?.message ?? e).split('\n')[0]!;
  }
}

/** The smallest read buffer: a file that says it is empty may not be (/proc). */
const MIN_BUFFER = 4096;

/**
 * Read a regular file, at most `maxBytes`. Anything else — a folder, a FIFO (which would block),
 * a device such as /dev/zero (which never ends), a socket — is refused with a ReadProblem, and
 * the cap is enforced while reading, so a file that grows or lies about its size cannot get past
 * it. Symbolic links to regular files are followed.
 */
export function readFileCapped(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw new ReadProblem(errnoText(err));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ReadProblem(notAFile(st));
    if (st.size > maxBytes) throw new ReadProblem(`is ${st.size} bytes; the limit is ${maxBytes}`);
    // Sized to the file plus one byte, so a file read whole shows its end on the next read; grown
    // (up to the cap) when a file is longer than it said (one that grows, or /proc).
    let buf = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, MIN_BUFFER), maxBytes + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > maxBytes) throw new ReadProblem(`is more than ${maxBytes} bytes; the limit is ${maxBytes}`);
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buf, total, buf.length - total, null);
      } catch (err) {
        throw new ReadProblem(errnoText(err));
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new ReadProblem(`is more than ${maxBytes} bytes; the limit is ${maxBytes}`);
    }
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** Decoded text and whether the bytes were valid in their encoding. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** False when invalid byte sequences were replaced with U+FFFD. */
  valid: boolean;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
/** A decoder for an encoding, strict or replacing bad bytes with U+FFFD; made once (a batch reads thousands of files). */
function decoder(encoding: Decoded['encoding'], fatal: boolean): InstanceType<typeof TextDecoder> {
  const key = `${encoding}${fatal ? '!' : ''}`;
  let d = decoders.get(key);
  if (!d) decoders.set(key, (d = new TextDecoder(encoding, { fatal })));
  return d;
}

/**
 * Decode a text file's bytes: UTF-8 (a leading byte-order mark is dropped) or UTF-16 with a BOM,
 * as Windows editors save it. NUL bytes anywhere else mean it is not a text file (ReadProblem).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const encoding = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0)) {
    throw new ReadProblem('is not a text file (it contains NUL bytes; UTF-16 text needs a byte-order mark)');
  }
  let text: string;
  let valid = true;
  try {
    text = decoder(encoding, true).decode(bytes);
  } catch {
    valid = false;
    text = decoder(encoding, false).decode(bytes);
  }
  if (encoding !== 'utf-8' && text.includes('\u0000')) throw new ReadProblem('is not a text file (it contains NUL characters)');
  return { text, encoding, valid };
}

/** Read and decode a text file (see readFileCapped and decodeText). */
export function readTextCapped(path: string, maxBytes: number): Decoded {
  return decodeText(readFileCapped(path, maxBytes));
}
