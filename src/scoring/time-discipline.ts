import { formatClock } from '../engine/clock.js';
import { splitSentences } from '../nlu/index.js';
import { findPhrase, type DimensionResult, type Evidence, type ScoringContext, type Turn } from './context.js';

/**
 * Time discipline: the agreed time acknowledged early (within `early_turns` turns or
 * `early_minutes` minutes, and before the goodbye), a wrap-up begun before the end, and a finish on
 * time. The student saying the time is already over counts as running over, whatever the simulated
 * clock says; going on with questions after saying so costs the whole finish. A meeting the
 * simulator cut short without cause from the student is not held against them.
 */
export function timeDiscipline(ctx: ScoringContext): DimensionResult {
  const d = ctx.data.time_discipline;
  const c = d.credits;
  const evidence: Evidence[] = [];
  const vars = { early_turns: d.early_turns, early_minutes: d.early_minutes };
  const { timeTurns, early, saidOver, kept } = timeMentions(ctx);
  const last = ctx.turns[ctx.turns.length - 1];
  let pct = 0;
  if (early) {
    pct += c.early_ack!;
    evidence.push({ turn: early.n, text: early.text, effect: '+', note: `acknowledged the agreed time early (${formatClock(early.clock)})` });
  }
  // The wrap-up starts when the contact hears it (wrap-up, farewell), or at a mention of the time in the last turns.
  const wrapStart = ctx.turns.find((t) => t.reply?.phase === 'wrapUp' || t.reply?.reaction === 'farewell' || t.reply?.reaction === 'wrap_up' || (t !== early && ctx.has(t, 'time_check') && ctx.turns.indexOf(t) >= ctx.turns.length - 3));
  if (wrapStart && wrapStart.clock <= ctx.end && (!saidOver || wrapStart.n < saidOver.n)) {
    pct += c.wrap_up!;
    evidence.push({ turn: wrapStart.n, text: wrapStart.text, effect: '+', note: `started wrapping up at ${formatClock(wrapStart.clock)}, before the end` });
  }
  const over = Math.max(0, ctx.duration - ctx.end);
  // Pointing out the time in the last minutes, while there was still time to act on it, softens an
  // overrun; an apology after the end ("sorry, I've kept you a while") does not.
  const lateTimeCheck = timeTurns.some((t) => t.clock >= ctx.end - ctx.scenario.meeting.warning_minutes * 60 && t.clock <= ctx.end);
  if (ctx.outcome === 'hard_stop') {
    pct = Math.min(pct, 10);
    if (last) {
      evidence.push({ turn: last.n, text: last.text, effect: '-', note: 'the contact had to leave: the meeting ran past their hard stop' });
      ctx.note('hard_stop', last, 'time_discipline', d.notes.hard_stop!, d.rewrites.hard_stop);
    }
  } else if (ctx.outcome !== 'unfinished') {
    // Leaving on time (graceful, or simply ending) is a finish on time; being cut short by the contact is not.
    let finish = ctx.outcome === 'graceful' || ctx.outcome === 'left' || ctx.endedBy === 'simulator' ? c.graceful_finish! : c.other_finish!;
    if (over > 0) {
      const penalty = Math.min(1, over / Math.max(60, ctx.scenario.meeting.overtime_minutes * 60)) * (lateTimeCheck ? d.softened : 1);
      finish = Math.round(finish * (1 - penalty));
      const overTurn = ctx.turns.find((t) => t.clock > ctx.end) ?? last;
      if (overTurn) {
        evidence.push({ turn: overTurn.n, text: overTurn.text, effect: '-', note: `ran ${formatClock(over)} over the agreed ${ctx.minutes} minutes${lateTimeCheck ? ' (softened: you pointed out the time)' : ''}` });
        ctx.note('overran', overTurn, 'time_discipline', ctx.say(d.notes.overran!), d.rewrites.overran);
      }
    } else if (saidOver) {
      // Said and wrapped up at once: an overrun softened as above; said and went on: a real one.
      finish = kept ? 0 : Math.round(finish * (1 - d.softened));
      evidence.push({ turn: saidOver.n, text: saidOver.text, effect: '-', note: kept ? `said the time was over, then asked ${kept} more question${kept === 1 ? '' : 's'}` : 'said the time was already over before wrapping up' });
      ctx.note('overran', saidOver, 'time_discipline', ctx.say(d.notes.said_over!), d.rewrites.overran);
    }
    pct += finish;
  }
  // Credit for the finish is earned by a real conversation, like every abstention, unless the
  // student showed they were keeping the time (early, or in the wrap-up): "ok thanks bye" after one
  // question is leaving, not keeping to the time.
  const timeAware = early !== undefined || (wrapStart !== undefined && ctx.has(wrapStart, 'time_check'));
  pct = Math.round(pct * (timeAware ? 1 : ctx.earned));
  const late = timeTurns[0];
  const advice =
    ctx.outcome === 'hard_stop'
      ? ctx.say(d.advice.hard_stop!, { clock: formatClock(ctx.duration) })
      : ctx.endedBy === 'simulator'
        ? ctx.say(d.advice.simulator!)
        : saidOver && over === 0
          ? ctx.say(kept ? d.advice.kept_going! : d.advice.said_over!, { clock: formatClock(saidOver.clock) })
          : !early && late
            ? ctx.say(d.advice.late_ack!, { ...vars, clock: formatClock(late.clock) })
            : !early
              ? ctx.say(d.advice.no_ack!, vars)
              : !wrapStart
                ? ctx.say(d.advice.no_wrap!)
                : over > 0
                  ? ctx.say(d.advice.overran!, { over: formatClock(over) })
                  : ctx.say(d.advice.good!);
  return { pct, evidence, advice };
}

/**
 * Where the student spoke of the time: every time check, the early acknowledgement ("Thanks for
 * your time" on the way out is a goodbye, not one), the turn saying the agreed time had already
 * passed ("I think I've gone over our time"), and how many questions came after it (knowingly
 * going on). Professionalism reads the last too: keeping someone past the time you named is a
 * discourtesy as well as an overrun.
 */
export function timeMentions(ctx: ScoringContext): { timeTurns: Turn[]; early: Turn | undefined; saidOver: Turn | undefined; kept: number } {
  const d = ctx.data.time_discipline;
  const timeTurns = ctx.turns.filter((t) => ctx.has(t, 'time_check'));
  const last = ctx.turns[ctx.turns.length - 1];
  const early = timeTurns.find((t) => t !== last && (t.n <= d.early_turns || t.clock < d.early_minutes * 60));
  const saidOver = timeTurns.find((t) => t !== early && saysOver(t, d.said_over));
  const kept = saidOver ? ctx.questions.filter((t) => t.n > saidOver.n).length : 0;
  return { timeTurns, early, saidOver, kept };
}

const NEGATION = /\b(?:not|never|no)\b/;

/** Whether a turn says the agreed time has already passed: one of `phrases`, not negated earlier in its sentence ("I don't think we went over"). */
function saysOver(t: Turn, phrases: readonly string[]): boolean {
  return splitSentences(t.text).some((s) => {
    const found = findPhrase(s.text, phrases);
    return found !== undefined && !NEGATION.test(found.joined.slice(0, found.at));
  });
}
