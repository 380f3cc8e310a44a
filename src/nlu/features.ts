import { f64, i32 } from './arena.js';
import { normalizeTokens } from './normalize.js';
import { sentenceForm } from './form.js';
import type { Form } from './types.js';

/** Named word lists ("job_noun": job, position, opening…), compiled for matching. */
export interface Lookups {
  /** Single-word entries: token → the lookup names that list it. */
  words: Map<string, string[]>;
  /** Multi-word entries (" a b ", matched against " tokens ") with their list's name, by their first word, so a sentence only tries those that can match. */
  phrasesByFirst: Map<string, Array<[string, string]>>;
  /** Each list's phrases (" a b "), for asking whether a text uses one list. */
  phrasesByList: Map<string, string[]>;
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
  const phrasesByList = new Map<string, string[]>();
  for (const [phrase, name] of phrases) phrasesByList.set(name, [...(phrasesByList.get(name) ?? []), phrase]);
  return { words, phrasesByFirst, phrasesByList };
}

/**
 * The model's vocabulary for the fast path: every feature by a 32-bit hash, in an open-addressing
 * table (a string is never built at run time). Character n-grams hash their text; every other
 * feature hashes its name with another seed. Two features with one hash keep the first.
 */
export interface VocabIndex {
  /**
   * The open-addressing table, one slot per SLOT entries side by side (so a probe reads one cache
   * line, not three arrays): the feature index + 1 (0 = empty), its first hash (FNV-1a) and a
   * second, independent one, as 32-bit integers.
   */
  table: Int32Array;
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
/** Entries per slot of the vocabulary table: index + 1, first hash, second hash, padding. */
const SLOT = 4;
/** FNV-1a over `s`, continuing from state `h`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
function hash2(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul((h + s.charCodeAt(i)) ^ (h >>> 15), PRIME2);
  return h;
}
/** Both hashes of a non-character feature name ("w:job", "b:are_you", "L:job_noun"). */
function nameHash(s: string): [number, number] {
  return [fnv(NAME_SEED, s) | 0, hash2(~SEED2, s) | 0];
}

/** Index a vocabulary (one feature name per entry) for the fast path. */
export function indexVocab(features: readonly string[]): VocabIndex {
  let size = 1;
  while (size < features.length * 2) size <<= 1;
  const table = new Int32Array(size * SLOT);
  const mask = size - 1;
  // Run once per start on every feature: a plain loop with both hashes written out (a character
  // n-gram hashes its text from the character seeds, any other feature its name, as nameHash) and
  // no allocation per feature.
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const chars = f.charCodeAt(0) === 99 && f.charCodeAt(1) === 58; // "c:"
    let h = chars ? FNV_SEED : NAME_SEED;
    let h2 = chars ? SEED2 : ~SEED2;
    for (let k = chars ? 2 : 0; k < f.length; k++) {
      const c = f.charCodeAt(k);
      h = Math.imul(h ^ c, FNV_PRIME);
      h2 = Math.imul((h2 + c) ^ (h2 >>> 15), PRIME2);
    }
    h |= 0;
    h2 |= 0;
    let at = (h & mask) * SLOT;
    while (table[at] !== 0 && (table[at + 1] !== h || table[at + 2] !== h2)) at = (at + SLOT) & (mask * SLOT + SLOT - 1);
    if (table[at] !== 0) continue;
    table[at] = i + 1;
    table[at + 1] = h;
    table[at + 2] = h2;
  }
  const seeds = { w: fnv(NAME_SEED, 'w:'), n: fnv(NAME_SEED, 'n:'), b: fnv(NAME_SEED, 'b:'), w2: hash2(~SEED2, 'w:'), n2: hash2(~SEED2, 'n:'), b2: hash2(~SEED2, 'b:') };
  return { table, mask, seeds };
}

/** The feature index of a pair of hashes (as 32-bit integers), or -1. */
function lookup(v: VocabIndex, h: number, h2: number): number {
  const t = v.table;
  const wrap = v.mask * SLOT + SLOT - 1;
  let at = (h & v.mask) * SLOT;
  for (;;) {
    const s = t[at]!;
    if (s === 0) return -1;
    if (t[at + 1] === h && t[at + 2] === h2) return s - 1;
    at = (at + SLOT) & wrap;
  }
}
/** The feature index of a name, or -1. */
function lookupName(v: VocabIndex, name: string): number {
  const [h, h2] = nameHash(name);
  return lookup(v, h, h2);
}

/** Whether the model's vocabulary has a (non-character) feature: "w:hvac", "L:job_noun". */
export function hasFeature(v: VocabIndex, name: string): boolean {
  return lookupName(v, name) >= 0;
}

/** Feature counts of one text by index, kept in scratch arrays sized to the vocabulary. */
export class Counter {
  readonly counts: Float64Array;
  readonly touched: Int32Array;
  size = 0;
  /** The run-time sink writing into this counter, kept with its memo of name lookups. */
  sink: HashSink | undefined;
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
    const idx = i32(this.size);
    const cnt = f64(this.size);
    for (let k = 0; k < this.size; k++) {
      const i = this.touched[k]!;
      idx[k] = i;
      cnt[k] = this.counts[i]!;
      this.counts[i] = 0;
    }
    this.size = 0;
    return { idx, cnt };
  }
}

/**
 * Where the walk over a sentence's features reports them: by name while training builds the
 * vocabulary, by hash into counts at run time. One walk, so the two can never disagree (a test
 * checks it on every sentence of the data).
 */
interface FeatureSink {
  /** A word, or (negated) a word in a negation's scope: "w:job", "n:job". */
  word(t: string, negated: boolean): void;
  /** A word pair, "^" and "$" marking the sentence's ends: "b:are_you". */
  pair(prev: string, t: string): void;
  /** Any other feature by its name: "L:job_noun", "F:open", "Q". */
  name(name: string): void;
  /** A named word list the sentence uses: "L:job_noun". */
  list(name: string): void;
  /** Every character 3–5-gram of the text: "c:hir". */
  chars(text: string): void;
}

/**
 * The features of one sentence: words, word pairs, character 3–5-grams (for typos and word forms),
 * words in a negation's scope, named word lists, and the rule-based form. `tokens` are the
 * normalised tokens (normalizeTokens), `question` whether it ended with "?".
 */
function walkFeatures(tokens: readonly string[], question: boolean, lookups: Lookups, form: Form, sink: FeatureSink): void {
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
    sink.word(t, neg > 0);
    sink.pair(prev, t);
    prev = t;
    if (neg > 0) neg--;
    if (NEGATORS.has(t)) neg = NEG_SCOPE;
    const lists = lookups.words.get(t);
    if (lists) for (const name of lists) sink.list(name);
  }
  sink.pair(prev, '$');
  const joined = ` ${words.join(' ')} `;
  let tried: Set<string> | undefined;
  for (const w of words) {
    const candidates = lookups.phrasesByFirst.get(w);
    if (!candidates) continue;
    if ((tried ??= new Set()).has(w)) continue;
    tried.add(w);
    for (const [phrase, name] of candidates) if (joined.includes(phrase)) sink.list(name);
  }
  sink.chars(joined.length > 400 ? joined.slice(0, 400) : joined);
  if (words.length > 0) sink.name(FORM_FEATURE[form]);
  if (question) sink.name('Q');
}

const FORM_FEATURE = { open: 'F:open', closed: 'F:closed', statement: 'F:statement' } as const;

/** The run-time sink: each feature's two hashes, looked up in the vocabulary and counted. */
class HashSink implements FeatureSink {
  /** Feature indexes of names and word lists, looked up once (there are a few dozen). */
  private readonly named = new Map<string, number>();
  private readonly lists = new Map<string, number>();
  constructor(
    readonly vocab: VocabIndex,
    private readonly into: Counter,
  ) {}
  word(t: string, negated: boolean): void {
    const { w, n, w2, n2 } = this.vocab.seeds;
    this.into.add(lookup(this.vocab, fnv(negated ? n : w, t) | 0, hash2(negated ? n2 : w2, t) | 0));
  }
  pair(prev: string, t: string): void {
    const { b, b2 } = this.vocab.seeds;
    this.into.add(lookup(this.vocab, fnv(fnv(fnv(b, prev), '_'), t) | 0, hash2(hash2(hash2(b2, prev), '_'), t) | 0));
  }
  name(name: string): void {
    let i = this.named.get(name);
    if (i === undefined) this.named.set(name, (i = lookupName(this.vocab, name)));
    this.into.add(i);
  }
  list(name: string): void {
    let i = this.lists.get(name);
    if (i === undefined) this.lists.set(name, (i = lookupName(this.vocab, `L:${name}`)));
    this.into.add(i);
  }
  chars(text: string): void {
    // Both hashes of the 3-, 4- and 5-gram at each position, built one character at a time.
    for (let i = 0; i + 3 <= text.length; i++) {
      let h = FNV_SEED;
      let h2 = SEED2;
      for (let n = 1; n <= 5 && i + n <= text.length; n++) {
        const c = text.charCodeAt(i + n - 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        h2 = Math.imul((h2 + c) ^ (h2 >>> 15), PRIME2);
        if (n >= 3) this.into.add(lookup(this.vocab, h | 0, h2 | 0));
      }
    }
  }
}

/** The training sink: each feature by name, counted. */
class NameSink implements FeatureSink {
  constructor(private readonly into: Map<string, number>) {}
  private add(k: string): void {
    this.into.set(k, (this.into.get(k) ?? 0) + 1);
  }
  word(t: string, negated: boolean): void {
    this.add(negated ? `n:${t}` : `w:${t}`);
  }
  pair(prev: string, t: string): void {
    this.add(`b:${prev}_${t}`);
  }
  name(name: string): void {
    this.add(name);
  }
  list(name: string): void {
    this.add(`L:${name}`);
  }
  chars(text: string): void {
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= text.length; i++) this.add(`c:${text.slice(i, i + n)}`);
  }
}

/** The run time's features of one sentence (see `walkFeatures`), counted by index into `into`. */
export function countFeatures(tokens: readonly string[], question: boolean, lookups: Lookups, vocab: VocabIndex, into: Counter, form: Form): void {
  let sink = into.sink;
  if (sink?.vocab !== vocab) into.sink = sink = new HashSink(vocab, into);
  walkFeatures(tokens, question, lookups, form, sink);
}

/**
 * Training's features of one sentence (see `walkFeatures`), by name, with counts: the vocabulary
 * is built from these. `into` accumulates several sentences into one turn.
 */
export function featuresOf(
  tokens: readonly string[],
  question: boolean,
  lookups: Lookups,
  into: Map<string, number> = new Map<string, number>(),
  form: Form = sentenceForm(tokens, question).form,
): Map<string, number> {
  walkFeatures(tokens, question, lookups, form, new NameSink(into));
  return into;
}

/** True when the tokens contain an entry of the named word list. */
/** Whether a turn names a job or hiring (a job noun or a hiring verb): what separates a job ask from a request about something else. */
export function namesJob(tokens: readonly string[], lookups: Lookups): boolean {
  return mentions(tokens, lookups, 'job_noun') || mentions(tokens, lookups, 'hire_verb');
}

export function mentions(tokens: readonly string[], lookups: Lookups, name: string): boolean {
  for (const t of tokens) if (lookups.words.get(t)?.includes(name)) return true;
  const phrases = lookups.phrasesByList.get(name);
  if (!phrases) return false;
  const joined = ` ${tokens.filter((t) => t !== ',').join(' ')} `;
  return phrases.some((phrase) => joined.includes(phrase));
}
