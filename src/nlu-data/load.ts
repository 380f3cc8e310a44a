import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { EMBEDDING_DIMS } from '../nlu/embeddings.js';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { sentenceForm, stronger, type FormVerdict } from '../nlu/form.js';
import type { RewriteRule, RewriteSet } from '../nlu/knowledge.js';
import { unitsOf } from '../nlu/model.js';
import { compileRule, groupNames, placeholders, rewriteWith, type CompiledRule } from '../nlu/suggest.js';
import { CANONICAL_TOPICS, type Form, type Intent, type LetterLabel } from '../nlu/types.js';
import type { Diagnostic } from '../scenario/diagnostics.js';
import { validateYaml } from '../scenario/load.js';
import {
  DATA_VERSION,
  corpusFileSchema,
  intentsFileSchema,
  lettersFileSchema,
  lexiconFileSchema,
  rewritesFileSchema,
  topicsFileSchema,
  trainingFileSchema,
  type TrainingSettings,
} from './schema.js';

/** One labelled turn of the corpus, with where it was written. */
export interface Example {
  text: string;
  form: Form;
  intents: Intent[];
  topic: string | null;
  file: string;
  line: number;
}

/** One labelled letter sentence. */
export interface LetterExample {
  text: string;
  labels: LetterLabel[];
  file: string;
  line: number;
}

/** A rewrite example: a closed question as typed and its expected rewrite (undefined: none). */
export interface RewriteExample {
  closed: string;
  open: string | undefined;
  file: string;
  line: number;
}

/** Everything in data/nlu/, validated. */
export interface LanguageData {
  topics: z.output<typeof topicsFileSchema>['topics'];
  intents: z.output<typeof intentsFileSchema>['intents'];
  lexicon: z.output<typeof lexiconFileSchema>;
  corpus: Example[];
  letters: LetterExample[];
  training: TrainingSettings;
  /** The open rewrites (rewrites.yml), word lists expanded into the patterns. */
  rewrites: RewriteSet;
  /** rewrites.yml's examples and no_rewrite questions, with where they are written. */
  rewriteExamples: RewriteExample[];
  /** Pruned GloVe word vectors (embeddings/words.txt + vectors.i8), when present. */
  embeddings?: { words: string[]; vectors: Int8Array };
  /** sha256 over every file read, in a fixed order. */
  hash: string;
  diagnostics: Diagnostic[];
}

const OPTS = { version: DATA_VERSION, example: 'version:, …', hint: 'see docs/language-data.md', emptyHint: 'see docs/language-data.md' };

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The examples of an `examples: |` block with their line numbers (the block starts after `startLine`). */
function blockLines(block: string, startLine: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  block.split('\n').forEach((l, i) => {
    const m = /^\s*-\s+(.*\S)\s*$/.exec(l);
    if (m) out.push({ text: m[1]!, line: startLine + 1 + i });
  });
  return out;
}

/** What is shown when no rewrite rule fits (and rewrites.yml cannot be read). */
const DEFAULT_FALLBACK = 'Try starting with what, how or why to invite a fuller answer.';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern with each {list} replaced by an alternation of the list's entries (longest first). */
function expandLists(pattern: string, lists: Record<string, string[]>, unknown: (name: string) => void): string {
  return pattern.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => {
    const list = lists[name];
    if (!list) {
      unknown(name);
      return whole;
    }
    return `(?:${[...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join('|')})`;
  });
}

/** A turn's form verdict as analyze() reaches it: the strongest of its sentences'. */
function turnForm(text: string, shorthand: ReadonlyMap<string, string>): FormVerdict {
  let best: FormVerdict = { form: 'statement', why: 'no question or prompt' };
  for (const u of unitsOf(text, shorthand)) best = stronger(best, sentenceForm(u.tokens, u.question));
  return best;
}

/** The deciding closed clause of a turn, normalised as analyze() hands it to the rewrites; undefined when the turn is not a closed question. */
function closedClause(text: string, shorthand: ReadonlyMap<string, string>): string | undefined {
  const best = turnForm(text, shorthand);
  return best.form === 'closed' && best.clause ? best.clause.join(' ') : undefined;
}

/**
 * Read and validate the language data in `dir` (topics.yml, intents.yml, lexicon.yml, rewrites.yml,
 * corpus/*.yml, letters/*.yml). Never throws: problems come back as diagnostics naming file, line and column.
 */
export function loadLanguageData(dir: string): LanguageData {
  const diagnostics: Diagnostic[] = [];
  const hash = createHash('sha256');
  const read = <S extends z.ZodType>(file: string, schema: S, what: string) => {
    const name = relative(process.cwd(), file) || file;
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (err) {
      diagnostics.push({ file: name, line: 1, col: 1, length: 1, severity: 'error', code: 'SC006', message: `cannot read file: ${(err as Error).message}` });
      return undefined;
    }
    hash.update(`${basename(file)}\0${source}\0`);
    const v = validateYaml(source, name, schema, { ...OPTS, what });
    diagnostics.push(...v.diagnostics);
    return v.data === undefined ? undefined : { data: v.data, doc: v.doc!, at: v.at!, name };
  };

  const topicsFile = read(join(dir, 'topics.yml'), topicsFileSchema, 'topics file');
  const intentsFile = read(join(dir, 'intents.yml'), intentsFileSchema, 'intents file');
  const lexiconFile = read(join(dir, 'lexicon.yml'), lexiconFileSchema, 'lexicon file');
  const trainingFile = read(join(dir, 'training.yml'), trainingFileSchema, 'training file');
  const rewritesFile = read(join(dir, 'rewrites.yml'), rewritesFileSchema, 'rewrites file');
  const topicIds = new Set(topicsFile?.data.topics.map((t) => t.id) ?? []);
  // Scenarios name canonical topics through CANONICAL_TOPICS: the file and the list must agree.
  if (topicsFile) {
    const missing = CANONICAL_TOPICS.filter((t) => !topicIds.has(t));
    const extra = [...topicIds].filter((t) => !(CANONICAL_TOPICS as readonly string[]).includes(t));
    if (missing.length || extra.length) {
      diagnostics.push({ file: topicsFile.name, line: 1, col: 1, length: 1, severity: 'error', code: 'NL003', message: `topics.yml and the program's canonical topics differ${missing.length ? `; missing: ${missing.join(', ')}` : ''}${extra.length ? `; not known to the program: ${extra.join(', ')}` : ''}`, hint: 'a new canonical topic is also added to CANONICAL_TOPICS in src/nlu/types.ts' });
    }
  }

  const corpus: Example[] = [];
  for (const file of yamlFiles(join(dir, 'corpus'))) {
    const r = read(file, corpusFileSchema, 'corpus file');
    if (!r) continue;
    r.data.turns.forEach((block, i) => {
      if (block.topic !== undefined && topicsFile && !topicIds.has(block.topic)) {
        const node = r.doc.getIn(['turns', i, 'topic'], true) as { range?: [number, number] } | undefined;
        diagnostics.push({ file: r.name, ...r.at(node?.range?.[0], node?.range?.[1]), severity: 'error', code: 'NL001', message: `unknown topic '${block.topic}'`, hint: `topics are listed in topics.yml: ${[...topicIds].join(', ')}` });
      }
      const node = r.doc.getIn(['turns', i, 'examples'], true) as { range?: [number, number] } | undefined;
      const start = r.at(node?.range?.[0]).line;
      for (const { text, line } of blockLines(block.examples, start)) {
        corpus.push({ text, form: block.form, intents: [...new Set(block.intents)], topic: block.topic ?? null, file: r.name, line });
      }
    });
  }

  const letters: LetterExample[] = [];
  for (const file of yamlFiles(join(dir, 'letters'))) {
    const r = read(file, lettersFileSchema, 'letters file');
    if (!r) continue;
    r.data.sentences.forEach((block, i) => {
      const node = r.doc.getIn(['sentences', i, 'examples'], true) as { range?: [number, number] } | undefined;
      const start = r.at(node?.range?.[0]).line;
      for (const { text, line } of blockLines(block.examples, start)) letters.push({ text, labels: [...new Set(block.labels)], file: r.name, line });
    });
  }

  // The same text under two different labellings teaches the model nothing but noise.
  const seen = new Map<string, Example>();
  for (const ex of corpus) {
    const key = ex.text.toLowerCase();
    const prev = seen.get(key);
    if (!prev) seen.set(key, ex);
    else if (prev.form !== ex.form || prev.topic !== ex.topic || prev.intents.join() !== ex.intents.join()) {
      diagnostics.push({ file: ex.file, line: ex.line, col: 1, length: 1, severity: 'warning', code: 'NL002', message: `"${ex.text}" is labelled differently at ${prev.file}:${prev.line}`, hint: 'keep one labelling' });
    }
  }

  // Rewrites: expand the word lists, compile every pattern, and check every example end to end.
  const rewrites: RewriteSet = { prepare: [], rules: [], fallback: rewritesFile?.data.fallback ?? DEFAULT_FALLBACK };
  const rewriteExamples: RewriteExample[] = [];
  if (rewritesFile) {
    const r = rewritesFile;
    const pos = (path: Array<string | number>) => {
      const node = r.doc.getIn(path, true) as { range?: [number, number] } | undefined;
      return r.at(node?.range?.[0], node?.range?.[1]);
    };
    const err = (path: Array<string | number>, code: string, message: string, hint?: string) =>
      diagnostics.push({ file: r.name, ...pos(path), severity: 'error', code, message, ...(hint ? { hint } : {}) });
    let ok = true;
    const compileAll = (key: 'prepare' | 'rules', list: RewriteRule[]) =>
      list.map((rule, i): CompiledRule | undefined => {
        const at = [key, i, 'pattern'];
        let bad = false;
        const pattern = expandLists(rule.pattern, r.data.lists, (name) => {
          bad = true;
          err(at, 'NL013', `unknown word list {${name}}`, `the lists are: ${Object.keys(r.data.lists).join(', ') || 'none'}`);
        });
        if (!rule.pattern.startsWith('^') || !rule.pattern.endsWith('$')) {
          bad = true;
          err(at, 'NL011', 'a pattern must be anchored: start with ^ and end with $', 'so that it matches the whole question, not a part of it');
        }
        let compiled: CompiledRule | undefined;
        try {
          compiled = compileRule({ pattern, template: rule.template });
        } catch (e) {
          bad = true;
          err(at, 'NL010', `invalid pattern: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`, 'write patterns in single quotes; a literal ( ) [ ] { } . ? * + | needs a \\ before it');
        }
        const groups = new Set(groupNames(rule.pattern));
        const missing = placeholders(rule.template).filter((p) => !groups.has(p));
        if (missing.length) {
          bad = true;
          err([key, i, 'template'], 'NL012', `the template uses ${missing.map((p) => `{${p}}`).join(', ')}, which the pattern does not name`, `name a group in the pattern: (?<${missing[0]}>…)`);
        }
        if (bad) ok = false;
        else rewrites[key].push({ pattern, template: rule.template });
        return compiled;
      });
    const prepare = compileAll('prepare', r.data.prepare);
    const rules = compileAll('rules', r.data.rules);
    const shorthand = new Map(Object.entries(lexiconFile?.data.shorthand ?? {}));
    const madeByOwnRule = new Set<number>();
    const check = (closed: string, open: string | undefined, path: Array<string | number>, owner?: number) => {
      rewriteExamples.push({ closed, open, file: r.name, line: pos(path).line });
      if (open !== undefined) {
        const form = turnForm(open, shorthand);
        if (form.form !== 'open') err(path.slice(0, -1).concat('open'), 'NL016', `the rewrite "${open}" is itself read as ${form.form} (${form.why})`, 'a rewrite must be an open question: what, how or why …');
      }
      if (!ok) return;
      const clause = closedClause(closed, shorthand);
      const got = clause === undefined ? undefined : rewriteWith({ prepare: prepare as CompiledRule[], rules: rules as CompiledRule[], fallback: rewrites.fallback }, clause);
      if (got?.text === open) {
        if (got && got.rule === owner) madeByOwnRule.add(owner);
        return;
      }
      const by = got ? ` (by the rule at line ${pos(['rules', got.rule, 'pattern']).line})` : '';
      const what = clause === undefined ? 'is not read as a closed question, so it gets no rewrite' : got ? `is rewritten as "${got.text}"${by}` : `gets no rewrite (its clause: "${clause}")`;
      err(path, open === undefined ? 'NL015' : 'NL014', `"${closed}" ${what}${open === undefined ? '' : `, not "${open}"`}`, open === undefined ? 'narrow the rule that fires, or take the question off no_rewrite' : 'rules are tried in order; the first whose pattern matches wins');
    };
    r.data.rules.forEach((rule, i) => rule.examples.forEach((ex, k) => check(ex.closed, ex.open, ['rules', i, 'examples', k, 'closed'], i)));
    r.data.no_rewrite.forEach((q, k) => check(q, undefined, ['no_rewrite', k]));
    // A rule none of whose examples it makes itself may never fire: an earlier rule takes them.
    if (ok && !diagnostics.some((d) => d.file === r.name && d.code === 'NL014')) {
      r.data.rules.forEach((_, i) => {
        if (!madeByOwnRule.has(i)) err(['rules', i, 'pattern'], 'NL017', 'none of this rule\'s examples is rewritten by it: an earlier rule takes them', 'move the rule up, or give it an example only it handles');
      });
    }
  }

  const embeddings = readEmbeddings(join(dir, 'embeddings'), diagnostics);
  if (embeddings) hash.update(`embeddings\0${embeddings.words.join('\n')}\0`).update(embeddings.vectors);

  return {
    topics: topicsFile?.data.topics ?? [],
    intents: intentsFile?.data.intents ?? [],
    lexicon: lexiconFile?.data ?? { version: DATA_VERSION, shorthand: {}, lookups: {} },
    corpus,
    letters,
    training: trainingFile?.data ?? trainingFileSchema.parse({ version: 1, held_out: 0.15, epochs: 20, learning_rate: 0.6, l2: 1e-5, min_count: 2, intent_threshold: 0.5, positive_weight_power: 0.5, letter_threshold: 0.3, prune_below: 1, seed: 7, matching: { sure: 0.45, plausible: 0.2, profile: 0.8, small_talk: 0.5 } }),
    rewrites,
    rewriteExamples,
    ...(embeddings ? { embeddings } : {}),
    hash: hash.digest('hex'),
    diagnostics,
  };
}

/** True for the fixed, hash-chosen share of examples that training never sees (the held-out split). */
export function isHeldOut(text: string, fraction: number): boolean {
  const h = createHash('sha256').update(text.toLowerCase()).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000 < fraction;
}

/** The pruned word vectors in `dir` (scripts/prune-embeddings.ts), or undefined when the folder is absent. */
function readEmbeddings(dir: string, diagnostics: Diagnostic[]): { words: string[]; vectors: Int8Array } | undefined {
  if (!existsSync(dir)) return undefined;
  const name = relative(process.cwd(), dir) || dir;
  try {
    const words = readFileSync(join(dir, 'words.txt'), 'utf8').split('\n').filter(Boolean);
    const buf = readFileSync(join(dir, 'vectors.i8'));
    if (buf.length !== words.length * EMBEDDING_DIMS) {
      diagnostics.push({ file: `${name}/vectors.i8`, line: 1, col: 1, length: 1, severity: 'error', code: 'NL020', message: `holds ${buf.length} bytes, not ${words.length} words × ${EMBEDDING_DIMS}`, hint: 'run npm run embeddings again' });
      return undefined;
    }
    return { words, vectors: new Int8Array(buf.buffer, buf.byteOffset, buf.length) };
  } catch (err) {
    diagnostics.push({ file: name, line: 1, col: 1, length: 1, severity: 'error', code: 'NL020', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, hint: 'run npm run embeddings again' });
    return undefined;
  }
}
