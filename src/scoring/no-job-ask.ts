import { formatClock } from '../engine/clock.js';
import type { DimensionResult, Evidence, ScoringContext } from './context.js';

/**
 * No job ask: nothing for a job ask; otherwise earned in proportion to the conversation actually
 * held, less a share for each time the student brought their resume up again (steering a meeting
 * back to the resume reads as job-hunting even without an ask; once is a professionalism slip).
 */
export function noJobAsk(ctx: ScoringContext): DimensionResult {
  const d = ctx.data.no_job_ask;
  const jobTurns = ctx.turns.filter((t) => ctx.has(t, 'job_ask'));
  const evidence: Evidence[] = jobTurns.map((t) => ({ turn: t.n, text: t.text, effect: '-' as const, note: 'asked for a job, an opening or a referral for a position' }));
  for (const t of jobTurns) ctx.note('job_ask', t, 'no_job_ask', d.notes.job_ask!, d.rewrites.job_ask);
  const again = ctx.turns.filter((t) => ctx.has(t, 'resume_push')).slice(1);
  for (const t of again) evidence.push({ turn: t.n, text: t.text, effect: '-', note: 'brought your resume up again' });
  const pct = jobTurns.length ? 0 : Math.round(ctx.earned * Math.max(0, 100 - d.repeated_resume_cost * again.length));
  const advice = jobTurns.length
    ? ctx.say(d.advice.job_ask!, { clock: formatClock(jobTurns[0]!.clock) })
    : again.length
      ? ctx.say(d.advice.resume!, { times: again.length + 1 })
      : ctx.earned < 1
        ? ctx.say(d.advice.too_short!, { earned: ctx.data.earned_after_questions, asked: ctx.questions.length + ctx.profileQuestions.length })
        : ctx.say(d.advice.good!);
  return { pct, evidence, advice };
}
