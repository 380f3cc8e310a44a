import { f32, f64 } from './arena.js';
import { compileLookups, countFeatures, Counter, indexVocab, type Lookups, type VocabIndex } from './features.js';
import { sentenceForm, type FormVerdict } from './form.js';
import { clean, normalizeTokens, splitSentences } from './normalize.js';
import type { Form } from './types.js';
import { addEmbedding, EMBEDDING_DIMS, indexEmbeddings, normalizeDense, type Embeddings } from './embeddings.js';
import { ModelError, modelFile, modelPath, onModelChange, type ModelFile, type StoredHead, type TopicInfo } from './knowledge.js';

/** A sparse, L2-normalised TF-IDF vector over the model's vocabulary. */
export interface Vec {
  idx: Int32Array;
  val: Float32Array;
  /** The sentence's frequency-weighted average word vector (length = the model's embedding weight), when the model has word vectors. */
  dense?: Float32Array;
}

/** A head ready to score: int8 weights (feature-major, W[f * labels.length + j]) times a per-label scale. */
export interface Head {
  labels: string[];
  kind: 'sigmoid' | 'softmax';
  W: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
  thresholds: number[];
  /** Weights of the word-vector dimensions, dimension-major (d * labels.length + j). */
  dense?: Float64Array;
}

/** The loaded model: vocabulary, IDF, heads, lookups and the examples behind explanations. */
export interface Model {
  vocab: VocabIndex;
  features: string[];
  idf: Float32Array;
  intent: Head;
  topic: Head;
  letter: Head;
  /** Scratch counts for the fast path (one text at a time). */
  counter: Counter;
  lookups: Lookups;
  topics: TopicInfo[];
  /** Word vectors and the length a sentence's averaged vector is scaled to. */
  embeddings?: Embeddings & { weight: number };
  file: ModelFile;
}

function decodeFloat32(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function loadHead(h: StoredHead, nFeatures: number, file: string): Head {
  const q = Buffer.from(h.weights, 'base64');
  const n = h.labels.length;
  if (q.length !== nFeatures * n || h.scale.length !== n || h.bias.length !== n) throw new ModelError(file, `the ${h.labels[0]}… head does not fit its ${nFeatures} features (corrupt)`);
  if (h.dense !== undefined && (!Array.isArray(h.dense) || h.dense.length !== EMBEDDING_DIMS * n || h.dense.some((x) => typeof x !== 'number'))) throw new ModelError(file, `the ${h.labels[0]}… head's word-vector weights do not fit (corrupt)`);
  return { labels: h.labels, kind: h.kind, W: new Int8Array(q.buffer, q.byteOffset, q.length), scale: Float64Array.from(h.scale), bias: Float64Array.from(h.bias), thresholds: h.thresholds ?? h.labels.map(() => 0.5), ...(h.dense ? { dense: Float64Array.from(h.dense) } : {}) };
}

/** Build the runtime model from a model file (`path` names it in errors). */
export function buildModel(file: ModelFile, path = modelPath()): Model {
  const features = file.features.split('\n');
  const vocab = indexVocab(features);
  const shorthand = new Map(Object.entries(file.lexicon.shorthand));
  return {
    vocab,
    features,
    idf: decodeFloat32(file.idf),
    intent: loadHead(file.heads.intent, features.length, path),
    topic: loadHead(file.heads.topic, features.length, path),
    letter: loadHead(file.heads.letter, features.length, path),
    counter: new Counter(features.length),
    lookups: compileLookups(file.lexicon.lookups, shorthand),
    topics: file.topics,
    ...(file.embeddings ? { embeddings: loadEmbeddings(file.embeddings, path) } : {}),
    file,
  };
}

function loadEmbeddings(e: NonNullable<ModelFile['embeddings']>, file: string): Embeddings & { weight: number } {
  if (typeof e !== 'object' || typeof e.words !== 'string' || typeof e.vectors !== 'string' || typeof e.weight !== 'number') throw new ModelError(file, 'the word vectors are malformed (corrupt)');
  const words = e.words.split('\n');
  const q = Buffer.from(e.vectors, 'base64');
  if (q.length !== words.length * EMBEDDING_DIMS) throw new ModelError(file, 'the word vectors do not fit their words (corrupt)');
  return { ...indexEmbeddings(words, new Int8Array(q.buffer, q.byteOffset, q.length)), weight: e.weight };
}

let model: Model | undefined;
onModelChange(() => (model = undefined));
/** The installed model, loaded on first use. */
export function currentModel(): Model {
  return (model ??= buildModel(modelFile()));
}

/** TF-IDF (sublinear tf), L2-normalised, from feature counts by index. */
export function vectorize(idf: Float32Array, counts: ReadonlyMap<number, number>): Vec {
  return vectorizeArrays(idf, Int32Array.from(counts.keys()), Float64Array.from(counts.values()));
}

/** `vectorize` over parallel arrays of feature indexes and counts (the fast path); keeps `idx`. */
export function vectorizeArrays(idf: Float32Array, idx: Int32Array, cnt: Float64Array): Vec {
  const val = f32(idx.length);
  let norm = 0;
  for (let k = 0; k < idx.length; k++) {
    const c = cnt[k]!;
    const v = (c === 1 ? 1 : 1 + Math.log(c)) * idf[idx[k]!]!;
    val[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < val.length; j++) val[j]! /= norm;
  return { idx, val };
}

/** Raw scores of a head for a vector. */
export function logits(head: Head, v: Vec): Float64Array {
  const n = head.labels.length;
  const z = f64(n);
  const { W, scale, bias } = head;
  const { idx, val } = v;
  for (let k = 0; k < idx.length; k++) {
    const base = idx[k]! * n;
    const x = val[k]!;
    for (let j = 0; j < n; j++) z[j] = z[j]! + W[base + j]! * x;
  }
  for (let j = 0; j < n; j++) z[j] = bias[j]! + z[j]! * scale[j]!;
  const D = head.dense;
  if (D && v.dense) {
    for (let d = 0; d < EMBEDDING_DIMS; d++) {
      const x = v.dense[d]!;
      if (x === 0) continue;
      const base = d * n;
      for (let j = 0; j < n; j++) z[j] = z[j]! + D[base + j]! * x;
    }
  }
  return z;
}

/** Probabilities of a head: independent sigmoids, or a softmax. */
export function probabilities(head: Head, v: Vec): Float64Array {
  const z = logits(head, v);
  const n = z.length;
  if (head.kind === 'sigmoid') {
    for (let j = 0; j < n; j++) z[j] = 1 / (1 + Math.exp(-z[j]!));
    return z;
  }
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (z[j]! > max) max = z[j]!;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += z[j] = Math.exp(z[j]! - max);
  for (let j = 0; j < n; j++) z[j]! /= sum;
  return z;
}

/** The features that pushed label j up the most for this vector, strongest first. */
export function strongestFeatures(m: Model, head: Head, v: Vec, j: number, k = 3): string[] {
  const n = head.labels.length;
  // The k strongest, kept in order as we go (k is small: no sort of every feature).
  const top: Array<[number, string]> = [];
  for (let t = 0; t < v.idx.length; t++) {
    const w = head.W[v.idx[t]! * n + j]! * v.val[t]!;
    if (w <= 0 || (top.length === k && w <= top[k - 1]![0])) continue;
    const f = m.features[v.idx[t]!]!;
    // Character n-grams and the form carry weight but explain nothing to a person.
    if (f.startsWith('c:') || f.startsWith('F:') || f === 'Q') continue;
    if (top.some(([, g]) => readable(g) === readable(f))) continue;
    let at = top.findIndex(([x, g]) => w > x || (w === x && f < g));
    if (at < 0) at = top.length;
    top.splice(at, 0, [w, f]);
    if (top.length > k) top.pop();
  }
  return top.map(([, f]) => readable(f));
}

/** A feature as a person reads it: "job", "are you", "…hiri…", "[job_noun]" (at most 40 characters of it). */
export function readable(f: string): string {
  if (f.length > 42) f = `${f.slice(0, 41)}…`;
  if (f.startsWith('w:')) return `"${f.slice(2)}"`;
  if (f.startsWith('n:')) return `"not … ${f.slice(2)}"`;
  if (f.startsWith('b:')) return `"${f.slice(2).replace('_', ' ').replace(/^\^ /, '').replace(/ \$$/, '')}"`;
  if (f.startsWith('c:')) return `"…${f.slice(2).trim()}…"`;
  if (f.startsWith('L:')) return `[${f.slice(2)}]`;
  if (f.startsWith('F:')) return `[${f.slice(2)} form]`;
  return `[${f}]`;
}

/** Feature counts (by index) of a sentence's normalised tokens. */
export function countsOf(m: Model, tokens: readonly string[], question: boolean, form: Form = sentenceForm(tokens, question).form): { idx: Int32Array; cnt: Float64Array } {
  countFeatures(tokens, question, m.lookups, m.vocab, m.counter, form);
  return m.counter.take();
}

/** A sentence's normalised tokens, vectorised for the model. */
export function vectorOf(m: Model, tokens: readonly string[], question: boolean): Vec {
  const c = countsOf(m, tokens, question);
  const v = vectorizeArrays(m.idf, c.idx, c.cnt);
  if (m.embeddings) v.dense = denseOf(m.embeddings, [tokens]);
  return v;
}

/** The averaged word vector of some sentences' tokens, scaled to the model's embedding weight. */
export function denseOf(e: Embeddings & { weight: number }, sentences: ReadonlyArray<readonly string[]>): Float32Array {
  const sum = f32(EMBEDDING_DIMS);
  for (const tokens of sentences) addEmbedding(e, tokens, sum);
  return normalizeDense(sum, e.weight);
}

const exampleVecs = new WeakMap<Model, Map<string, Array<[Vec, string]>>>();
/**
 * The training example closest to a text (cosine over the model's features) among those carrying
 * `label` (an intent or a topic id): "closest to: 'are you hiring right now?'". Vectorises that
 * label's examples on first use, so it is for explanations, not the hot path.
 */
export function nearestExample(m: Model, v: Vec, label: string): string | undefined {
  let byLabel = exampleVecs.get(m);
  if (!byLabel) exampleVecs.set(m, (byLabel = new Map()));
  let candidates = byLabel.get(label);
  if (!candidates) {
    const ex = m.file.examples;
    candidates = [];
    ex.text.forEach((t, i) => {
      if (ex.topic[i] === label || ex.intents[i]!.split(',').includes(label)) candidates!.push([turnVector(m, t).whole, t]);
    });
    byLabel.set(label, candidates);
  }
  const dense = new Map<number, number>();
  v.idx.forEach((f, k) => dense.set(f, v.val[k]!));
  let best: [number, string] | undefined;
  for (const [e, text] of candidates) {
    let dot = 0;
    e.idx.forEach((f, k) => (dot += (dense.get(f) ?? 0) * e.val[k]!));
    if (!best || dot > best[0]) best = [dot, text];
  }
  return best?.[1];
}

/** One sentence of a turn, read for the model. */
export interface Unit {
  text: string;
  tokens: readonly string[];
  question: boolean;
}

/** Most sentences of one turn that are read (2,000 characters of "Ok? Ok? …" would be hundreds). */
export const MAX_SENTENCES = 40;

/** The sentences of a turn as the model reads them (cleaned, split, normalised; empty ones dropped; at most MAX_SENTENCES). */
export function unitsOf(text: string, shorthand?: ReadonlyMap<string, string>): Unit[] {
  const out: Unit[] = [];
  for (const raw of splitSentences(clean(text)).slice(0, MAX_SENTENCES)) {
    const tokens = normalizeTokens(raw.text, shorthand);
    if (tokens.length === 0 && !raw.question) continue;
    out.push({ text: raw.text, tokens, question: raw.question });
  }
  return out;
}

/** A turn's vector (its sentences' features together), each sentence's own, and each sentence's form. */
export function turnVector(m: Model, text: string): { units: Unit[]; vecs: Vec[]; whole: Vec; forms: FormVerdict[] } {
  const units = unitsOf(text);
  const forms = units.map((u) => sentenceForm(u.tokens, u.question));
  const counts = units.map((u, k) => countsOf(m, u.tokens, u.question, forms[k]!.form));
  const vecs = counts.map((c) => vectorizeArrays(m.idf, c.idx, c.cnt));
  const e = m.embeddings;
  if (e) vecs.forEach((v, k) => (v.dense = denseOf(e, [units[k]!.tokens])));
  if (units.length <= 1) return { units, vecs, whole: vecs[0] ?? vectorize(m.idf, new Map()), forms };
  for (const c of counts) for (let k = 0; k < c.idx.length; k++) m.counter.add(c.idx[k]!, c.cnt[k]!);
  const all = m.counter.take();
  const whole = vectorizeArrays(m.idf, all.idx, all.cnt);
  if (e) whole.dense = denseOf(e, units.map((u) => u.tokens));
  return { units, vecs, whole, forms };
}
