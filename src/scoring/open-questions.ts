import type { DimensionResult, Evidence, ScoringContext } from './context.js';

/**
 * Open questions, as counselors grade them: mostly open (a question their profile answers or one
 * buried in a monologue is not a good question; a clarifying follow-up never counts against),
 * enough of them, follow-ups that build on an answer, questions built on research, and enough
 * questions to fill the agreed time.
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
    const rambling = t.text.trim().split(/\s+/).length >= d.rambling_words;
    // An open follow-up earns credit; a closed one ("Just to clarify, is that…?") only does not count against.
    if (buildsOn && !rambling && a.form === 'open') builds++;
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
  // A question their profile answers is a question asked, and not a good one (professionalism flags it).
  for (const t of ctx.profileQuestions) evidence.push({ turn: t.n, text: t.text, effect: '-', note: 'their public profile already answers this' });
  const asked = counted + ctx.profileQuestions.length;
  const share = asked ? open / asked : 0;
  const enough = Math.min(1, asked / d.enough_questions);
  // Research earns open-question credit in an open question: "Did you enjoy being a reporter?" invites a yes.
  const research = ctx.questions.find((t) => t.analysis.form === 'open' && ctx.researched(t));
  if (research) evidence.push({ turn: research.n, text: research.text, effect: '+', note: 'built on their profile or organisation (research)' });
  const fill = Math.round(ctx.minutes * d.questions_per_minute);
  const p = d.parts;
  const pct =
    Math.min(1, share / d.good_share) * enough * p.open +
    Math.min(1, builds / d.follow_ups_for_full) * enough * p.follow_up +
    (research ? p.research : 0) +
    Math.min(1, ctx.questions.length / fill) * p.fill;
  const vars = { enough: d.enough_questions, closed: asked - open, asked, s: asked === 1 ? '' : 's', fill, research_example: ctx.researchExample };
  const advice =
    asked < d.enough_questions
      ? ctx.say(d.advice.too_few!, vars)
      : share < d.good_share
        ? ctx.say(ctx.profileQuestions.length ? d.advice.closed_or_profile! : d.advice.closed!, { ...vars, profile: ctx.profileQuestions.length })
        : builds === 0
          ? ctx.say(d.advice.no_follow_up!, vars)
          : !research
            ? ctx.say(d.advice.no_research!, vars)
            : ctx.questions.length < fill
              ? ctx.say(d.advice.short!, { ...vars, asked: ctx.questions.length })
              : ctx.say(d.advice.good!, vars);
  return { pct: Math.round(pct), evidence, advice };
}
