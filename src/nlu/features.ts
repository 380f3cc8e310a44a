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

/** The model's vocabulary for the fast path: features by name, and character n-grams by hash. */
export interface VocabIndex {
  names: ReadonlyMap<string, number>;
  chars: ReadonlyMap<number, number>;
}

const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** FNV-1a hash of a character n-gram, as the fast path computes it. */
export function ngramHash(s: string): number {
  let h = FNV_SEED;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Index a vocabulary (one feature name per entry) for the fast path. */
export function indexVocab(features: readonly string[]): VocabIndex {
  const names = new Map<string, number>();
  const chars = new Map<number, number>();
  features.forEach((f, i) => {
    if (f.startsWith('c:')) {
      const h = ngramHash(f.slice(2));
      if (!chars.has(h)) chars.set(h, i);
    } else names.set(f, i);
  });
  return { names, chars };
}

const NEGATORS = new Set(['not', 'never', 'no', 'nothing', 'without']);
/** How many words after a negator are read as negated ("not asking for a job"). */
const NEG_SCOPE = 4;
const CLAUSE_BREAK = new Set([',', 'but', 'though', 'although', 'however']);

/**
 * The features of one sentence, with counts: words, word pairs, character 3–5-grams (for typos
 * and word forms), words in a negation's scope, named word lists, and the rule-based form.
 * `tokens` are the normalised tokens (normalizeTokens), `question` whether it ended with "?".
 * With `vocab`, features are counted by their index and unknown ones dropped (the fast path at
 * run time); without it, by name (training, which builds the vocabulary). `into` accumulates
 * several sentences into one turn.
 */
export function featuresOf<K extends string | number = string>(
  tokens: readonly string[],
  question: boolean,
  lookups: Lookups,
  vocab?: VocabIndex,
  into: Map<K, number> = new Map<K, number>(),
  form: Form = sentenceForm(tokens, question).form,
): Map<K, number> {
  const f = into as Map<string | number, number>;
  const count = (i: number | undefined) => {
    if (i !== undefined) f.set(i, (f.get(i) ?? 0) + 1);
  };
  const add = vocab ? (k: string) => count(vocab.names.get(k)) : (k: string) => f.set(k, (f.get(k) ?? 0) + 1);
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
  if (vocab) {
    // The hot path: character n-grams by hash, without making a string for each.
    for (let i = 0; i + 3 <= text.length; i++) {
      let h = FNV_SEED;
      for (let n = 1; n <= 5 && i + n <= text.length; n++) {
        h = Math.imul(h ^ text.charCodeAt(i + n - 1), FNV_PRIME);
        if (n >= 3) count(vocab.chars.get(h >>> 0));
      }
    }
  } else for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= text.length; i++) add(`c:${text.slice(i, i + n)}`);
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
