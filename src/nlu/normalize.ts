import { lexicon, onModelChange } from './knowledge.js';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';

/** Longest stretch of a turn that is analysed; the rest is kept in the transcript but not read. */
export const MAX_ANALYSED_CHARS = 2000;

/** Word tokens, and the commas that normalizeTokens keeps as clause breaks (natural's regexp tokenizer). */
const tokenizer = new RegexpTokenizer({ pattern: /,|[a-z0-9$%]+(?:[':.\-/][a-z0-9]+)*/g, gaps: false });

// Control characters, the replacement character and zero-width marks carry no meaning in a turn.
// eslint-disable-next-line no-control-regex
const JUNK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd\u200b-\u200f\u2028\u2029\ufeff]/g;

/**
 * Clean raw typed text: drop control characters, unify quotes and dashes, fold spacing, and cap
 * the length. The result keeps the user's casing and punctuation for display and splitting.
 */
export function clean(raw: string): string {
  let s = raw.length > MAX_ANALYSED_CHARS * 2 ? raw.slice(0, MAX_ANALYSED_CHARS * 2) : raw;
  s = s.normalize('NFKC').replace(JUNK, ' ');
  s = s.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u201c\u201d]/g, '"');
  s = s.replace(/[\u2013\u2014]/g, ' - ').replace(/\s+/g, ' ').trim();
  if (s.length > MAX_ANALYSED_CHARS) s = s.slice(0, MAX_ANALYSED_CHARS);
  return s;
}

/** A sentence of the cleaned turn and whether it ended with a question mark. */
export interface RawSentence {
  text: string;
  question: boolean;
}

const ABBREVIATIONS = /\b(?:dr|mr|mrs|ms|prof|st|vs|etc|e\.g|i\.e|jr|sr|inc|co|approx|dept)\.$/i;

/** Split cleaned text into sentences at . ! ? (and runs of them), keeping titles like "Dr." whole. */
export function splitSentences(text: string): RawSentence[] {
  const out: RawSentence[] = [];
  let start = 0;
  const re = /[.!?\u3002\uff1f\uff01]+(?=\s|$|["')\]])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const piece = text.slice(start, end).trim();
    if (m[0] === '.' && ABBREVIATIONS.test(piece)) continue;
    if (piece) out.push({ text: piece, question: /[?\uff1f]/.test(m[0]) });
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push({ text: rest, question: false });
  return out;
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bain't\b/g, 'is not'],
  [/\bshan't\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\bi'm\b/g, 'i am'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|how|where|when|who|why|which|that|there|it|he|she|here)'s\b/g, '$1 is'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\b(\w+)'s\b/g, '$1s'],
];

/**
 * Turn one sentence into the lower-case, contraction-free, shorthand-expanded token list the rules
 * read. "hw r u, whats ur day like" becomes how are you , what is your day like. Shorthand comes
 * from the language data (data/nlu/lexicon.yml, compiled into the model file).
 */
export function normalizeTokens(sentence: string, shorthand?: ReadonlyMap<string, string>): readonly string[] {
  if (shorthand !== undefined) return tokensOf(sentence, shorthand);
  // The contact, the matcher and the rubric each read a turn's sentences again: keep the last few thousand.
  let tokens = memo.get(sentence);
  if (tokens === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(sentence, (tokens = Object.freeze(tokensOf(sentence, lexicon().shorthand))));
  }
  return tokens;
}

const MEMO_SIZE = 4096;
const memo = new Map<string, readonly string[]>();
onModelChange(() => memo.clear());

function tokensOf(sentence: string, shorthand: ReadonlyMap<string, string>): string[] {
  // Fold accents so "résumé" reads as "resume"; scripts without Latin letters yield no tokens.
  let s = sentence.toLowerCase();
  // Both steps are costly and most sentences need neither.
  if (/[^ -~]/.test(s)) s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  if (s.includes("'")) for (const [re, rep] of CONTRACTIONS) s = s.replace(re, rep);
  // Keep clause punctuation as tokens: commas and semicolons split clauses (each comma is then a
  // word of its own, which the tokenizer keeps).
  s = s.replace(/\s*([,;:]|\s-\s)\s*/g, ' , ');
  const out: string[] = [];
  for (const tok of tokenizer.tokenize(s) ?? []) {
    const rep = shorthand.get(tok);
    if (rep === undefined) out.push(tok);
    else for (const r of rep.split(' ')) out.push(r);
  }
  // "y" alone at the start is "why" in texting; elsewhere it is too ambiguous to touch.
  if (out[0] === 'y' && out.length > 1) out[0] = 'why';
  return out;
}
