import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { CANONICAL_TOPICS, type Form, type Intent, type LetterLabel } from '../nlu/types.js';
import type { Diagnostic } from '../scenario/diagnostics.js';
import { validateYaml } from '../scenario/load.js';
import {
  DATA_VERSION,
  corpusFileSchema,
  intentsFileSchema,
  lettersFileSchema,
  lexiconFileSchema,
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

/** Everything in data/nlu/, validated. */
export interface LanguageData {
  topics: z.output<typeof topicsFileSchema>['topics'];
  intents: z.output<typeof intentsFileSchema>['intents'];
  lexicon: z.output<typeof lexiconFileSchema>;
  corpus: Example[];
  letters: LetterExample[];
  training: TrainingSettings;
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

/**
 * Read and validate the language data in `dir` (topics.yml, intents.yml, lexicon.yml, corpus/*.yml,
 * letters/*.yml). Never throws: problems come back as diagnostics naming file, line and column.
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

  return {
    topics: topicsFile?.data.topics ?? [],
    intents: intentsFile?.data.intents ?? [],
    lexicon: lexiconFile?.data ?? { version: DATA_VERSION, shorthand: {}, lookups: {} },
    corpus,
    letters,
    training: trainingFile?.data ?? trainingFileSchema.parse({ version: 1, held_out: 0.15, epochs: 20, learning_rate: 0.6, l2: 1e-5, min_count: 2, intent_threshold: 0.5, positive_weight_power: 0.5, letter_threshold: 0.3, prune_below: 1, seed: 7, matching: { sure: 0.45, plausible: 0.2, profile: 0.8 } }),
    hash: hash.digest('hex'),
    diagnostics,
  };
}

/** True for the fixed, hash-chosen share of examples that training never sees (the held-out split). */
export function isHeldOut(text: string, fraction: number): boolean {
  const h = createHash('sha256').update(text.toLowerCase()).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000 < fraction;
}
