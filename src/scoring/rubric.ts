import { DIMENSIONS, type Dimension, type Scenario } from '../scenario/schema.js';
import type { Transcript } from '../session/transcript.js';
import { contextOf, outcomeOf, type DimensionResult, type Evidence, type NoteKind, type Outcome, type ScoringContext, type TurnNote } from './context.js';
import { noJobAsk } from './no-job-ask.js';
import { openQuestions } from './open-questions.js';
import { professionalism } from './professionalism.js';
import { referrals } from './referrals.js';
import { fill, rubricData } from './rubric-data.js';
import { timeDiscipline } from './time-discipline.js';

export type { Evidence, NoteKind, Outcome, TurnNote };

/** Points per dimension when a scenario does not override them (data/rubric.yml; they sum to 100). */
export const DEFAULT_WEIGHTS: Record<Dimension, number> = rubricDefaults();
function rubricDefaults(): Record<Dimension, number> {
  return { ...rubricData().weights };
}

/** One dimension of the score. */
export interface DimensionScore {
  score: number;
  max: number;
  evidence: Evidence[];
  advice: string;
}

/** Why a total stops below the sum of its dimensions: an excellent score needs every dimension strong, a good one the agreed time kept. */
export interface ScoreCap {
  /** What the dimensions add up to. */
  sum: number;
  /** The dimensions that held it: those below the share an excellent score needs, or time discipline. */
  weak: Dimension[];
  /** The coaching sentence that says so. */
  note: string;
}

/** The scored meeting. */
export interface Score {
  /** The dimensions' points added up, held at the top of "good" when one is weak, or of "fair" when the agreed time was not kept (`cap`). */
  total: number;
  max: 100;
  cap?: ScoreCap;
  outcome: Outcome;
  /** Who ended a meeting cut short (the simulator's misunderstanding is not the student's fault). */
  endedBy?: 'student' | 'simulator';
  /** Simulated clock when the meeting ended (or the last turn), seconds. */
  duration: number;
  agreedMinutes: number;
  dimensions: Record<Dimension, DimensionScore>;
  notes: TurnNote[];
}

/** Options for scoring. */
export interface ScoreOptions {
  /**
   * Re-run the analyzer on every line (default). A saved transcript may come from an older analyzer;
   * a transcript just recorded by this process may skip it and use the recorded analysis.
   */
  reanalyze?: boolean;
}

/** The rubric: one rule per dimension, each small and pure (src/scoring/<dimension>.ts). */
const RULES: Record<Dimension, (ctx: ScoringContext) => DimensionResult> = {
  open_questions: openQuestions,
  time_discipline: timeDiscipline,
  no_job_ask: noJobAsk,
  referrals,
  professionalism,
};

/**
 * Score a transcript against its scenario: a total out of 100 and five dimensions, each with its
 * evidence turns and one piece of advice drawn from that evidence, plus a note for every flagged
 * turn. Credit is earned by what the student did, in proportion to the meeting held: an empty
 * meeting scores nothing. A total above the top of "good" needs every dimension strong, and one
 * above the top of "fair" needs the agreed time kept (`cap`).
 * Pure: the same transcript and scenario always give the same score.
 */
export function score(transcript: Transcript, scenario: Scenario, options: ScoreOptions = {}): Score {
  const data = rubricData();
  const weights = scenario.scoring?.weights ?? data.weights;
  // Nothing said: nothing to read (and no model to load).
  const said = transcript.turns.some((t) => t.speaker === 'user');
  const ctx = said ? contextOf(transcript, scenario, data, options.reanalyze !== false) : undefined;
  const empty = !ctx || ctx.turns.every((t) => t.analysis.form === 'statement' && t.analysis.intents.length === 0);
  const dimensions = {} as Record<Dimension, DimensionScore>;
  for (const d of DIMENSIONS) {
    const r = empty ? { pct: 0, evidence: [], advice: data.empty.advice } : RULES[d](ctx!);
    // Shares are whole percentages, so points round the same way on every machine.
    const pts = Math.round((Math.max(0, Math.min(100, Math.round(r.pct))) * weights[d]) / 100);
    dimensions[d] = { score: pts, max: weights[d], evidence: r.evidence, advice: r.advice };
  }
  const sum = DIMENSIONS.reduce((s, d) => s + dimensions[d].score, 0);
  // Counselors grade a meeting with one weak dimension "good" at best, however strong the rest.
  const ex = data.excellent;
  const weak = DIMENSIONS.filter((d) => dimensions[d].score < dimensions[d].max * ex.every_dimension);
  const cap: ScoreCap | undefined =
    weak.length && sum > ex.otherwise_at_most
      ? {
          sum,
          weak,
          note: fill(ex.note, {
            total: ex.otherwise_at_most,
            sum,
            share: Math.round(ex.every_dimension * 100),
            weak: weak.map((d) => DIMENSION_LABEL[d].toLowerCase()).join(' and '),
            is: weak.length === 1 ? 'is' : 'are',
          }),
        }
      : undefined;
  // Counselors grade a meeting that did not keep to the agreed time "fair" at best.
  const tk = data.time_kept;
  const time = dimensions.time_discipline;
  const timeCap: ScoreCap | undefined =
    time.score < time.max * tk.at_least && sum > tk.otherwise_at_most
      ? { sum, weak: ['time_discipline'], note: fill(tk.note, { total: tk.otherwise_at_most, sum, share: Math.round(tk.at_least * 100), score: time.score, max: time.max }) }
      : undefined;
  const held = timeCap ?? cap;
  const total = timeCap ? tk.otherwise_at_most : cap ? ex.otherwise_at_most : sum;
  const notes = [...(ctx?.notes ?? [])].sort((a, b) => a.turn - b.turn || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension));
  return {
    total,
    max: 100,
    ...(held ? { cap: held } : {}),
    outcome: ctx?.outcome ?? outcomeOf(transcript),
    ...(ctx?.endedBy ? { endedBy: ctx.endedBy } : {}),
    duration: ctx?.duration ?? transcript.ended?.clock ?? 0,
    agreedMinutes: scenario.meeting.minutes,
    dimensions,
    notes,
  };
}

/** Human label of a dimension. */
export const DIMENSION_LABEL: Record<Dimension, string> = {
  open_questions: 'Open questions',
  time_discipline: 'Time discipline',
  no_job_ask: 'No job ask',
  referrals: 'Referrals',
  professionalism: 'Professionalism',
};
