import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { shippedFile } from '../nlu/knowledge.js';
import { formatDiagnostic } from '../scenario/diagnostics.js';
import { fromBuildCache, sha256 } from '../scenario/cache.js';
import { validateYaml } from '../scenario/load.js';
import { packageRoot } from '../scenario/registry.js';
import { DIMENSIONS } from '../scenario/schema.js';

const text = z.string().trim().min(1);
/** Named sentences, every one of them required: a counselor may reword them, not leave one out. */
const texts = <K extends string>(...names: K[]) => z.strictObject(Object.fromEntries(names.map((n) => [n, text])) as Record<K, typeof text>);
/** Named credits (shares of a dimension), every one required. */
const credits = <K extends string>(...names: K[]) => z.strictObject(Object.fromEntries(names.map((n) => [n, z.number().min(0).max(100)])) as Record<K, z.ZodNumber>);
const mistake = z.strictObject({ label: text, severity: z.number().int().min(1).max(100) });

/** The zod schema of data/rubric.yml: weights, thresholds, credits and every coaching sentence. */
export const rubricFileSchema = z.strictObject({
  version: z.number().int(),
  weights: z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().int().min(0).max(100)])) as Record<(typeof DIMENSIONS)[number], z.ZodNumber>),
  earned_after_questions: z.number().int().min(1),
  closing_turns: z.number().int().min(1),
  excellent: z.strictObject({ every_dimension: z.number().min(0).max(1), otherwise_at_most: z.number().int().min(0).max(100), note: text }),
  time_kept: z.strictObject({ at_least: z.number().min(0).max(1), otherwise_at_most: z.number().int().min(0).max(100), note: text }),
  empty: z.strictObject({ advice: text }),
  open_questions: z.strictObject({
    parts: z.strictObject({ open: z.number().min(0), follow_up: z.number().min(0), research: z.number().min(0), fill: z.number().min(0) }),
    enough_questions: z.number().int().min(1),
    follow_ups_for_full: z.number().int().min(1),
    research_ignore: z.array(text),
    questions_per_minute: z.number().positive(),
    good_share: z.number().positive().max(1),
    rambling_words: z.number().int().min(10),
    research_example: text,
    advice: texts('too_few', 'closed', 'closed_or_profile', 'no_follow_up', 'no_research', 'short', 'good'),
    notes: texts('closed_question', 'rambling'),
  }),
  time_discipline: z.strictObject({
    early_turns: z.number().int().min(1),
    early_minutes: z.number().min(0),
    softened: z.number().min(0).max(1),
    said_over: z.array(text),
    credits: credits('early_ack', 'wrap_up', 'graceful_finish', 'other_finish'),
    advice: texts('hard_stop', 'late_ack', 'no_ack', 'no_wrap', 'overran', 'said_over', 'kept_going', 'simulator', 'good'),
    notes: texts('hard_stop', 'overran', 'said_over'),
    rewrites: texts('hard_stop', 'overran'),
  }),
  no_job_ask: z.strictObject({ repeated_resume_cost: z.number().min(0).max(100), advice: texts('job_ask', 'too_short', 'resume', 'good'), notes: texts('job_ask'), rewrites: texts('job_ask') }),
  referrals: z.strictObject({
    rapport_questions: z.number().int().min(0),
    rapport_seconds: z.number().min(0),
    permission_asked: z.array(text).min(1),
    permission_given: z.array(text).min(1),
    credits: credits('asked', 'timely', 'permission'),
    advice: texts('none', 'early', 'permission', 'no_names', 'good'),
    notes: texts('early_referral'),
  }),
  professionalism: z.strictObject({
    credits: credits('introduction', 'purpose', 'research', 'no_profile_question', 'thanks', 'next_step', 'summary'),
    resume_push_cost: z.number().min(0).max(100),
    opening_words: z.number().int().min(1),
    long_opening_share: z.number().min(0).max(1),
    kept_going_cost: z.number().min(0).max(100),
    advice: texts('kept_going', 'long_opening', 'no_opening', 'no_purpose', 'no_intro', 'resume', 'profile', 'no_thanks', 'no_next_step', 'no_summary', 'no_research', 'good'),
    notes: texts('no_purpose', 'no_opening', 'resume_push', 'profile_question'),
    rewrites: texts('profile_question'),
    opening: text,
    opening_no_name: text,
  }),
  mistakes: z.record(z.string(), mistake),
  letter_mistakes: z.record(z.string(), mistake),
});

/** The rubric's data. */
export type RubricData = z.output<typeof rubricFileSchema>;

/** A rubric file with errors: the message lists them compiler-style. */
export class RubricError extends Error {}

/** Read and check a rubric file; throws RubricError with file:line:col diagnostics. */
export function readRubricFile(file: string): RubricData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new RubricError(`rubric ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // The shipped rubric was validated when the bundle was built: the same bytes need no second look.
  const cached = cachedRubric(packageRoot(), sha256(bytes));
  if (cached) return cached;
  const source = bytes.toString('utf8');
  const v = validateYaml(source, file, rubricFileSchema, { version: 1, what: 'rubric', example: 'weights:, open_questions:, …', hint: 'start from the shipped data/rubric.yml', emptyHint: 'start from the shipped data/rubric.yml' });
  const errors = v.diagnostics.filter((d) => d.severity === 'error');
  if (v.data) {
    const sum = Object.values(v.data.weights).reduce((a, b) => a + b, 0);
    if (sum !== 100) throw new RubricError(`${file}: rubric weights add up to ${sum}, not 100`);
  }
  if (errors.length || !v.data) throw new RubricError(errors.map((d) => formatDiagnostic(d, source)).join('\n') || `${file}: not a rubric`);
  return v.data;
}

/** File name of the validated shipped rubric, written next to the bundle by `npm run build`. */
export const RUBRIC_CACHE_FILE = 'rubric-cache.json';

/**
 * The shipped rubric as validated at build time, when `hash` (the sha256 of the rubric file being
 * read) is the shipped file's: a counselor's edited copy misses and is validated in full.
 */
export function cachedRubric(root: string, hash: string): RubricData | undefined {
  return fromBuildCache<RubricData>(root, RUBRIC_CACHE_FILE, hash);
}

let rubric: RubricData | undefined;
/** The rubric in force: $COFFEECHAT_RUBRIC (a counselor's own file), else the shipped data/rubric.yml. Read once. */
export function rubricData(): RubricData {
  return (rubric ??= readRubricFile(process.env.COFFEECHAT_RUBRIC || shippedFile('data', 'rubric.yml')));
}

/** Fill {placeholders} from `vars`; unknown ones stay as written (a test checks every one is known). */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}
