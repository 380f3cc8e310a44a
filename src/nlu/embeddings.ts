/** Dimensions of the word vectors (GloVe 100d on its 50 principal components: scripts/prune-embeddings.ts). */
export const EMBEDDING_DIMS = 50;
/** A stored int8 component times 1/EMBEDDING_SCALE is the unit vector's component. */
export const EMBEDDING_SCALE = 140;
/**
 * Frequent words say little about meaning: a word of frequency rank r weighs r / (r + SIF_RANK)
 * ("the" ≈ 0.01, rank 100 ≈ 0.5, rank 1,000 ≈ 0.9), the smooth inverse frequency weighting of
 * Arora et al. with Zipf's law standing in for counts.
 */
const SIF_RANK = 100;

/** Word vectors ready to read: each word's row, in frequency order. */
export interface Embeddings {
  rows: ReadonlyMap<string, number>;
  vectors: Int8Array;
}

/** Index a word list (frequency order) and its int8 vectors. */
export function indexEmbeddings(words: readonly string[], vectors: Int8Array): Embeddings {
  const rows = new Map<string, number>();
  words.forEach((w, r) => rows.set(w, r));
  return { rows, vectors };
}

/**
 * Add the frequency-weighted vectors of `tokens` into `sum` (length EMBEDDING_DIMS); returns how
 * many tokens had a vector. Unknown words and punctuation add nothing.
 */
export function addEmbedding(e: Embeddings, tokens: readonly string[], sum: Float32Array): number {
  let n = 0;
  for (const t of tokens) {
    const r = e.rows.get(t);
    if (r === undefined) continue;
    const w = (r + 1) / (r + 1 + SIF_RANK) / EMBEDDING_SCALE;
    const base = r * EMBEDDING_DIMS;
    for (let d = 0; d < EMBEDDING_DIMS; d++) sum[d] = sum[d]! + e.vectors[base + d]! * w;
    n++;
  }
  return n;
}

/** `sum` scaled to length `weight` in place (all zeros stay zeros). */
export function normalizeDense(sum: Float32Array, weight: number): Float32Array {
  let norm = 0;
  for (let d = 0; d < sum.length; d++) norm += sum[d]! * sum[d]!;
  if (norm === 0) return sum;
  const k = weight / Math.sqrt(norm);
  for (let d = 0; d < sum.length; d++) sum[d] = sum[d]! * k;
  return sum;
}
