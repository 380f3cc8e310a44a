import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';

/** Longest stretch of a turn that is analysed; the rest is kept in the transcript but not read. */
export const MAX_ANALYSED_CHARS = 2000;

const tokenizer = new RegexpTokenizer({ pattern: /[a-z0-9$%]+(?:[':.\-/][a-z0-9]+)*/g, gaps: false });

/** Split a normalised, lower-case string into word tokens (natural's regexp tokenizer). */
export function tokenize(text: string): string[] {
  return tokenizer.tokenize(text) ?? [];
}

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

// Texting shorthand and frequent misspellings of the words the rules read. Only exact tokens are
// replaced: fuzzy matching turns "well" into "tell" and "here" into "where".
const SHORTHAND_WORDS: Record<string, string> = {
  u: 'you', ya: 'you', yu: 'you', yuo: 'you', r: 'are', ur: 'your', yr: 'your', rn: 'right now',
  pls: 'please', plz: 'please', thx: 'thanks', thnx: 'thanks', thanx: 'thanks', tnx: 'thanks',
  ty: 'thank you', tysm: 'thank you so much', thanku: 'thank you', thankyou: 'thank you',
  cuz: 'because', bc: 'because', coz: 'because', gonna: 'going to', wanna: 'want to',
  gotta: 'have to', kinda: 'kind of', sorta: 'sort of', idk: 'i do not know', im: 'i am',
  ive: 'i have', ill: 'i will', id: 'i would', dont: 'do not', doesnt: 'does not', didnt: 'did not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', cant: 'can not', wont: 'will not',
  wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not', havent: 'have not',
  whats: 'what is', hows: 'how is', wheres: 'where is', whos: 'who is', whens: 'when is',
  thats: 'that is', theres: 'there is', youre: 'you are', youd: 'you would', youve: 'you have',
  wat: 'what', wht: 'what', waht: 'what', whta: 'what', hwat: 'what', hw: 'how', hwo: 'how',
  wy: 'why', wyh: 'why', wen: 'when', whne: 'when', wehn: 'when', wher: 'where',
  wehre: 'where', whcih: 'which', wich: 'which', whihc: 'which', cud: 'could', coud: 'could',
  cuold: 'could', woud: 'would', wud: 'would', woudl: 'would', shud: 'should', shoud: 'should',
  shuold: 'should', tel: 'tell', tlel: 'tell', descibe: 'describe', desribe: 'describe',
  decribe: 'describe', explian: 'explain', expain: 'explain', expalin: 'explain', teh: 'the',
  recieve: 'receive', reccomend: 'recommend', recomend: 'recommend', reccommend: 'recommend',
  resum: 'resume', dya: 'do you',
  "d'you": 'do you', "d'ya": 'do you', "y'all": 'you', yall: 'you',
  rly: 'really', tho: 'though', abt: 'about', w: 'with', b4: 'before', '2day': 'today',
  tmrw: 'tomorrow', ppl: 'people', wrk: 'work', jst: 'just', sry: 'sorry', srry: 'sorry',
  thnks: 'thanks', thks: 'thanks', appriciate: 'appreciate',
  apreciate: 'appreciate', mins: 'minutes', min: 'minutes', hrs: 'hours',
};
// A Map, not the object: a token such as "constructor" or "__proto__" must not find Object.prototype.
const SHORTHAND = new Map(Object.entries(SHORTHAND_WORDS));

/**
 * Turn one sentence into the lower-case, contraction-free, shorthand-expanded token list the rules
 * read. "hw r u, whats ur day like" becomes how are you , what is your day like.
 */
export function normalizeTokens(sentence: string): string[] {
  // Fold accents so "résumé" reads as "resume"; scripts without Latin letters yield no tokens.
  let s = sentence.toLowerCase();
  // Both steps are costly and most sentences need neither.
  if (/[^ -~]/.test(s)) s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  if (s.includes("'")) for (const [re, rep] of CONTRACTIONS) s = s.replace(re, rep);
  // Keep clause punctuation as tokens: commas and semicolons split clauses.
  s = s.replace(/\s*([,;:]|\s-\s)\s*/g, ' , ');
  const out: string[] = [];
  for (const part of s.split(' ')) {
    if (part === ',') {
      out.push(',');
      continue;
    }
    for (const tok of tokenize(part)) {
      const rep = SHORTHAND.get(tok);
      if (rep === undefined) out.push(tok);
      else for (const r of rep.split(' ')) out.push(r);
    }
  }
  // "y" alone at the start is "why" in texting; elsewhere it is too ambiguous to touch.
  if (out[0] === 'y' && out.length > 1) out[0] = 'why';
  return out;
}
