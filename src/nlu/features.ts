import { normalizeTokens } from './normalize.js';
import { sentenceForm } from './form.js';
import type { Form } from './types.js';

/** Named word lists ("job_noun": job, position, opening…), compiled for matching. */
export interface Lookups {
  /** Single-word entries: token → the lookup names that list it. */
  words: Map<string, string[]>;
  /** Multi-word entries as " a b " with the lookup name, matched against " tokens ". */
  phrases: Array<[string, string]>;
  /** The phrases by their first word, so a sentence only tries those that can match. */
  phrasesByFirst: Map<string, Array<[string, string]>>;
}

const NEGATORS = new Set(['not', 'never', 'no', 'nothing', 'without']);
/** How many words after a negator are read as negated ("not asking for a job"). */
const NEG_SCOPE = 4;
const CLAUSE_BREAK = new Set([',', 'but', 'though', 'although', 'however']);

/** Compile named word lists for `features`. */
export function compileLookups(lists: Readonly<Record<string, readonly string[]>>, shorthand?: ReadonlyMap<string, string>): Lookups {
  const words = new Map<string, string[]>();
  const phrases: Array<[string, string]> = [];
  for (const name of Object.keys(lists).sort()) {
    for (const entry of lists[name]!) {
      const toks = normalizeTokens(entry, shorthand);
      if (toks.length === 1) words.set(toks[0]!, [...(words.get(toks[0]!) ?? []), name]);
      else if (toks.length > 1) phrases.push([` ${toks.join(' ')} `, name]);
    }
  }
  const phrasesByFirst = new Map<string, Array<[string, string]>>();
  for (const p of phrases) {
    const first = p[0].trim().split(' ')[0]!;
    phrasesByFirst.set(first, [...(phrasesByFirst.get(first) ?? []), p]);
  }
  return { words, phrases, phrasesByFirst };
}

/**
 * The model's vocabulary for the fast path: every feature by a 32-bit hash, in an open-addressing
 * table (a string is never built at run time). Character n-grams hash their text; every other
 * feature hashes its name with another seed. Two features with one hash keep the first.
 */
export interface VocabIndex {
  /** The first hash of each slot's feature (FNV-1a); `check` holds a second, independent one. */
  keys: Uint32Array;
  check: Uint32Array;
  /** Feature index + 1 at a key's slot; 0 = empty. */
  slots: Int32Array;
  mask: number;
  /** Hash states after each feature prefix (both hashes), so "w:" + token is hashed without a string. */
  seeds: { w: number; n: number; b: number; w2: number; n2: number; b2: number };
}

const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** The seed of non-character features, so "c:abc" and a name never share a hash by construction. */
const NAME_SEED = 0x9e3779b9;
/** The second hash: a multiplicative hash with other constants, so two features agreeing on both is beyond chance. */
const SEED2 = 0x27d4eb2f;
const PRIME2 = 0x165667b1;
/** FNV-1a over `s`, continuing from state `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
function hash2(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul((h + s.charCodeAt(i)) ^ (h >>> 15), PRIME2);
  return h;
}
/** Both hashes of a character n-gram, as the fast path computes them. */
export function ngramHash(s: string): [number, number] {
  return [fnv(FNV_SEED, s) >>> 0, hash2(SEED2, s) >>> 0];
}
/** Both hashes of a non-character feature name ("w:job", "b:are_you", "L:job_noun"). */
export function nameHash(s: string): [number, number] {
  return [fnv(NAME_SEED, s) >>> 0, hash2(~SEED2, s) >>> 0];
}

/** Index a vocabulary (one feature name per entry) for the fast path. */
export function indexVocab(features: readonly string[]): VocabIndex {
  let size = 1;
  while (size < features.length * 2) size <<= 1;
  const keys = new Uint32Array(size);
  const check = new Uint32Array(size);
  const slots = new Int32Array(size);
  const mask = size - 1;
  features.forEach((f, i) => {
    const [h, h2] = f.startsWith('c:') ? ngramHash(f.slice(2)) : nameHash(f);
    let at = h & mask;
    while (slots[at] !== 0 && (keys[at] !== h || check[at] !== h2)) at = (at + 1) & mask;
    if (slots[at] !== 0) return;
    keys[at] = h;
    check[at] = h2;
    slots[at] = i + 1;
  });
  const seeds = { w: fnv(NAME_SEED, 'w:'), n: fnv(NAME_SEED, 'n:'), b: fnv(NAME_SEED, 'b:'), w2: hash2(~SEED2, 'w:'), n2: hash2(~SEED2, 'n:'), b2: hash2(~SEED2, 'b:') };
  return { keys, check, slots, mask, seeds };
}

/** The feature index of a pair of hashes, or -1. */
function lookup(v: VocabIndex, h: number, h2: number): number {
  let at = h & v.mask;
  for (;;) {
    const s = v.slots[at]!;
    if (s === 0) return -1;
    if (v.keys[at] === h && v.check[at] === h2) return s - 1;
    at = (at + 1) & v.mask;
  }
}
/** The feature index of a name, or -1. */
function lookupName(v: VocabIndex, name: string): number {
  const [h, h2] = nameHash(name);
  return lookup(v, h, h2);
}

/** Feature counts of one text by index, kept in scratch arrays sized to the vocabulary. */
export class Counter {
  readonly counts: Float64Array;
  readonly touched: Int32Array;
  size = 0;
  constructor(nFeatures: number) {
    this.counts = new Float64Array(nFeatures);
    this.touched = new Int32Array(nFeatures);
  }
  add(i: number, by = 1): void {
    if (i < 0) return;
    if (this.counts[i] === 0) this.touched[this.size++] = i;
    this.counts[i]! += by;
  }
  /** The counts so far as (index, count) arrays; the counter is emptied. */
  take(): { idx: Int32Array; cnt: Float64Array } {
    const idx = this.touched.slice(0, this.size);
    const cnt = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) {
      cnt[k] = this.counts[idx[k]!]!;
      this.counts[idx[k]!] = 0;
    }
    this.size = 0;
    return { idx, cnt };
  }
}

/**
 * The fast path of `featuresOf` (run time): the same features, counted by index into `into`, with
 * names and n-grams hashed instead of built. A test checks it agrees with `featuresOf` on the corpus.
 */
export function countFeatures(tokens: readonly string[], question: boolean, lookups: Lookups, vocab: VocabIndex, into: Counter, form: Form): void {
  const { w: W, n: N, b: B, w2: W2, n2: N2, b2: B2 } = vocab.seeds;
  const words: string[] = [];
  let neg = 0;
  let prev = '^';
  for (const t of tokens) {
    if (CLAUSE_BREAK.has(t)) neg = 0;
    if (t === ',') {
      prev = ',';
      continue;
    }
    words.push(t);
    into.add(lookup(vocab, fnv(neg > 0 ? N : W, t) >>> 0, hash2(neg > 0 ? N2 : W2, t) >>> 0));
    into.add(lookup(vocab, fnv(fnv(fnv(B, prev), '_'), t) >>> 0, hash2(hash2(hash2(B2, prev), '_'), t) >>> 0));
    prev = t;
    if (neg > 0) neg--;
    if (NEGATORS.has(t)) neg = NEG_SCOPE;
    const lists = lookups.words.get(t);
    if (lists) for (const name of lists) into.add(lookupName(vocab, `L:${name}`));
  }
  into.add(lookup(vocab, fnv(fnv(fnv(B, prev), '_'), '$') >>> 0, hash2(hash2(hash2(B2, prev), '_'), '$') >>> 0));
  const joined = ` ${words.join(' ')} `;
  let tried: Set<string> | undefined;
  for (const w of words) {
    const candidates = lookups.phrasesByFirst.get(w);
    if (!candidates) continue;
    if ((tried ??= new Set()).has(w)) continue;
    tried.add(w);
    for (const [phrase, name] of candidates) if (joined.includes(phrase)) into.add(lookupName(vocab, `L:${name}`));
  }
  const text = joined.length > 400 ? joined.slice(0, 400) : joined;
  for (let i = 0; i + 3 <= text.length; i++) {
    let h = FNV_SEED;
    let h2 = SEED2;
    for (let n = 1; n <= 5 && i + n <= text.length; n++) {
      const c = text.charCodeAt(i + n - 1);
      h = Math.imul(h ^ c, FNV_PRIME);
      h2 = Math.imul((h2 + c) ^ (h2 >>> 15), PRIME2);
      if (n >= 3) into.add(lookup(vocab, h >>> 0, h2 >>> 0));
    }
  }
  if (words.length > 0) into.add(lookupName(vocab, `F:${form}`));
  if (question) into.add(lookupName(vocab, 'Q'));
}

/**
 * The features of one sentence, by name, with counts: words, word pairs, character 3–5-grams (for
 * typos and word forms), words in a negation's scope, named word lists, and the rule-based form.
 * `tokens` are the normalised tokens (normalizeTokens), `question` whether it ended with "?".
 * Training builds the vocabulary from these; the run time counts the same features by index with
 * `countFeatures`. `into` accumulates several sentences into one turn.
 */
export function featuresOf(
  tokens: readonly string[],
  question: boolean,
  lookups: Lookups,
  into: Map<string, number> = new Map<string, number>(),
  form: Form = sentenceForm(tokens, question).form,
): Map<string, number> {
  const add = (k: string) => into.set(k, (into.get(k) ?? 0) + 1);
  const words: string[] = [];
  let neg = 0;
  let prev = '^';
  for (const t of tokens) {
    if (CLAUSE_BREAK.has(t)) neg = 0;
    if (t === ',') {
      prev = ',';
      continue;
    }
    words.push(t);
    add(neg > 0 ? `n:${t}` : `w:${t}`);
    add(`b:${prev}_${t}`);
    prev = t;
    if (neg > 0) neg--;
    if (NEGATORS.has(t)) neg = NEG_SCOPE;
    const lists = lookups.words.get(t);
    if (lists) for (const name of lists) add(`L:${name}`);
  }
  add(`b:${prev}_$`);
  const joined = ` ${words.join(' ')} `;
  const tried = new Set<string>();
  for (const w of words) {
    if (tried.has(w)) continue;
    tried.add(w);
    const candidates = lookups.phrasesByFirst.get(w);
    if (candidates) for (const [phrase, name] of candidates) if (joined.includes(phrase)) add(`L:${name}`);
  }
  const text = joined.length > 400 ? joined.slice(0, 400) : joined;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= text.length; i++) add(`c:${text.slice(i, i + n)}`);
  if (words.length > 0) add(`F:${form}`);
  if (question) add('Q');
  return into;
}

/** True when the tokens contain an entry of the named word list. */
export function mentions(tokens: readonly string[], lookups: Lookups, name: string): boolean {
  for (const t of tokens) if (lookups.words.get(t)?.includes(name)) return true;
  const joined = ` ${tokens.filter((t) => t !== ',').join(' ')} `;
  return lookups.phrases.some(([phrase, n]) => n === name && joined.includes(phrase));
}
