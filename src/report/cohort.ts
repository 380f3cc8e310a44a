import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import * as z from 'zod';
import { decodeText, errnoText, notAFile, ReadProblem, readFileCapped } from '../io/read-file.js';
import type { Catalog } from '../scenario/registry.js';
import { DIMENSIONS, type Dimension } from '../scenario/schema.js';
import { rubricData } from '../scoring/rubric-data.js';
import { score } from '../scoring/rubric.js';
import { MAX_TRANSCRIPT_BYTES, scenarioMismatch, validateTranscript } from '../session/transcript.js';

/** One scored meeting of one participant. */
export interface Attempt {
  participant: string;
  file: string;
  scenario: string;
  startedAt: string | null;
  total: number;
  /** Each dimension as a percentage of its maximum (weights differ between scenarios). */
  percent: Record<Dimension, number>;
  scores: Record<Dimension, number>;
}

/** One outreach or thank-you result read from a `--json` output file. */
export interface LetterResult {
  participant: string;
  file: string;
  kind: 'outreach' | 'followup';
  total: number;
  failed: string[];
}

/** A kind of mistake, how serious, how often it happened, and examples tagged with who made them. */
export interface Mistake {
  kind: string;
  label: string;
  severity: number;
  count: number;
  participants: number;
  examples: Array<{ participant: string; text: string }>;
}

/** Per participant: attempts in order, averages, progress. */
export interface ParticipantSummary {
  name: string;
  attempts: Attempt[];
  totals: number[];
  average: number;
  best: number;
  /** Last total minus first total. */
  progress: number;
  percent: Record<Dimension, number>;
  letters: LetterResult[];
}

/** Everything a cohort report shows. */
export interface Cohort {
  attempts: Attempt[];
  letters: LetterResult[];
  participants: ParticipantSummary[];
  group: { average: number; percent: Record<Dimension, number> };
  mistakes: Mistake[];
  /** One line per file that could not be read. */
  errors: string[];
  warnings: string[];
}

/** The name used for transcripts played without --name. */
export const UNNAMED = '(unnamed)';

/** Most files a report reads; past it the walk stops and says so. */
export const MAX_REPORT_FILES = 20_000;
/** Most meetings and message results a report takes in (each costs memory and scoring time). */
export const MAX_REPORT_RECORDS = 200_000;
/** How deep below the folder the walk goes. */
export const MAX_REPORT_DEPTH = 6;

/** Plain code-unit order: the same on every machine, whatever LANG says. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The files a report reads, and what the walk skipped. */
export interface ReportWalk {
  files: string[];
  warnings: string[];
  /** True when the walk stopped at the file cap. */
  capped: boolean;
}

/**
 * Files a report reads: .json and .jsonl below `dir`, in code-unit order, at most `limit`.
 * Uses lstat and never follows a symbolic link (no loops, nothing outside the folder); a folder
 * or entry that cannot be read is skipped with a warning, and so is anything that is not a
 * regular file; hidden entries (.name) are ignored.
 */
export function reportFiles(dir: string, limit = MAX_REPORT_FILES): ReportWalk {
  const walk: ReportWalk = { files: [], warnings: [], capped: false };
  const shown = (p: string) => relative(dir, p) || p;
  const visit = (d: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort(byCodeUnit);
    } catch (err) {
      walk.warnings.push(`${shown(d)}: cannot read this folder (${errnoText(err)}); skipped`);
      return;
    }
    for (const name of names) {
      if (walk.capped) return;
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      let st: Stats;
      try {
        st = lstatSync(p);
      } catch (err) {
        walk.warnings.push(`${shown(p)}: cannot read (${errnoText(err)}); skipped`);
        continue;
      }
      if (st.isSymbolicLink()) {
        if (/\.jsonl?$/i.test(name) || lstatIsDirLink(p)) walk.warnings.push(`${shown(p)}: a symbolic link; not followed`);
      } else if (st.isDirectory()) {
        if (depth < MAX_REPORT_DEPTH) visit(p, depth + 1);
        else walk.warnings.push(`${shown(p)}: more than ${MAX_REPORT_DEPTH} folders deep; skipped`);
      } else if (/\.jsonl?$/i.test(name)) {
        if (!st.isFile()) walk.warnings.push(`${shown(p)}: ${notAFile(st)}; skipped`);
        else if (walk.files.length < limit) walk.files.push(p);
        else {
          walk.capped = true;
          walk.warnings.push(`stopped after ${limit} files: the rest of ${dir} was not read (report on a smaller folder)`);
        }
      }
    }
  };
  visit(dir, 0);
  return walk;
}

/** Whether a symbolic link points at a folder (to mention only links a walk would have entered). */
function lstatIsDirLink(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return true; // dangling: worth a warning too
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (s: number, max: number) => (max > 0 ? (100 * s) / max : 0);

/** An outreach or follow-up result as `--json` writes it (only what a report reads). */
const letterRecord = z.object({
  kind: z.enum(['outreach', 'followup']),
  participant: z.string().max(200).optional(),
  total: z.number().min(0).max(100),
  checks: z.array(z.object({ id: z.string().max(100), passed: z.boolean() })).max(50),
});

/**
 * Read a folder of transcripts and letter results and build the cohort: per participant and for
 * the group, scores per dimension, progress over attempts, and the most common mistakes.
 * Every bad file or record is one line in `errors`; the rest still count. `onFile` is called
 * after each file (for a progress bar).
 */
export function buildCohort(dir: string, cat: Catalog, onFile: (done: number, total: number) => void = () => {}): Cohort {
  const walk = reportFiles(dir);
  const files = walk.files;
  const attempts: Attempt[] = [];
  const letters: LetterResult[] = [];
  const errors: string[] = [];
  const warnings: string[] = [...walk.warnings];
  let records = 0;
  let full = false;
  const room = () => {
    if (records < MAX_REPORT_RECORDS) return true;
    if (!full) warnings.push(`stopped after ${MAX_REPORT_RECORDS} meetings and message results; the rest were not read`);
    full = true;
    return false;
  };
  const rubric = rubricData();
  const mistakes = new Map<string, { label: string; severity: number; count: number; who: Set<string>; examples: Mistake['examples'] }>();
  const addMistake = (kind: string, label: string, severity: number, who: string, example: string) => {
    const m = mistakes.get(kind) ?? { label, severity, count: 0, who: new Set(), examples: [] };
    m.count++;
    // One example per participant first, so the counselor sees who; at most three in all.
    if (example && !m.who.has(who) && m.examples.length < 3) m.examples.push({ participant: who, text: example });
    m.who.add(who);
    mistakes.set(kind, m);
  };
  /** Take one letter result, or return why it is not one. */
  const addLetter = (file: string, data: unknown): string | undefined => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return `not an outreach or follow-up result (a JSON object was expected, not ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data})`;
    }
    const parsed = letterRecord.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return `not an outreach or follow-up result (${issue.path.join('.') || 'top level'}: ${issue.message})`;
    }
    const rec = parsed.data;
    if (!room()) return undefined;
    records++;
    const participant = rec.participant?.trim() || UNNAMED;
    const failed = rec.checks.filter((c) => !c.passed).map((c) => c.id);
    letters.push({ participant, file, kind: rec.kind, total: rec.total, failed });
    for (const id of failed) {
      const known = Object.hasOwn(rubric.letter_mistakes, id) ? rubric.letter_mistakes[id]! : { label: `failed ${id}`, severity: 1 };
      addMistake(`${rec.kind}:${id}`, `${rec.kind === 'outreach' ? 'Outreach' : 'Thank-you note'}: ${known.label}`, known.severity, participant, '');
    }
    return undefined;
  };
  const isLetter = (data: unknown) => data !== null && typeof data === 'object' && 'kind' in data && ((data as { kind: unknown }).kind === 'outreach' || (data as { kind: unknown }).kind === 'followup');

  for (const [i, path] of files.entries()) {
    if (full) break;
    const file = relative(dir, path) || path;
    try {
      const text = decodeText(readFileCapped(path, MAX_TRANSCRIPT_BYTES)).text;
      if (/\.jsonl$/i.test(path)) {
        const lines = text.split('\n');
        for (let k = 0; k < lines.length && !full; k++) {
          const line = lines[k]!;
          if (!line.trim()) continue;
          let rec: unknown;
          try {
            rec = JSON.parse(line);
          } catch {
            errors.push(`${file}:${k + 1}: not valid JSON`);
            continue;
          }
          const problem = addLetter(file, rec);
          if (problem) errors.push(`${file}:${k + 1}: ${problem}`);
        }
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        errors.push(`${file}: not valid JSON`);
        continue;
      }
      if (isLetter(data)) {
        const problem = addLetter(file, data);
        if (problem) errors.push(`${file}: ${problem}`);
        continue;
      }
      const checked = validateTranscript(data);
      if (!checked.ok) {
        errors.push(`${file}: ${checked.error.replace(/^not a coffeechat transcript\b/, 'not a coffeechat transcript or result')}`);
        continue;
      }
      const t = checked.transcript;
      const loaded = cat.scenarios.find((x) => x.scenario.id === t.scenario.id);
      if (!loaded) {
        errors.push(`${file}: its scenario '${t.scenario.id}' is not installed`);
        continue;
      }
      if (loaded.hash !== t.scenario.hash) {
        const mismatch = scenarioMismatch(t, loaded);
        if (mismatch) {
          errors.push(`${file}: does not belong to scenario '${t.scenario.id}': ${mismatch}`);
          continue;
        }
        warnings.push(`${file}: scenario '${t.scenario.id}' has changed since it was recorded`);
      }
      if (!room()) break;
      records++;
      const s = score(t, loaded.scenario);
      const participant = t.participant?.trim() || UNNAMED;
      attempts.push({
        participant,
        file,
        scenario: t.scenario.id,
        startedAt: t.started_at,
        total: s.total,
        percent: Object.fromEntries(DIMENSIONS.map((d) => [d, pct(s.dimensions[d].score, s.dimensions[d].max)])) as Record<Dimension, number>,
        scores: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensions[d].score])) as Record<Dimension, number>,
      });
      for (const n of s.notes) {
        const known = Object.hasOwn(rubric.mistakes, n.kind) ? rubric.mistakes[n.kind]! : { label: n.kind, severity: 1 };
        addMistake(n.kind, known.label, known.severity, participant, n.text);
      }
    } catch (err) {
      errors.push(`${file}: ${err instanceof ReadProblem ? `cannot read: ${err.message}` : (err as Error).message.split('\n')[0]}`);
    } finally {
      onFile(i + 1, files.length);
    }
  }

  // Attempts in the order they were played (start time, then file name); names in code-unit order.
  attempts.sort((a, b) => byCodeUnit(a.participant, b.participant) || byCodeUnit(a.startedAt ?? '', b.startedAt ?? '') || byCodeUnit(a.file, b.file));
  // Grouped once with a Map: filtering every list per participant was quadratic (150k names: 114 s).
  const groups = new Map<string, { attempts: Attempt[]; letters: LetterResult[] }>();
  const group = (name: string) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { attempts: [], letters: [] }));
    return g;
  };
  for (const a of attempts) group(a.participant).attempts.push(a);
  for (const l of letters) group(l.participant).letters.push(l);
  const participants = [...groups.keys()].sort(byCodeUnit).map((name): ParticipantSummary => {
    const mine = groups.get(name)!;
    const totals = mine.attempts.map((a) => a.total);
    let best = 0;
    for (const t of totals) best = Math.max(best, t);
    return {
      name,
      attempts: mine.attempts,
      totals,
      average: Math.round(mean(totals)),
      best,
      progress: totals.length > 1 ? totals[totals.length - 1]! - totals[0]! : 0,
      percent: Object.fromEntries(DIMENSIONS.map((d) => [d, Math.round(mean(mine.attempts.map((a) => a.percent[d])))])) as Record<Dimension, number>,
      letters: mine.letters,
    };
  });
  return {
    attempts,
    letters,
    participants,
    group: {
      average: Math.round(mean(attempts.map((a) => a.total))),
      percent: Object.fromEntries(DIMENSIONS.map((d) => [d, Math.round(mean(attempts.map((a) => a.percent[d])))])) as Record<Dimension, number>,
    },
    mistakes: [...mistakes.entries()]
      .map(([kind, m]) => ({ kind, label: m.label, severity: m.severity, count: m.count, participants: m.who.size, examples: m.examples }))
      .sort((a, b) => b.severity * b.count - a.severity * a.count || byCodeUnit(a.kind, b.kind)),
    errors,
    warnings,
  };
}
