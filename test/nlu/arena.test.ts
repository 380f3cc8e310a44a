import { describe, expect, it } from 'vitest';
import { f32, f64, i32 } from '../../src/nlu/arena.js';

describe('the per-turn array blocks (arena)', () => {
  it('hands out zero-filled views that never overlap, across block boundaries', () => {
    // Enough arrays to fill several 64 KB blocks; each is written through and must keep its own values.
    const arrays: Array<Float64Array | Float32Array | Int32Array> = [];
    for (let k = 0; k < 3000; k++) {
      const n = 1 + (k % 37);
      const a = k % 3 === 0 ? f64(n) : k % 3 === 1 ? f32(n) : i32(n);
      expect(a.length).toBe(n);
      expect(Array.from(a).every((x) => x === 0), `array ${k} starts zero-filled`).toBe(true);
      a.fill(k);
      arrays.push(a);
    }
    arrays.forEach((a, k) => expect(Array.from(a).every((x) => x === k), `array ${k} kept its values`).toBe(true));
  });

  it('views are aligned for their element type, and a large array gets a buffer of its own', () => {
    f32(3); // leave the next offset unaligned for 8-byte elements, were it not rounded up
    const d = f64(5);
    expect(d.byteOffset % 8).toBe(0);
    const big = f64(4096);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(4096 * 8);
  });
});
