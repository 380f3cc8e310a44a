import { isAscii } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The model file's format name and version; anything else is refused. */
export const MODEL_FORMAT = 'coffeechat-nlu-model';
export const MODEL_VERSION = 2;

/** A trained head: labels and their weights over the shared vocabulary, as stored (int8 + scale). */
export interface StoredHead {
  labels: string[];
  kind: 'sigmoid' | 'softmax';
  /** base64 of int8 weights, feature-major: weight of feature f for label j at f * labels.length + j. */
  weights: string;
  /** Per label, what one int8 step is worth. */
  scale: number[];
  bias: number[];
  /** Sigmoid heads: the probability at which a label counts (per label). */
  thresholds?: number[];
  /** Weights of the word-vector dimensions, dimension-major (d * labels.length + j), when the model has them. */
  dense?: number[];
}

/** A canonical topic as the runtime needs it. */
export interface TopicInfo {
  id: string;
  label: string;
  ask: string;
  stance: string;
}

/** One rewrite rule: an anchored pattern over the normalised clause and a template with {group} placeholders. */
export interface RewriteRule {
  pattern: string;
  template: string;
}

/** The open rewrites of closed questions (data/nlu/rewrites.yml, word lists expanded). */
export interface RewriteSet {
  /** Steps applied in order to the clause before the rules. */
  prepare: RewriteRule[];
  /** Tried in order; the first match gives the rewrite. */
  rules: RewriteRule[];
  /** Shown when no rule fits. */
  fallback: string;
}

/** The model file as written by `npm run train`. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  /** sha256 over the data files and the trainer, to tell when the model is stale. */
  dataHash: string;
  lexicon: { shorthand: Record<string, string>; lookups: Record<string, string[]> };
  topics: TopicInfo[];
  /** The matcher's thresholds (data/nlu/training.yml). */
  matching: { sure: number; plausible: number; profile: number; small_talk: number };
  /** The vocabulary, one feature per line. */
  features: string;
  /** base64 float32 inverse document frequencies, one per feature. */
  idf: string;
  heads: { intent: StoredHead; topic: StoredHead; letter: StoredHead };
  /** Word vectors for words training never saw: words in frequency order, base64 int8 rows, and the length of a sentence's averaged vector. */
  embeddings?: { words: string; vectors: string; weight: number };
  /** Training examples per label, for "closest to: …" explanations. */
  examples: { text: string[]; intents: string[]; topic: string[] };
  /** Open rewrites for closed questions. */
  rewrites: RewriteSet;
}

/** A missing or corrupt model file: names the file and what is wrong with it. */
export class ModelError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`language model ${file}: ${problem} (reinstall coffeechat, or run 'npm run train' in a checkout)`);
  }
}

/** A file shipped with the program (models/nlu.json, data/rubric.yml), found from the running code up. */
export function shippedFile(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, ...parts);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', ...parts);
}

/** Where the model file is: $COFFEECHAT_MODEL, or models/nlu.json beside the program. */
export function modelPath(): string {
  return process.env.COFFEECHAT_MODEL || shippedFile('models', 'nlu.json');
}

/** Read and check a model file; throws ModelError naming the file. */
export function readModelFile(file: string): ModelFile {
  let raw: string;
  try {
    // The model file is written as ASCII (train escapes anything else), and an ASCII buffer read as
    // Latin-1 becomes a string without UTF-8 decoding: 50 → 30 ms for the 5 MB file.
    const bytes = readFileSync(file);
    raw = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelError(file, code === 'ENOENT' ? 'missing' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new ModelError(file, 'is not valid JSON (corrupt or truncated)');
  }
  const m = data as Partial<ModelFile> | null;
  if (!m || typeof m !== 'object' || m.format !== MODEL_FORMAT) throw new ModelError(file, 'is not a coffeechat language model');
  if (m.version !== MODEL_VERSION) throw new ModelError(file, `has format version ${String(m.version)}; this program reads version ${MODEL_VERSION}`);
  const ok =
    typeof m.features === 'string' &&
    typeof m.idf === 'string' &&
    !!m.heads?.intent &&
    !!m.heads?.topic &&
    !!m.heads?.letter &&
    !!m.lexicon?.shorthand &&
    !!m.lexicon?.lookups &&
    Array.isArray(m.topics) &&
    typeof m.matching?.small_talk === 'number' &&
    !!m.examples &&
    !!m.rewrites &&
    Array.isArray(m.rewrites.prepare) &&
    Array.isArray(m.rewrites.rules) &&
    typeof m.rewrites.fallback === 'string';
  if (!ok) throw new ModelError(file, 'is missing parts (corrupt or from another version)');
  return m as ModelFile;
}

let file: ModelFile | undefined;
/** The model file, read once on first use (never at start-up). */
export function modelFile(): ModelFile {
  return (file ??= readModelFile(modelPath()));
}

/** Use this model file instead of the installed one (tests, training); undefined goes back. */
export function useModelFile(m: ModelFile | undefined): void {
  file = m;
  lex = undefined;
  onReset.forEach((f) => f());
}
const onReset: Array<() => void> = [];
/** Register a cache to drop when the model file changes. */
export function onModelChange(f: () => void): void {
  onReset.push(f);
}

/** Shorthand expansions from the language data. */
export interface Lexicon {
  shorthand: ReadonlyMap<string, string>;
}
let lex: Lexicon | undefined;
/** The lexicon of the current model file. */
export function lexicon(): Lexicon {
  return (lex ??= { shorthand: new Map(Object.entries(modelFile().lexicon.shorthand)) });
}
