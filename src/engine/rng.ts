/**
 * A tiny seeded generator (mulberry32) kept as a plain number in machine context, so the same seed
 * gives the same choices and a snapshot can be saved and restored.
 */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Pick one of `items` with the generator; returns the item and the next state. */
export function pick<T>(items: readonly T[], state: number): [item: T, next: number] {
  const [r, next] = nextRandom(state);
  return [items[Math.floor(r * items.length)]!, next];
}

/** Normalise a user-supplied seed to a 32-bit state. */
export function seedState(seed: number): number {
  return (Math.trunc(seed) ^ 0x9e3779b9) | 0;
}
