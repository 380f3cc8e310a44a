import { formatClock } from '../engine/clock.js';
import { saysAny, type DimensionResult, type Evidence, type ScoringContext } from './context.js';

/** Referrals: asked who else to talk to (not to be put forward for a job), after building rapport, with permission to use their name. */
export function referrals(ctx: ScoringContext): DimensionResult {
  const d = ctx.data.referrals;
  const c = d.credits;
  const evidence: Evidence[] = [];
  // "Would you recommend me for it?" asks to be referred for a job: a job ask, not a referral.
  const refTurns = ctx.turns.filter((t) => ctx.has(t, 'referral_ask') && !ctx.has(t, 'job_ask'));
  const questionsBefore = (n: number) => ctx.turns.filter((t) => t.n < n && t.analysis.form !== 'statement').length;
  let pct = 0;
  let permission = false;
  let noNames = false;
  let timely = false;
  if (refTurns.length) {
    const first = refTurns[0]!;
    pct += c.asked!;
    evidence.push({ turn: first.n, text: first.text, effect: '+', note: 'asked who else to talk to' });
    const onTime = refTurns.find((t) => t.clock >= d.rapport_seconds && questionsBefore(t.n) >= d.rapport_questions);
    if (onTime) {
      timely = true;
      pct += c.timely!;
      if (onTime !== first) evidence.push({ turn: onTime.n, text: onTime.text, effect: '+', note: 'asked after building rapport' });
    } else {
      evidence.push({ turn: first.n, text: first.text, effect: '-', note: 'asked before building any rapport' });
      ctx.note('early_referral', first, 'referrals', d.notes.early_referral!);
    }
    // Permission counts when asked for, or when the contact already gave it.
    const asked = refTurns.find((t) => saysAny(t.text, d.permission_asked));
    // The contact already said their name may be used ("Mention we spoke", "You can mention my name").
    const offered = ctx.turns.find((t) => t.reply?.reaction === 'referral_offer' && saysAny(t.reply.text, d.permission_given));
    if (asked || offered) {
      permission = true;
      pct += c.permission!;
      const t = (asked ?? offered)!;
      evidence.push({ turn: t.n, text: t.text, effect: '+', note: asked ? 'asked permission to use their name' : 'they offered their name to use' });
    } else if (!refTurns.some((t) => t.reply?.reaction === 'referral_offer')) {
      // They named nobody: there was no one to ask about mentioning them, so that share is not lost.
      noNames = true;
      pct += c.permission!;
      evidence.push({ turn: first.n, text: first.text, effect: '+', note: 'they named nobody, so there was no name to ask about' });
    }
  }
  const first = refTurns[0];
  const advice = !first
    ? ctx.say(d.advice.none!)
    : !timely
      ? ctx.say(d.advice.early!, { clock: formatClock(first.clock), before: questionsBefore(first.n), s: questionsBefore(first.n) === 1 ? '' : 's', rapport_questions: d.rapport_questions })
      : noNames
        ? ctx.say(d.advice.no_names!)
        : !permission
          ? ctx.say(d.advice.permission!)
          : ctx.say(d.advice.good!, { permission_note: ' and settled whose name to mention' });
  return { pct, evidence, advice };
}
