import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoText, notAFile } from './read-file.js';

/** An output that could not be written, with a reason a person can act on. */
export class WriteProblem extends Error {}

/** Paths that mean the process's own standard output or error, written as a stream. */
const STD_STREAMS = new Map([
  ['-', 1],
  ['/dev/stdout', 1],
  ['/dev/fd/1', 1],
  ['/proc/self/fd/1', 1],
  ['/dev/stderr', 2],
  ['/dev/fd/2', 2],
  ['/proc/self/fd/2', 2],
]);

/** Which standard stream (1 or 2) a path names, if any: `-` and /dev/stdout are standard output. */
export function stdStream(path: string): 1 | 2 | undefined {
  return STD_STREAMS.get(path) as 1 | 2 | undefined;
}

function stat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new WriteProblem(errnoText(err));
  }
}

/** Write all of `content` to an open descriptor (writeSync may write less than asked). */
function writeAll(fd: number, content: string | Uint8Array): void {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Write to a device, FIFO or socket as it is: no temp file, no rename (that would replace the node). */
function writeDirect(path: string, st: Stats, content: string | Uint8Array): void {
  if (st.isBlockDevice()) throw new WriteProblem('is a block device; refusing to write to it');
  let fd: number | undefined;
  let probe: number | undefined;
  try {
    if (st.isFIFO() || st.isSocket()) {
      // Nobody reading a FIFO would make the write wait forever: find out first. The probe stays
      // open until the real descriptor is, or the reader would see the end of its input.
      try {
        probe = openSync(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENXIO') throw new WriteProblem('is a named pipe (FIFO) that nobody is reading');
        throw err;
      }
    }
    fd = openSync(path, constants.O_WRONLY);
    if (probe !== undefined) {
      closeSync(probe);
      probe = undefined;
    }
    writeAll(fd, content);
  } catch (err) {
    if (err instanceof WriteProblem) throw err;
    throw new WriteProblem(errnoText(err));
  } finally {
    if (probe !== undefined) closeSync(probe);
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replace a regular file atomically: write a temp file in the same folder (created exclusively),
 * flush it, rename it over the target. On any error the temp file is removed and the target is
 * left as it was, so a reader never sees half a file.
 */
function writeAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    writeAll(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw new WriteProblem(errnoText(err));
  }
}

/** Options for writing an output file. */
export interface WriteOptions {
  /** Create missing parent folders. */
  mkdir?: boolean;
  /** Fail with EEXIST-style WriteProblem when a regular file is already there (claim a new name). */
  exclusive?: boolean;
}

/**
 * Write an output where the user asked, without surprises:
 * - `-`, /dev/stdout, /dev/stderr: the process's own stream;
 * - a new path or a regular file: atomically (a symbolic link to a file keeps pointing at it);
 * - a character device, FIFO or socket (or a link to one): written directly, never replaced; a FIFO
 *   nobody reads and a block device are refused;
 * - a folder: refused.
 * Throws WriteProblem with the reason ("permission denied", "is a folder, not a file").
 */
export function writeOutput(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const std = stdStream(path);
  if (std !== undefined) {
    // Through the stream, not fd 1 directly: a pipe may be non-blocking, and this keeps the order
    // with everything else written to it (a closed pipe is handled where the stream is set up).
    (std === 1 ? process.stdout : process.stderr).write(content);
    return;
  }
  const st = stat(path);
  if (st && st.isDirectory()) throw new WriteProblem(notAFile(st));
  if (st && !st.isFile()) return writeDirect(path, st, content);
  if (st && options.exclusive) throw new WriteProblem('already exists');
  let target = path;
  if (st) {
    // A link to a regular file: replace the file it points at, keep the link.
    if (lstatSync(path).isSymbolicLink()) target = realpathSync(path);
  } else {
    let link: Stats | undefined;
    try {
      link = lstatSync(path);
    } catch {
      // nothing there at all
    }
    if (link?.isSymbolicLink()) throw new WriteProblem('is a symbolic link to a file that does not exist');
    if (options.mkdir) {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (err) {
        throw new WriteProblem(errnoText(err));
      }
    }
  }
  if (!st && options.exclusive) return writeNew(target, content);
  writeAtomic(target, content, st ? st.mode & 0o777 : undefined);
}

/** Create a file that must not exist yet (opened with O_EXCL), removed again if writing fails. */
function writeNew(path: string, content: string | Uint8Array): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteProblem('already exists');
    throw new WriteProblem(errnoText(err));
  }
  try {
    writeAll(fd, content);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    fd = undefined;
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
    throw new WriteProblem(errnoText(err));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
