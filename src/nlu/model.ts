import { compileLookups, featuresOf, indexVocab, type Lookups, type VocabIndex } from './features.js';
import { sentenceForm, type FormVerdict } from './form.js';
import { clean, normalizeTokens, splitSentences } from './normalize.js';
import type { Form } from './types.js';
import { ModelError, modelFile, modelPath, onModelChange, type ModelFile, type StoredHead, type TopicInfo } from './knowledge.js';

/** A sparse, L2-normalised TF-IDF vector over the model's vocabulary. */
export interface Vec {
  idx: Int32Array;
  val: Float32Array;
}

/** A head ready to score: int8 weights (feature-major, W[f * labels.length + j]) times a per-label scale. */
export interface Head {
  labels: string[];
  kind: 'sigmoid' | 'softmax';
  W: Int8Array;
  scale: Float64Array;
  bias: Float64Array;
  thresholds: number[];
}

/** The loaded model: vocabulary, IDF, heads, lookups and the examples behind explanations. */
export interface Model {
  vocab: VocabIndex;
  features: string[];
  idf: Float32Array;
  intent: Head;
  topic: Head;
  letter: Head;
  lookups: Lookups;
  topics: TopicInfo[];
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
  return { labels: h.labels, kind: h.kind, W: new Int8Array(q.buffer, q.byteOffset, q.length), scale: Float64Array.from(h.scale), bias: Float64Array.from(h.bias), thresholds: h.thresholds ?? h.labels.map(() => 0.5) };
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
    lookups: compileLookups(file.lexicon.lookups, shorthand),
    topics: file.topics,
    file,
  };
}

let model: Model | undefined;
onModelChange(() => (model = undefined));
/** The installed model, loaded on first use. */
export function currentModel(): Model {
  return (model ??= buildModel(modelFile()));
}

/** TF-IDF (sublinear tf), L2-normalised, from feature counts by index. */
export function vectorize(idf: Float32Array, counts: ReadonlyMap<number, number>): Vec {
  const idx = new Int32Array(counts.size);
  const val = new Float32Array(counts.size);
  let norm = 0;
  let k = 0;
  for (const [i, c] of counts) {
    const v = (c === 1 ? 1 : 1 + Math.log(c)) * idf[i]!;
    idx[k] = i;
    val[k++] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < k; j++) val[j]! /= norm;
  return { idx, val };
}

/** Raw scores of a head for a vector. */
export function logits(head: Head, v: Vec): Float64Array {
  const n = head.labels.length;
  const z = new Float64Array(n);
  for (let k = 0; k < v.idx.length; k++) {
    const base = v.idx[k]! * n;
    const x = v.val[k]!;
    for (let j = 0; j < n; j++) z[j]! += head.W[base + j]! * x;
  }
  for (let j = 0; j < n; j++) z[j] = head.bias[j]! + z[j]! * head.scale[j]!;
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

/** A feature as a person reads it: "job", "are you", "…hiri…", "[job_noun]". */
export function readable(f: string): string {
  if (f.startsWith('w:')) return `"${f.slice(2)}"`;
  if (f.startsWith('n:')) return `"not … ${f.slice(2)}"`;
  if (f.startsWith('b:')) return `"${f.slice(2).replace('_', ' ').replace(/^\^ /, '').replace(/ \$$/, '')}"`;
  if (f.startsWith('c:')) return `"…${f.slice(2).trim()}…"`;
  if (f.startsWith('L:')) return `[${f.slice(2)}]`;
  if (f.startsWith('F:')) return `[${f.slice(2)} form]`;
  return `[${f}]`;
}

/** Feature counts (by index) of a sentence's normalised tokens, added to `into` when given. */
export function countsOf(m: Model, tokens: readonly string[], question: boolean, into?: Map<number, number>, form?: Form): Map<number, number> {
  return featuresOf<number>(tokens, question, m.lookups, m.vocab, into, form);
}

/** A sentence's normalised tokens, vectorised for the model. */
export function vectorOf(m: Model, tokens: readonly string[], question: boolean): Vec {
  return vectorize(m.idf, countsOf(m, tokens, question));
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
  tokens: string[];
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
  const counts = units.map((u, k) => countsOf(m, u.tokens, u.question, undefined, forms[k]!.form));
  const vecs = counts.map((c) => vectorize(m.idf, c));
  if (units.length <= 1) return { units, vecs, whole: vecs[0] ?? vectorize(m.idf, new Map()), forms };
  const all = new Map<number, number>();
  for (const c of counts) for (const [i, n] of c) all.set(i, (all.get(i) ?? 0) + n);
  return { units, vecs, whole: vectorize(m.idf, all), forms };
}
