import { compileLookups, featuresOf } from '../nlu/features.js';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile, type StoredHead } from '../nlu/knowledge.js';
import { denseOf, unitsOf, vectorize, type Vec } from '../nlu/model.js';
import { EMBEDDING_DIMS, indexEmbeddings } from '../nlu/embeddings.js';
import { INTENTS, LETTER_LABELS } from '../nlu/types.js';
import type { Example, LanguageData, LetterExample } from './load.js';

/** The label of the topic head for a turn that asks about no topic. */
export const NO_TOPIC = 'none';

/** A deterministic pseudo-random generator (mulberry32) for the example shuffle. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Labelled {
  vec: Vec;
  /** Sigmoid head targets (0/1 per label) or the softmax head's class index. */
  y: Float64Array | number;
}

/** Train one head by stochastic gradient descent; returns feature-major weights and biases. */
function sgd(items: Labelled[], nFeatures: number, nLabels: number, kind: 'sigmoid' | 'softmax', s: LanguageData['training'], classWeight: (j: number, y: number) => number) {
  const W = new Float64Array(nFeatures * nLabels);
  const D = new Float64Array(EMBEDDING_DIMS * nLabels);
  const b = new Float64Array(nLabels);
  const next = rng(s.seed);
  const order = items.map((_, i) => i);
  const z = new Float64Array(nLabels);
  const g = new Float64Array(nLabels);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    const lr = s.learning_rate / (1 + epoch * 0.3);
    for (const idx of order) {
      const { vec, y } = items[idx]!;
      z.set(b);
      for (let t = 0; t < vec.idx.length; t++) {
        const base = vec.idx[t]! * nLabels;
        const x = vec.val[t]!;
        for (let j = 0; j < nLabels; j++) z[j]! += W[base + j]! * x;
      }
      if (vec.dense) {
        for (let d = 0; d < EMBEDDING_DIMS; d++) {
          const x = vec.dense[d]!;
          for (let j = 0; j < nLabels; j++) z[j]! += D[d * nLabels + j]! * x;
        }
      }
      if (kind === 'sigmoid') {
        const target = y as Float64Array;
        for (let j = 0; j < nLabels; j++) g[j] = (1 / (1 + Math.exp(-z[j]!)) - target[j]!) * classWeight(j, target[j]!);
      } else {
        const cls = y as number;
        let max = -Infinity;
        for (let j = 0; j < nLabels; j++) max = Math.max(max, z[j]!);
        let sum = 0;
        for (let j = 0; j < nLabels; j++) sum += (z[j] = Math.exp(z[j]! - max));
        for (let j = 0; j < nLabels; j++) g[j] = (z[j]! / sum - (j === cls ? 1 : 0)) * classWeight(j, cls);
      }
      for (let t = 0; t < vec.idx.length; t++) {
        const base = vec.idx[t]! * nLabels;
        const x = vec.val[t]!;
        for (let j = 0; j < nLabels; j++) W[base + j]! -= lr * (g[j]! * x + s.l2 * W[base + j]!);
      }
      if (vec.dense) {
        for (let d = 0; d < EMBEDDING_DIMS; d++) {
          const x = vec.dense[d]!;
          for (let j = 0; j < nLabels; j++) D[d * nLabels + j]! -= lr * (g[j]! * x + s.l2 * D[d * nLabels + j]!);
        }
      }
      for (let j = 0; j < nLabels; j++) b[j]! -= lr * g[j]!;
    }
  }
  return { W, D, b };
}

/** Quantise a head's weights to int8 per label (what one step is worth is kept as `scale`). */
function quantise(W: Float64Array, nLabels: number, keep: number[]): { weights: Buffer; scale: number[] } {
  const scale = Array.from({ length: nLabels }, () => 0);
  for (const f of keep) for (let j = 0; j < nLabels; j++) scale[j] = Math.max(scale[j]!, Math.abs(W[f * nLabels + j]!));
  for (let j = 0; j < nLabels; j++) scale[j] = Number(((scale[j]! || 1) / 127).toPrecision(6));
  const out = Buffer.alloc(keep.length * nLabels);
  keep.forEach((f, r) => {
    for (let j = 0; j < nLabels; j++) out.writeInt8(Math.max(-127, Math.min(127, Math.round(W[f * nLabels + j]! / scale[j]!))), r * nLabels + j);
  });
  return { weights: out, scale };
}

const round = (x: number) => Number(x.toPrecision(6));

/**
 * Train the language model from the data: a shared TF-IDF vocabulary over words, word pairs,
 * character 3–5-grams, negated words, lookups and the rule form; a multi-label intent head
 * (one logistic regression per intent) and a topic head (softmax over the canonical topics and
 * "none"). Deterministic: the same data and settings give the same bytes.
 * `use` picks the examples to learn from (default: all but the held-out split).
 */
export function trainModel(data: LanguageData, use: (ex: Example) => boolean, hash: string, useLetter: (l: LetterExample) => boolean = () => true): ModelFile {
  const s = data.training;
  const shorthand = new Map(Object.entries(data.lexicon.shorthand));
  const lookups = compileLookups(data.lexicon.lookups, shorthand);
  const examples = data.corpus.filter(use);
  const letters = data.letters.filter((l) => useLetter(l));
  // Every text read once into sentences, exactly as analyze() reads them: turns, then letter sentences.
  const units = [...examples.map((ex) => ex.text), ...letters.map((l) => l.text)].map((t) => unitsOf(t, shorthand));
  // A text's features are its sentences' together.
  const feats = units.map((us) => {
    const into = new Map<string, number>();
    for (const u of us) featuresOf(u.tokens, u.question, lookups, into);
    return into;
  });

  const df = new Map<string, number>();
  for (const f of feats) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const features = [...df.keys()].filter((k) => df.get(k)! >= s.min_count).sort();
  const vocab = new Map(features.map((f, i) => [f, i]));
  const n = feats.length;
  const idf = Float32Array.from(features, (f) => Math.log((1 + n) / (1 + df.get(f)!)) + 1);
  const byIndex = (f: Map<string, number>) => {
    const out = new Map<number, number>();
    for (const [k, c] of f) {
      const i = vocab.get(k);
      if (i !== undefined) out.set(i, c);
    }
    return vectorize(idf, out);
  };
  const allVecs = feats.map(byIndex);
  // Word vectors: each text's frequency-weighted average, as the runtime reads it (model.ts).
  const emb = data.embeddings && s.embedding_weight > 0 ? { ...indexEmbeddings(data.embeddings.words, data.embeddings.vectors), weight: s.embedding_weight } : undefined;
  if (emb) allVecs.forEach((v, k) => (v.dense = denseOf(emb, units[k]!.map((u) => u.tokens))));
  const vecs = allVecs.slice(0, examples.length);
  const letterVecs = allVecs.slice(examples.length);

  // Intent head: one sigmoid per intent; positives weigh more where they are rare.
  const pos = INTENTS.map((i) => examples.filter((ex) => ex.intents.includes(i)).length);
  const posWeight = pos.map((p) => Math.pow(Math.max(1, examples.length - p) / Math.max(1, p), s.positive_weight_power));
  const intentItems = examples.map((ex, k) => ({ vec: vecs[k]!, y: Float64Array.from(INTENTS, (i) => (ex.intents.includes(i) ? 1 : 0)) }));
  const intent = sgd(intentItems, features.length, INTENTS.length, 'sigmoid', s, (j, y) => (y === 1 ? posWeight[j]! : 1));

  const topicLabels = [...data.topics.map((t) => t.id), NO_TOPIC];
  // The topic head only ever reads questions and prompts (a statement asks about nothing), so it
  // learns from those: "none" is then a question about nothing the meeting covers (small talk). A
  // question with an intent and no topic ("are you hiring?", "who else should I talk to?") is
  // answered by its intent; it teaches the topic head nothing, rather than teaching it that
  // resumes, hiring and advice are "none" (5-fold CV: topic 0.841 → 0.858, intents unchanged).
  const topicItems = examples.flatMap((ex, k) => (!ex.topic && (ex.form === 'statement' || ex.intents.length > 0) ? [] : [{ vec: vecs[k]!, y: topicLabels.indexOf(ex.topic ?? NO_TOPIC) }]));
  const topic = sgd(topicItems, features.length, topicLabels.length, 'softmax', s, () => 1);

  const letterPos = LETTER_LABELS.map((lab) => letters.filter((l) => l.labels.includes(lab)).length);
  const letterWeight = letterPos.map((p) => Math.pow(Math.max(1, letters.length - p) / Math.max(1, p), s.positive_weight_power));
  const letterItems = letters.map((l, k) => ({ vec: letterVecs[k]!, y: Float64Array.from(LETTER_LABELS, (lab) => (l.labels.includes(lab) ? 1 : 0)) }));
  const letter = sgd(letterItems, features.length, LETTER_LABELS.length, 'sigmoid', s, (j, y) => (y === 1 ? letterWeight[j]! : 1));

  // Keep the features that carry weight in some head once quantised.
  const qi = quantise(intent.W, INTENTS.length, features.map((_, i) => i));
  const qt = quantise(topic.W, topicLabels.length, features.map((_, i) => i));
  const ql = quantise(letter.W, LETTER_LABELS.length, features.map((_, i) => i));
  const keep = features
    .map((_, f) => f)
    .filter((f) => {
      const strong = (q: Buffer, n: number) => {
        for (let j = 0; j < n; j++) if (Math.abs(q.readInt8(f * n + j)) >= s.prune_below) return true;
        return false;
      };
      return strong(qi.weights, INTENTS.length) || strong(qt.weights, topicLabels.length) || strong(ql.weights, LETTER_LABELS.length);
    });
  const head = ({ W, D, b }: { W: Float64Array; D: Float64Array; b: Float64Array }, labels: string[], kind: 'sigmoid' | 'softmax', thresholds?: number[]): StoredHead => {
    const q = quantise(W, labels.length, keep);
    return { labels, kind, weights: q.weights.toString('base64'), scale: q.scale, bias: Array.from(b, round), ...(thresholds ? { thresholds } : {}), ...(emb ? { dense: Array.from(D, round) } : {}) };
  };
  const keptIdf = Float32Array.from(keep, (f) => idf[f]!);

  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    dataHash: hash,
    lexicon: { shorthand: Object.fromEntries([...shorthand].sort(([a], [b]) => (a < b ? -1 : 1))), lookups: data.lexicon.lookups },
    topics: data.topics.map((t) => ({ id: t.id, label: t.label, ask: t.ask, stance: t.stance })),
    matching: s.matching,
    features: keep.map((f) => features[f]!).join('\n'),
    idf: Buffer.from(keptIdf.buffer).toString('base64'),
    heads: {
      intent: head(intent, [...INTENTS], 'sigmoid', INTENTS.map((i) => s.intent_thresholds[i] ?? s.intent_threshold)),
      topic: head(topic, topicLabels, 'softmax'),
      letter: head(letter, [...LETTER_LABELS], 'sigmoid', LETTER_LABELS.map((l) => s.letter_thresholds[l] ?? s.letter_threshold)),
    },
    ...(emb && data.embeddings ? { embeddings: { words: data.embeddings.words.join('\n'), vectors: Buffer.from(data.embeddings.vectors.buffer, data.embeddings.vectors.byteOffset, data.embeddings.vectors.length).toString('base64'), weight: s.embedding_weight } } : {}),
    examples: { text: examples.map((e) => e.text), intents: examples.map((e) => e.intents.join(',')), topic: examples.map((e) => e.topic ?? NO_TOPIC) },
    rewrites: {
      prepare: data.rewrites.prepare.map((r) => ({ pattern: r.pattern, template: r.template })),
      rules: data.rewrites.rules.map((r) => ({ pattern: r.pattern, template: r.template })),
      fallback: data.rewrites.fallback,
    },
  };
}
