import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findScenario, type Catalog } from '../scenario/registry.js';
import { DIMENSIONS, type Dimension } from '../scenario/schema.js';
import { score, type NoteKind } from '../scoring/rubric.js';
import { transcriptSchema } from '../session/transcript.js';

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

/** A kind of mistake, how often it happened and a few examples. */
export interface Mistake {
  kind: string;
  label: string;
  count: number;
  participants: number;
  examples: string[];
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

const MISTAKE_LABEL: Record<NoteKind, string> = {
  closed_question: 'Closed (yes/no) questions',
  job_ask: 'Asked for a job',
  hard_stop: 'Ran until the contact had to leave',
  overran: 'Ran past the agreed time',
  early_referral: 'Asked for names before building rapport',
  no_purpose: 'Did not state who they are and why they came',
  resume_push: 'Pushed a resume',
  profile_question: 'Asked what the public profile already says',
};

/** What a failed message check means, as a mistake. */
const CHECK_FAILED = new Map<string, string>(Object.entries({
  identity: 'does not say who the writer is',
  connection: 'does not say how they found the contact, or why them',
  asks_to_learn: 'does not say what they hope to learn',
  no_job_ask: 'asks for a job',
  no_resume: 'attaches or promises a resume',
  time_bounded: 'does not ask for a bounded 10–30 minutes in a named format',
  scheduling: 'no polite scheduling (or presumptuous)',
  brief: 'too long',
  courteous: 'no thanks, or no acknowledgement that they are busy',
  thanks: 'does not thank them',
  specific: 'mentions nothing specific from the conversation',
  loose_ends: 'leaves loose ends (names, resources, next steps)',
  keep_in_touch: 'does not ask to keep in touch',
}));

/** Files a report reads: .json and .jsonl below `dir`, sorted, at most `limit`. */
export function reportFiles(dir: string, limit = 20_000): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory() && depth < 6) walk(p, depth + 1);
      else if (st.isFile() && /\.jsonl?$/i.test(name) && out.length < limit) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const pct = (s: number, max: number) => (max > 0 ? (100 * s) / max : 0);

/**
 * Read a folder of transcripts and letter results and build the cohort: per participant and for
 * the group, scores per dimension, progress over attempts, and the most common mistakes.
 * `onFile` is called after each file (for a progress bar).
 */
export function buildCohort(dir: string, cat: Catalog, onFile: (done: number, total: number) => void = () => {}): Cohort {
  const files = reportFiles(dir);
  const attempts: Attempt[] = [];
  const letters: LetterResult[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const mistakes = new Map<string, { label: string; count: number; who: Set<string>; examples: string[] }>();
  const addMistake = (kind: string, label: string, who: string, example: string) => {
    const m = mistakes.get(kind) ?? { label, count: 0, who: new Set(), examples: [] };
    m.count++;
    m.who.add(who);
    if (m.examples.length < 3 && example && !m.examples.includes(example)) m.examples.push(example);
    mistakes.set(kind, m);
  };
  const addLetter = (file: string, rec: Record<string, unknown>) => {
    const participant = typeof rec.participant === 'string' && rec.participant ? rec.participant : UNNAMED;
    const checks = Array.isArray(rec.checks) ? (rec.checks as Array<{ id?: unknown; passed?: unknown }>) : [];
    const failed = checks.filter((c) => c.passed === false && typeof c.id === 'string').map((c) => c.id as string);
    letters.push({ participant, file, kind: rec.kind as 'outreach' | 'followup', total: Number(rec.total) || 0, failed });
    for (const id of failed) addMistake(`${rec.kind}:${id}`, `${rec.kind === 'outreach' ? 'Outreach' : 'Thank-you note'}: ${CHECK_FAILED.get(id) ?? `failed ${id}`}`, participant, '');
  };

  files.forEach((path, i) => {
    const file = relative(dir, path) || path;
    try {
      const text = readFileSync(path, 'utf8');
      if (/\.jsonl$/i.test(path)) {
        text.split('\n').forEach((line, k) => {
          if (!line.trim()) return;
          let rec: Record<string, unknown>;
          try {
            rec = JSON.parse(line) as Record<string, unknown>;
          } catch {
            errors.push(`${file}:${k + 1}: not valid JSON`);
            return;
          }
          if (rec.kind === 'outreach' || rec.kind === 'followup') addLetter(file, rec);
          else errors.push(`${file}:${k + 1}: not an outreach or follow-up result`);
        });
        return;
      }
      const data = JSON.parse(text) as Record<string, unknown>;
      if (data && (data.kind === 'outreach' || data.kind === 'followup')) return addLetter(file, data);
      const parsed = transcriptSchema.safeParse(data);
      if (!parsed.success) {
        errors.push(`${file}: not a coffeechat transcript or result (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message})`);
        return;
      }
      const t = parsed.data;
      const loaded = findScenario(cat, t.scenario.id);
      if (!loaded) {
        errors.push(`${file}: its scenario '${t.scenario.id}' is not installed`);
        return;
      }
      if (loaded.hash !== t.scenario.hash) warnings.push(`${file}: scenario '${t.scenario.id}' has changed since it was recorded`);
      const s = score(t, loaded.scenario);
      const participant = t.participant ?? UNNAMED;
      attempts.push({
        participant,
        file,
        scenario: t.scenario.id,
        startedAt: t.started_at,
        total: s.total,
        percent: Object.fromEntries(DIMENSIONS.map((d) => [d, pct(s.dimensions[d].score, s.dimensions[d].max)])) as Record<Dimension, number>,
        scores: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensions[d].score])) as Record<Dimension, number>,
      });
      for (const n of s.notes) addMistake(n.kind, MISTAKE_LABEL[n.kind], participant, n.text);
    } catch (err) {
      errors.push(`${file}: ${(err as Error).message.split('\n')[0]}`);
    } finally {
      onFile(i + 1, files.length);
    }
  });

  // Attempts in the order they were played (start time, then file name).
  attempts.sort((a, b) => a.participant.localeCompare(b.participant) || (a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.file.localeCompare(b.file));
  const names = [...new Set([...attempts.map((a) => a.participant), ...letters.map((l) => l.participant)])].sort((a, b) => a.localeCompare(b));
  const participants = names.map((name): ParticipantSummary => {
    const mine = attempts.filter((a) => a.participant === name);
    const totals = mine.map((a) => a.total);
    return {
      name,
      attempts: mine,
      totals,
      average: Math.round(mean(totals)),
      best: totals.length ? Math.max(...totals) : 0,
      progress: totals.length > 1 ? totals[totals.length - 1]! - totals[0]! : 0,
      percent: Object.fromEntries(DIMENSIONS.map((d) => [d, Math.round(mean(mine.map((a) => a.percent[d])))])) as Record<Dimension, number>,
      letters: letters.filter((l) => l.participant === name),
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
      .map(([kind, m]) => ({ kind, label: m.label, count: m.count, participants: m.who.size, examples: m.examples }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    errors,
    warnings,
  };
}
