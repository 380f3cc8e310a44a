import type { DimensionResult, Evidence, ScoringContext } from './context.js';

/**
 * Open questions: the share of real questions that are open, with enough of them asked, plus a
 * follow-up that builds on what the contact said. Clarifying follow-ups never count against.
 */
export function openQuestions(ctx: ScoringContext): DimensionResult {
  const d = ctx.data.open_questions;
  const evidence: Evidence[] = [];
  let open = 0;
  let counted = 0;
  let builds = 0;
  for (const t of ctx.questions) {
    const a = t.analysis;
    const buildsOn = ctx.buildsOn(t);
    if (buildsOn) builds++;
    const rambling = t.text.trim().split(/\s+/).length >= d.rambling_words;
    if (rambling) {
      counted++;
      evidence.push({ turn: t.n, text: t.text, effect: '-', note: 'a question buried in a monologue' });
      ctx.note('rambling', t, 'open_questions', d.notes.rambling!);
    } else if (a.form === 'open') {
      open++;
      counted++;
      evidence.push({ turn: t.n, text: t.text, effect: '+', note: buildsOn ? 'open follow-up that builds on their answer' : 'open question' });
    } else if (buildsOn) {
      evidence.push({ turn: t.n, text: t.text, effect: '+', note: 'follow-up on their answer (does not count against you)' });
    } else {
      counted++;
      const fix = a.suggestion ? `try: "${a.suggestion}"` : 'start with what, how or why to invite a fuller answer';
      evidence.push({ turn: t.n, text: t.text, effect: '-', note: `closed question; ${fix}` });
      ctx.note('closed_question', t, 'open_questions', d.notes.closed_question!, a.suggestion);
    }
  }
  const share = counted ? open / counted : 0;
  const enough = Math.min(1, counted / d.enough_questions);
  const research = ctx.questions.find((t) => ctx.researched(t));
  if (research) evidence.push({ turn: research.n, text: research.text, effect: '+', note: 'built on their profile or organisation (research)' });
  const fill = Math.round(ctx.minutes * d.questions_per_minute);
  const asked = ctx.questions.length;
  const p = d.parts;
  const pct = Math.round(share * enough * p.open + Math.min(1, builds / d.follow_ups_for_full) * enough * p.follow_up + (research ? p.research : 0) + Math.min(1, asked / fill) * p.fill);
  const vars = { enough: d.enough_questions, closed: counted - open, asked: counted, s: counted === 1 ? '' : 's', fill, research_example: ctx.researchExample };
  const advice =
    counted < d.enough_questions
      ? ctx.say(d.advice.too_few!, vars)
      : share < d.good_share
        ? ctx.say(d.advice.closed!, vars)
        : builds === 0
          ? ctx.say(d.advice.no_follow_up!, vars)
          : !research
            ? ctx.say(d.advice.no_research!, vars)
            : asked < fill
              ? ctx.say(d.advice.short!, { ...vars, asked })
              : ctx.say(d.advice.good!, vars);
  return { pct, evidence, advice };
}
