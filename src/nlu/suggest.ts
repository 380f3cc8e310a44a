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

/** Compile a rule set; throws SyntaxError on an invalid pattern. */
export function compileRewrites(set: RewriteSet): CompiledRewrites {
  return { prepare: set.prepare.map(compileRule), rules: set.rules.map(compileRule), fallback: set.fallback };
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
  for (let i = 0; i < set.rules.length; i++) {
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
