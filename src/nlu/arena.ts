/**
 * Small typed arrays for the analyzer's per-turn vectors, cut from shared blocks.
 *
 * V8 keeps a typed array's memory outside its heap when it is over 64 bytes: every `new
 * Float64Array(22)` is a separate malloc, an ArrayBuffer object and work for the garbage collector
 * when it dies (about 1 µs in all, against 0.1 µs for a view on an existing buffer). A turn makes
 * a dozen such arrays (feature counts, TF-IDF values, word-vector sums, each head's scores), so
 * they come from here instead: views on 64 KB blocks, handed out once, never reused or written
 * again by this module, so a view is as private as a fresh array. New blocks are zero-filled, and
 * so is every view. A block lives as long as any view on it (an analysis kept in a transcript
 * keeps its block, at most 64 KB).
 */

const BLOCK_BYTES = 64 * 1024;
/** Arrays larger than this get their own buffer (they would waste much of a block). */
const MAX_VIEW_BYTES = BLOCK_BYTES / 8;

let block = new ArrayBuffer(BLOCK_BYTES);
let used = 0;

/** Byte offset of a new view of `bytes` bytes, 8-byte aligned, in the current block (a new one when full). */
function take(bytes: number): number {
  if (used + bytes > BLOCK_BYTES) {
    block = new ArrayBuffer(BLOCK_BYTES);
    used = 0;
  }
  const at = used;
  used += (bytes + 7) & ~7;
  return at;
}

/** A typed-array constructor: from a length, or as a view on a buffer. */
interface TypedArrayOf<T> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** A zero-filled array of `n` elements: a view on the current block, or its own buffer when large. */
function view<T>(Type: TypedArrayOf<T>, n: number): T {
  const bytes = n * Type.BYTES_PER_ELEMENT;
  if (bytes > MAX_VIEW_BYTES) return new Type(n);
  const at = take(bytes);
  return new Type(block, at, n);
}

/** A zero-filled Float64Array of length n. */
export const f64 = (n: number): Float64Array => view(Float64Array, n);
/** A zero-filled Float32Array of length n. */
export const f32 = (n: number): Float32Array => view(Float32Array, n);
/** A zero-filled Int32Array of length n. */
export const i32 = (n: number): Int32Array => view(Int32Array, n);
