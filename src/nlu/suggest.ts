/**
 * Open rewrites for common closed questions. The rules are data (data/nlu/rewrites.yml, copied
 * into the model file by `npm run train`): each takes the normalised clause (lower case,
 * contractions expanded, fillers stripped) and gives a rewrite, or nothing when none fits.
 */
import { modelFile, onModelChange, type RewriteRule, type RewriteSet } from './knowledge.js';

/** A rule ready to apply. */
export interface CompiledRule {
  re: RegExp;
  template: string;
}

/** A rule set ready to apply: the preparing steps, the rules (first match wins) and the fallback. */
export interface CompiledRewrites {
  prepare: CompiledRule[];
  rules: CompiledRule[];
  fallback: string;
  /**
   * The rules worth trying for a clause's first word, in order (every rule that can match a
   * clause starting with that word), and those for any other first word. Without it, every rule
   * is tried: the same result, more regular expressions run (and compiled, the first time).
   */
  byFirstWord?: { words: Map<string, number[]>; other: number[] };
}

/** What a rewrite came from: its text and the index of the rule that made it. */
export interface RewriteResult {
  text: string;
  rule: number;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The names of a pattern's groups (?<name>…). */
export function groupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!);
}

/** The {names} a template uses. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Compile one rule; throws SyntaxError on an invalid pattern. */
export function compileRule(rule: RewriteRule): CompiledRule {
  return { re: new RegExp(rule.pattern), template: rule.template };
}

/** Compile a rule set, with its first-word index; throws SyntaxError on an invalid pattern. */
export function compileRewrites(set: RewriteSet): CompiledRewrites {
  const firsts = set.rules.map((r) => firstWords(r.pattern));
  const vocabulary = new Set(firsts.flatMap((f) => (f ? [...f] : [])));
  const words = new Map<string, number[]>();
  for (const w of vocabulary) words.set(w, firsts.flatMap((f, i) => (!f || f.has(w) ? [i] : [])));
  const other = firsts.flatMap((f, i) => (f ? [] : [i]));
  return { prepare: set.prepare.map(compileRule), rules: set.rules.map(compileRule), fallback: set.fallback, byFirstWord: { words, other } };
}

/** The index after the regular-expression atom at `k`: an escape ("\\b") or a [class] as a whole, else one character. */
function skipAtom(p: string, k: number): number {
  if (p[k] === '\\') return k + 2;
  if (p[k] !== '[') return k + 1;
  let j = k + 1;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The index just past the group opening at `i` (balanced parentheses), or -1. */
function groupEnd(p: string, i: number): number {
  let depth = 0;
  for (let k = i; k < p.length; k = skipAtom(p, k)) {
    if (p[k] === '(') depth++;
    else if (p[k] === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** The alternatives at the top level of a group's body. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < body.length; k = skipAtom(body, k)) {
    const c = body[k];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(from, k));
      from = k + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

const WORD = /^[a-z']+$/;
/** A clause's first word as the index reads it (the letters before any space or punctuation). */
const LEADING_WORD = /^[a-z']*/;
const WORD_THEN_SPACE = /^([a-z']+) /;
/** After a whole first word: a space or a word boundary. */
const ENDS_WORD = (rest: string) => rest.startsWith(' ') || rest.startsWith('\\b');

/**
 * The words a clause matched by an anchored pattern can start with ("^(?:is|are) there" → is,
 * are), read from the pattern after its lookaheads; undefined when the pattern is not of a shape
 * read here, so the rule is always tried. A test checks on every closed question of the corpus
 * that the index gives the same rewrites as trying every rule.
 */
export function firstWords(p: string): Set<string> | undefined {
  if (!p.startsWith('^')) return undefined;
  let i = 1;
  while (p.startsWith('(?!', i) || p.startsWith('(?=', i)) {
    i = groupEnd(p, i);
    if (i < 0) return undefined;
  }
  const rest = p.slice(i);
  const literal = WORD_THEN_SPACE.exec(rest);
  if (literal) return new Set([literal[1]!]);
  const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(rest);
  if (!rest.startsWith('(?:') && !named) return undefined;
  const end = groupEnd(p, i);
  if (end < 0 || /^[?*{]/.test(p.slice(end))) return undefined;
  const body = p.slice(i + (named ? named[0].length : 3), end - 1);
  const words = new Set<string>();
  for (const alt of alternatives(body)) {
    if (WORD.test(alt) && ENDS_WORD(p.slice(end))) words.add(alt);
    else {
      const m = WORD_THEN_SPACE.exec(alt);
      if (!m) return undefined;
      words.add(m[1]!);
    }
  }
  return words;
}

/** A template with each {name} replaced by its group's text (nothing when the group matched nothing). */
function fill(template: string, m: RegExpExecArray): string {
  return template.replace(PLACEHOLDER, (_, name: string) => m.groups?.[name] ?? '').replace(/\s+/g, ' ').trim();
}

/** Tidy a rewrite for display: spacing, capital first letter, "I". */
function finish(s: string): string {
  const t = s
    .replace(/\s+([?,.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bi\b/g, 'I');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Apply a rule set to a normalised clause: the rewrite and the rule that made it, or undefined. */
export function rewriteWith(set: CompiledRewrites, clause: string): RewriteResult | undefined {
  let c = clause.replace(/ ,/g, ',').replace(/[?.!]+$/, '').replace(/\s+/g, ' ').trim();
  for (const step of set.prepare) {
    const m = step.re.exec(c);
    if (m) c = fill(step.template, m);
  }
  const index = set.byFirstWord;
  const order = index ? (index.words.get(LEADING_WORD.exec(c)![0]) ?? index.other) : undefined;
  const n = order ? order.length : set.rules.length;
  for (let k = 0; k < n; k++) {
    const i = order ? order[k]! : k;
    const rule = set.rules[i]!;
    const m = rule.re.exec(c);
    if (m) {
      const text = finish(fill(rule.template, m));
      return text ? { text, rule: i } : undefined;
    }
  }
  return undefined;
}

let compiled: CompiledRewrites | undefined;
onModelChange(() => (compiled = undefined));
/** The model's rewrite rules, compiled on first use. */
function rewrites(): CompiledRewrites {
  return (compiled ??= compileRewrites(modelFile().rewrites));
}

/** An open rewrite of a closed question's normalised clause, or undefined when no rule fits. */
export function openRewrite(clause: string): string | undefined {
  return rewriteWith(rewrites(), clause)?.text;
}

/** The advice shown when a closed question has no rewrite. */
export function rewriteFallback(): string {
  return rewrites().fallback;
}
