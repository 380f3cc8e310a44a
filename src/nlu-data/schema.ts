import * as z from 'zod';
import { FORMS, INTENTS, LETTER_LABELS } from '../nlu/types.js';
export { LETTER_LABELS, type LetterLabel } from '../nlu/types.js';

/** The language-data format version this program reads. */
export const DATA_VERSION = 1;

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'use lower-case letters, digits and "_"');
/** A block of examples, one per line starting with "- " (Rasa's `examples: |`). */
const exampleBlock = z
  .string()
  .refine((s) => s.split('\n').some((l) => /^\s*-\s+\S/.test(l)), 'needs at least one "- example" line')
  .describe('One example per line, each starting with "- ".');

/** `topics.yml`: the canonical topics of an informational interview. */
export const topicsFileSchema = z.strictObject({
  version: z.number().int(),
  topics: z
    .array(
      z.strictObject({
        id,
        label: text.describe('How the contact names the topic in a sentence ("how I got into this work").'),
        ask: text.describe('A question a student might ask about it, offered as a suggestion.'),
        stance: text.describe('How a yes/no question on it is begun before the short answer ("Mostly, yes —").'),
        description: text,
      }),
    )
    .min(1),
});

/** `intents.yml`: what a turn can do besides its form. */
export const intentsFileSchema = z.strictObject({
  version: z.number().int(),
  intents: z.array(z.strictObject({ id: z.enum(INTENTS), description: text })).min(1),
});

/** `lexicon.yml`: shorthand expansions and lookups (word lists referenced by name). */
export const lexiconFileSchema = z.strictObject({
  version: z.number().int(),
  shorthand: z.record(z.string().regex(/^[a-z0-9'$%]+$/, 'one lower-case token'), text).describe('Texting shorthand and misspellings: token → what it stands for.'),
  lookups: z.record(id, z.array(text).min(1)).describe('Named word lists; each entry is a word or a phrase, lower case.'),
});

/** A block of labelled turns in a corpus file. */
export const turnBlockSchema = z.strictObject({
  form: z.enum(FORMS),
  intents: z.array(z.enum(INTENTS)).default([]),
  topic: id.optional(),
  examples: exampleBlock,
});

/** `corpus/*.yml`: labelled turns. */
export const corpusFileSchema = z.strictObject({
  version: z.number().int(),
  turns: z.array(turnBlockSchema).min(1),
});

/** `letters/*.yml`: labelled sentences from outreach messages and thank-you notes. */
export const lettersFileSchema = z.strictObject({
  version: z.number().int(),
  sentences: z
    .array(
      z.strictObject({
        labels: z.array(z.enum(LETTER_LABELS)).default([]),
        examples: exampleBlock,
      }),
    )
    .min(1),
});

/** `training.yml`: the tuning numbers of `npm run train`. */
export const trainingFileSchema = z.strictObject({
  version: z.number().int(),
  held_out: z.number().min(0).max(0.5),
  epochs: z.number().int().min(1).max(200),
  learning_rate: z.number().positive(),
  l2: z.number().min(0),
  min_count: z.number().int().min(1),
  intent_threshold: z.number().min(0).max(1),
  intent_thresholds: z.partialRecord(z.enum(INTENTS), z.number().min(0).max(1)).default({}),
  positive_weight_power: z.number().min(0).max(1),
  letter_threshold: z.number().min(0).max(1),
  letter_thresholds: z.partialRecord(z.enum(LETTER_LABELS), z.number().min(0).max(1)).default({}),
  prune_below: z.number().int().min(1).max(127),
  embedding_weight: z.number().min(0).max(10).default(0),
  seed: z.number().int(),
  matching: z.strictObject({ sure: z.number().min(0).max(1), plausible: z.number().min(0).max(1), profile: z.number().min(0).max(1), small_talk: z.number().min(0).max(1) }),
});
/** Training settings. */
export type TrainingSettings = z.output<typeof trainingFileSchema>;

/** One closed question as a student types it and the exact open rewrite expected for it. */
const rewriteExampleSchema = z.strictObject({
  closed: text.describe('A closed question as a student would type it ("Do you use Figma?").'),
  open: text.describe('The exact rewrite expected for it.'),
});

/** `rewrites.yml`: the open rewrites offered for closed questions (src/nlu/suggest.ts applies them). */
export const rewritesFileSchema = z.strictObject({
  version: z.number().int(),
  fallback: text.describe('Shown when no rule rewrites a closed question.'),
  lists: z
    .record(id, z.array(text).min(1))
    .default({})
    .describe('Named word lists; {name} in a pattern stands for any one entry of the list.'),
  prepare: z
    .array(
      z.strictObject({
        pattern: text.describe('An anchored regular expression over the normalised clause, with named groups.'),
        template: z.string().describe('What the clause becomes; {group} is replaced by what the group matched.'),
      }),
    )
    .default([])
    .describe('Steps applied in order before the rules, each when its pattern matches.'),
  rules: z
    .array(
      z.strictObject({
        pattern: text.describe('An anchored regular expression over the normalised clause (lower case, contractions expanded), with named groups.'),
        template: text.describe('The open rewrite; {group} is replaced by what the group matched.'),
        examples: z.array(rewriteExampleSchema).min(1).describe('Closed questions with the exact rewrite expected (checked by training and the tests).'),
      }),
    )
    .min(1)
    .describe('Tried in order: the first rule whose pattern matches gives the rewrite.'),
  no_rewrite: z.array(text).default([]).describe('Closed questions that must get no rewrite.'),
});
/** The rewrites file, validated. */
export type RewritesFile = z.output<typeof rewritesFileSchema>;
