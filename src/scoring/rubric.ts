import { formatClock } from '../engine/clock.js';
import { analyze, type Analysis } from '../nlu/index.js';
import { DIMENSIONS, type Dimension, type Scenario } from '../scenario/schema.js';
import type { ContactTurn, Transcript, UserTurn } from '../session/transcript.js';

/** Points per dimension when a scenario does not override them (they sum to 100). */
export const DEFAULT_WEIGHTS: Record<Dimension, number> = {
  open_questions: 30,
  time_discipline: 20,
  no_job_ask: 20,
  referrals: 15,
  professionalism: 15,
};

/** A turn that counted for or against a dimension. */
export interface Evidence {
  turn: number;
  text: string;
  /** `+` earned points, `-` cost points. */
  effect: '+' | '-';
  note: string;
}

/** One dimension of the score. */
export interface DimensionScore {
  score: number;
  max: number;
  evidence: Evidence[];
  advice: string;
}

/** How the meeting ended. */
export type Outcome = 'graceful' | 'cut_short' | 'hard_stop' | 'left' | 'unfinished';

/** The kinds of mistake a turn note records (stable ids, for counting across a cohort). */
export type NoteKind = 'closed_question' | 'hard_stop' | 'overran' | 'job_ask' | 'early_referral' | 'no_purpose' | 'resume_push' | 'profile_question';

/** A note on a flagged user turn: what went wrong and what to do instead. */
export interface TurnNote {
  kind: NoteKind;
  turn: number;
  clock: number;
  text: string;
  dimension: Dimension;
  note: string;
  rewrite?: string;
}

/** The scored meeting. */
export interface Score {
  total: number;
  max: 100;
  outcome: Outcome;
  /** Simulated clock when the meeting ended (or the last turn), seconds. */
  duration: number;
  agreedMinutes: number;
  dimensions: Record<Dimension, DimensionScore>;
  notes: TurnNote[];
}

interface Turn {
  n: number;
  text: string;
  clock: number;
  analysis: Analysis;
  reply?: ContactTurn;
}

/** Questions needed for full credit on open questions. */
const ENOUGH_QUESTIONS = 5;
const CLARIFYING = /^(just to clarify|to clarify|sorry|wait|do you mean|you mean|did you mean|when you say|what do you mean|how so|why is that|say more|tell me more|could you say more|can you say more)\b|\b(you mentioned|you said|you meant|what you mean)\b/i;
// "My name is…", "I'm a student…" in any case; "I'm Sam" needs the capital to tell a name from "I'm curious".
const INTRO_PHRASE = /\bmy name is\b|\b(i am|i'm|im|this is) (a|an) \w+/i;
const INTRO_NAME = /\b([Ii] am|[Ii]'m|[Ii]m|[Tt]his is) [A-Z][a-z]+/;
const NAME_PERMISSION = /\b(your name|mention (that )?(we|you)|said i should|you suggested)\b/i;

function outcomeOf(t: Transcript): Outcome {
  switch (t.ended?.reason) {
    case 'graceful':
      return 'graceful';
    case 'patience':
      return 'cut_short';
    case 'hard_stop':
      return 'hard_stop';
    case 'user':
      return 'left';
    default:
      return 'unfinished';
  }
}


/** Options for scoring. */
export interface ScoreOptions {
  /**
   * Re-run the analyzer on every line (default). A saved transcript may come from an older analyzer;
   * a transcript just recorded by this process may skip it and use the recorded analysis.
   */
  reanalyze?: boolean;
}

/**
 * Score a transcript against its scenario: a total out of 100 and five dimensions, each with its
 * evidence turns and one piece of advice, plus a note for every flagged turn. Pure: the same
 * transcript and scenario always give the same score.
 */
export function score(transcript: Transcript, scenario: Scenario, options: ScoreOptions = {}): Score {
  const weights = scenario.scoring?.weights ?? DEFAULT_WEIGHTS;
  const replies = new Map<number, ContactTurn>();
  for (const t of transcript.turns) if (t.speaker === 'contact') replies.set(t.n, t);
  const turns: Turn[] = transcript.turns
    .filter((t): t is UserTurn => t.speaker === 'user')
    .map((t) => ({
      n: t.n,
      text: t.text,
      clock: t.clock,
      analysis: options.reanalyze === false ? (t.analysis as unknown as Analysis) : analyze(t.text),
      ...(replies.has(t.n) ? { reply: replies.get(t.n)! } : {}),
    }));
  const last = transcript.turns[transcript.turns.length - 1];
  const duration = transcript.ended?.clock ?? last?.clock ?? 0;
  const outcome = outcomeOf(transcript);
  const notes: TurnNote[] = [];
  const note = (kind: NoteKind, t: Turn, dimension: Dimension, text: string, rewrite?: string) =>
    notes.push({ kind, turn: t.n, clock: t.clock, text: t.text, dimension, note: text, ...(rewrite ? { rewrite } : {}) });
  const has = (t: Turn, i: string) => t.analysis.intents.includes(i as never);

  // open_questions — share of open questions among real questions, with enough of them asked.
  const oq: Evidence[] = [];
  let open = 0;
  let counted = 0;
  for (const t of turns) {
    const a = t.analysis;
    if (a.form === 'statement') continue;
    if (has(t, 'referral_ask') || has(t, 'time_check') || has(t, 'follow_up') || has(t, 'job_ask')) continue;
    // A question their profile answers is flagged under professionalism, not counted twice.
    if (t.reply?.reaction === 'bio_question') continue;
    const clarifying = CLARIFYING.test(t.text.trim());
    if (a.form === 'open') {
      open++;
      counted++;
      oq.push({ turn: t.n, text: t.text, effect: '+', note: clarifying ? 'open follow-up question' : 'open question' });
    } else if (clarifying) {
      oq.push({ turn: t.n, text: t.text, effect: '+', note: 'clarifying question (does not count against you)' });
    } else {
      counted++;
      const fix = a.suggestion ? `try: "${a.suggestion}"` : 'start with what, how or why to invite a fuller answer';
      oq.push({ turn: t.n, text: t.text, effect: '-', note: `closed question; ${fix}` });
      note('closed_question', t, 'open_questions', 'Closed question: it invites a one-word answer.', a.suggestion);
    }
  }
  const share = counted ? open / counted : 0;
  const enough = Math.min(1, counted / ENOUGH_QUESTIONS);
  const openAdvice =
    counted < ENOUGH_QUESTIONS
      ? `Ask more real questions: you asked ${counted}; five or more open ones use the meeting well.`
      : share < 0.8
        ? 'Turn yes/no questions into what/how/why questions ("What do you enjoy most about…?" rather than "Do you like…?").'
        : 'Good open questions. Keep following up on their answers with "how" and "why".';

  // time_discipline — acknowledge the time early, start wrapping up before the end, finish on time.
  const minutes = scenario.meeting.minutes;
  const end = minutes * 60;
  const td: Evidence[] = [];
  const timeTurns = turns.filter((t) => has(t, 'time_check'));
  const early = timeTurns.find((t) => t.n <= 3 || t.clock < 5 * 60);
  let timePct = 0;
  if (early) {
    timePct += 25;
    td.push({ turn: early.n, text: early.text, effect: '+', note: 'acknowledged the agreed time early' });
  }
  const wrapStart = turns.find((t) => t.reply?.phase === 'wrapUp' || t.reply?.reaction === 'farewell' || t.reply?.reaction === 'wrap_up');
  if (wrapStart && wrapStart.clock <= end) {
    timePct += 25;
    td.push({ turn: wrapStart.n, text: wrapStart.text, effect: '+', note: `started wrapping up at ${formatClock(wrapStart.clock)}, before the end` });
  }
  const over = Math.max(0, duration - end);
  const lateTimeCheck = timeTurns.some((t) => t.clock >= end - scenario.meeting.warning_minutes * 60);
  if (outcome === 'hard_stop') {
    timePct = Math.min(timePct, 10);
    const cut = turns[turns.length - 1];
    if (cut) {
      td.push({ turn: cut.n, text: cut.text, effect: '-', note: 'the contact had to leave: the meeting ran past their hard stop' });
      note('hard_stop', cut, 'time_discipline', 'The meeting overran until the contact had to leave. Check the time in the last few minutes.', 'I know we are nearly at time — may I ask one last question?');
    }
  } else if (outcome !== 'unfinished') {
    let finish = outcome === 'graceful' ? 50 : 25;
    if (over > 0) {
      const penalty = Math.min(1, over / Math.max(60, scenario.meeting.overtime_minutes * 60)) * (lateTimeCheck ? 0.5 : 1);
      finish = Math.round(finish * (1 - penalty));
      const overTurn = turns.find((t) => t.clock > end) ?? turns[turns.length - 1];
      if (overTurn) {
        td.push({ turn: overTurn.n, text: overTurn.text, effect: '-', note: `ran ${formatClock(over)} over the agreed ${minutes} minutes${lateTimeCheck ? ' (softened: you pointed out the time)' : ''}` });
        note('overran', overTurn, 'time_discipline', `This ran past the agreed ${minutes} minutes. Check the time before starting a new question.`, 'We are nearly at time — may I ask one last thing?');
      }
    }
    timePct += finish;
  }
  const timeAdvice =
    outcome === 'hard_stop'
      ? 'Watch the clock: start wrapping up a few minutes before the agreed end so the contact never has to cut you off.'
      : !early
        ? `Say early that you will keep to the agreed ${minutes} minutes ("I know you only have ${minutes} minutes").`
        : !wrapStart
          ? 'Signal the wrap-up before the end: "I see we are almost at time — one last question."'
          : over > 0
            ? 'You ran over. End on time even when the conversation is going well; offer to follow up instead.'
            : 'Good time discipline.';

  // no_job_ask — full unless the user asked for a job, an opening, an interview or a referral for a position.
  const jobTurns = turns.filter((t) => has(t, 'job_ask'));
  const nj: Evidence[] = jobTurns.map((t) => ({ turn: t.n, text: t.text, effect: '-' as const, note: 'asked for a job, an opening or a referral for a position' }));
  for (const t of jobTurns) note('job_ask', t, 'no_job_ask', 'This is a job ask: it turns the conversation into an application. Ask for advice instead.', 'What would you do in my position to become a strong candidate in this field?');
  const jobAdvice = jobTurns.length
    ? 'Never ask for a job, an opening or to be referred for a role; ask what they would do in your position.'
    : 'You kept it about learning, not a job. Good.';

  // referrals — asked for other people to talk to, after rapport, with permission to use the name.
  const refTurns = turns.filter((t) => has(t, 'referral_ask'));
  const rf: Evidence[] = [];
  let refPct = 0;
  if (refTurns.length) {
    refPct += 60;
    rf.push({ turn: refTurns[0]!.n, text: refTurns[0]!.text, effect: '+', note: 'asked who else to talk to' });
    // Rapport: at least a minute in, and after a few questions of their own.
    const questionsBefore = (n: number) => turns.filter((t) => t.n < n && t.analysis.form !== 'statement').length;
    const timely = refTurns.find((t) => t.clock >= 60 && questionsBefore(t.n) >= 3);
    if (timely) {
      refPct += 25;
      if (timely !== refTurns[0]) rf.push({ turn: timely.n, text: timely.text, effect: '+', note: 'asked after building rapport' });
    } else {
      const first = refTurns[0]!;
      rf.push({ turn: first.n, text: first.text, effect: '-', note: 'asked before building any rapport' });
      note('early_referral', first, 'referrals', 'Asking for names this early can feel like using them. Ask near the end, after a few good questions.');
    }
    const permission = refTurns.find((t) => NAME_PERMISSION.test(t.text));
    if (permission) {
      refPct += 15;
      rf.push({ turn: permission.n, text: permission.text, effect: '+', note: 'asked permission to use their name' });
    }
  }
  const refAdvice = !refTurns.length
    ? 'Before you leave, ask "Is there anyone else you think I should talk to?"'
    : refPct < 85
      ? 'Ask for referrals near the end, once they know you.'
      : refPct < 100
        ? 'Ask whether you may mention their name when you contact the people they suggest.'
        : 'Well done: you asked for referrals at the right moment and for permission to use their name.';

  // professionalism — introduction and purpose, no resume, no profile questions, thanks, follow-up.
  const pr: Evidence[] = [];
  let profPct = 0;
  const firstTurns = turns.slice(0, 3);
  const intro = firstTurns.find((t) => INTRO_PHRASE.test(t.text) || INTRO_NAME.test(t.text));
  const purpose = firstTurns.find((t) => has(t, 'purpose'));
  if (intro) {
    profPct += 10;
    pr.push({ turn: intro.n, text: intro.text, effect: '+', note: 'introduced yourself' });
  }
  if (purpose) {
    profPct += 10;
    pr.push({ turn: purpose.n, text: purpose.text, effect: '+', note: 'stated a learning purpose' });
  } else if (turns[0]) {
    note('no_purpose', turns[0], 'professionalism', 'Open by saying who you are and what you hope to learn.', "I'm Sam, a final-year student, and I'm hoping to learn what this work is really like.");
  }
  const resumeTurns = turns.filter((t) => has(t, 'resume_push'));
  if (!resumeTurns.length) profPct += 20;
  for (const t of resumeTurns) {
    pr.push({ turn: t.n, text: t.text, effect: '-', note: 'pushed a resume nobody asked for' });
    note('resume_push', t, 'professionalism', 'Offering a resume nobody asked for makes this feel like a job interview. Keep it for later; send it only if they ask.');
  }
  const bioTurns = turns.filter((t) => t.reply?.reaction === 'bio_question');
  profPct += Math.max(0, 20 - 10 * bioTurns.length);
  for (const t of bioTurns) {
    pr.push({ turn: t.n, text: t.text, effect: '-', note: 'asked something their public profile already answers' });
    note('profile_question', t, 'professionalism', 'Their public profile already answers this; it shows you did not prepare. Build on what you know instead.', 'I saw on your profile where you started — what made you move on from there?');
  }
  const thanks = turns.find((t) => has(t, 'thanks'));
  if (thanks) {
    profPct += 20;
    pr.push({ turn: thanks.n, text: thanks.text, effect: '+', note: 'thanked them' });
  }
  const follow = turns.find((t) => has(t, 'follow_up'));
  if (follow) {
    profPct += 20;
    pr.push({ turn: follow.n, text: follow.text, effect: '+', note: 'stated a follow-up' });
  }
  const profAdvice = !purpose
    ? 'Open with who you are and that you are there to learn, not to ask for a job.'
    : resumeTurns.length
      ? 'Leave the resume out of an informational interview unless they ask for it.'
      : bioTurns.length
        ? 'Read their public profile beforehand and ask about what is behind it.'
        : !thanks
          ? 'Thank them for their time before you go.'
          : !follow
            ? 'Close with a concrete next step: "I will send you a note after I talk to …".'
            : 'Professional from start to finish.';

  // Shares are whole percentages, so points round the same way on every machine.
  const pts = (pct: number, d: Dimension) => Math.round((Math.max(0, Math.min(100, pct)) * weights[d]) / 100);
  const dimensions: Record<Dimension, DimensionScore> = {
    open_questions: { score: pts(Math.round(share * enough * 100), 'open_questions'), max: weights.open_questions, evidence: oq, advice: openAdvice },
    time_discipline: { score: pts(timePct, 'time_discipline'), max: weights.time_discipline, evidence: td, advice: timeAdvice },
    no_job_ask: { score: jobTurns.length ? 0 : weights.no_job_ask, max: weights.no_job_ask, evidence: nj, advice: jobAdvice },
    referrals: { score: pts(refPct, 'referrals'), max: weights.referrals, evidence: rf, advice: refAdvice },
    professionalism: { score: pts(profPct, 'professionalism'), max: weights.professionalism, evidence: pr, advice: profAdvice },
  };
  const total = DIMENSIONS.reduce((s, d) => s + dimensions[d].score, 0);
  notes.sort((a, b) => a.turn - b.turn || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension));
  return { total, max: 100, outcome, duration, agreedMinutes: minutes, dimensions, notes };
}

/** Human label of a dimension. */
export const DIMENSION_LABEL: Record<Dimension, string> = {
  open_questions: 'Open questions',
  time_discipline: 'Time discipline',
  no_job_ask: 'No job ask',
  referrals: 'Referrals',
  professionalism: 'Professionalism',
};

