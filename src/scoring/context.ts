import { analyze, contentStems, currentModel, normalizeTokens, unitsOf, type Analysis } from '../nlu/index.js';
import { mentions } from '../nlu/features.js';
import type { Dimension, Scenario } from '../scenario/schema.js';
import type { ContactTurn, Transcript, UserTurn } from '../session/transcript.js';
import type { RubricData } from './rubric-data.js';
import { fill } from './rubric-data.js';

/** How the meeting ended. */
export type Outcome = 'graceful' | 'cut_short' | 'hard_stop' | 'left' | 'unfinished';

/** The kinds of mistake a turn note records (stable ids, for counting across a cohort). */
export type NoteKind = 'closed_question' | 'rambling' | 'hard_stop' | 'overran' | 'job_ask' | 'early_referral' | 'no_purpose' | 'resume_push' | 'profile_question';

/** A turn that counted for or against a dimension. */
export interface Evidence {
  turn: number;
  text: string;
  /** `+` earned points, `-` cost points. */
  effect: '+' | '-';
  note: string;
}

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

/** One user turn with its analysis and the contact's reply. */
export interface Turn {
  n: number;
  text: string;
  clock: number;
  analysis: Analysis;
  reply?: ContactTurn;
}

/** What one dimension found: the share of its weight earned (0–100), the turns that counted, one piece of advice. */
export interface DimensionResult {
  pct: number;
  evidence: Evidence[];
  advice: string;
}

/** Everything a dimension's rule reads, computed once per transcript. */
export interface ScoringContext {
  turns: Turn[];
  /** Real questions: not a referral ask, time check, follow-up, job ask, resume push, or a question their profile answers. */
  questions: Turn[];
  scenario: Scenario;
  minutes: number;
  /** The agreed end, in seconds. */
  end: number;
  duration: number;
  outcome: Outcome;
  /** Who ended a meeting cut short: the student (job asks, pushing, off-topic, overrun) or the simulator. */
  endedBy: 'student' | 'simulator' | null;
  /** 0–1: how much of a full conversation was held (real questions up to `earned_after_questions`). */
  earned: number;
  /** The participant's name when known (transcript or introduction). */
  name: string | null;
  data: RubricData;
  has(t: Turn, intent: string): boolean;
  /** A follow-up that builds on what the contact just said. */
  buildsOn(t: Turn): boolean;
  /** A question built on their profile or organisation: words only research would bring (not the field's own). */
  researched(t: Turn): boolean;
  /** A researched question a student could ask in this scenario, for advice. */
  researchExample: string;
  note(kind: NoteKind, t: Turn, dimension: Dimension, text: string, rewrite?: string): void;
  notes: TurnNote[];
  /** Fill a template with the meeting's standard placeholders and `extra`. */
  say(template: string, extra?: Record<string, string | number>): string;
}

/** How a transcript's meeting ended, in the rubric's words. */
export function outcomeOf(t: Transcript): Outcome {
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

/** Reactions that mean the student tried the contact's patience. */
const STUDENT_FAULTS = new Set(['job_ask', 'resume_push', 'bio_question', 'repeat', 'unclear']);
// "My name is Jo", "I'm Jo", "im jordan, a junior…", "I'm a nursing student": who the student is.
const INTRO = /\b(?:my name is|i am|i'm|im|this is)\s+(a|an|[a-z][a-z'-]+)\b/gi;
// Words after "I'm" that are no name: "I'm curious", "I'm not sure".
const NOT_A_NAME = new Set('curious wondering hoping interested trying not looking so really just here glad happy excited thinking working currently also still very sorry sure the going doing new about in on at from with learning studying finishing exploring considering planning'.split(' '));

/** The turn where the student said who they are, in the first three, and their name when they gave it. */
export function introductionOf(turns: readonly Turn[]): { turn: Turn; name: string | null } | undefined {
  for (const t of turns.slice(0, 3)) {
    for (const m of t.text.matchAll(INTRO)) {
      const word = m[1]!.toLowerCase();
      if (word === 'a' || word === 'an') return { turn: t, name: null };
      if (NOT_A_NAME.has(word)) continue;
      return { turn: t, name: word.charAt(0).toUpperCase() + word.slice(1) };
    }
  }
  return undefined;
}

/** Build the scoring context of a transcript. */
export function contextOf(transcript: Transcript, scenario: Scenario, data: RubricData, reanalyze: boolean): ScoringContext {
  const replies = new Map<number, ContactTurn>();
  for (const t of transcript.turns) if (t.speaker === 'contact') replies.set(t.n, t);
  const turns: Turn[] = transcript.turns
    .filter((t): t is UserTurn => t.speaker === 'user')
    .map((t) => ({
      n: t.n,
      text: t.text,
      clock: t.clock,
      analysis: reanalyze ? analyze(t.text) : (t.analysis as unknown as Analysis),
      ...(replies.has(t.n) ? { reply: replies.get(t.n)! } : {}),
    }));
  const has = (t: Turn, i: string) => t.analysis.intents.includes(i as never);
  // A one-sentence resume offer ("Can I send you my resume?") asks nothing; a resume mentioned beside
  // a real question leaves the question standing.
  // (A saved transcript keeps only the turn's form and intents: count its sentences from the text.)
  const asksNothing = (t: Turn) => has(t, 'resume_push') && (t.analysis.sentences?.length ?? unitsOf(t.text).length) <= 1;
  const questions = turns.filter(
    (t) => t.analysis.form !== 'statement' && !['referral_ask', 'time_check', 'follow_up', 'job_ask'].some((i) => has(t, i)) && !asksNothing(t) && t.reply?.reaction !== 'bio_question',
  );
  const last = transcript.turns[transcript.turns.length - 1];
  const outcome = outcomeOf(transcript);
  const faults = [...replies.values()].some((r) => STUDENT_FAULTS.has(r.reaction) || r.clock_notes.includes('overtime'));
  const introName = introductionOf(turns)?.name ?? null;
  const lookups = currentModel().lookups;
  const notes: TurnNote[] = [];
  const minutes = scenario.meeting.minutes;
  const name = transcript.participant?.trim() || introName;
  // Words of the profile and organisation that the field's own name does not already carry.
  const p = scenario.persona;
  const common = new Set(contentStems([scenario.field, scenario.title, p.role, ...data.open_questions.research_ignore].join(' ')));
  const known = new Set(contentStems([p.organisation, ...p.profile.map((f) => f.fact)].join(' ')).filter((s) => s.length > 3 && !common.has(s)));
  const ctx: ScoringContext = {
    turns,
    questions,
    scenario,
    minutes,
    end: minutes * 60,
    duration: transcript.ended?.clock ?? last?.clock ?? 0,
    outcome,
    endedBy: outcome === 'cut_short' ? (faults ? 'student' : 'simulator') : null,
    earned: Math.min(1, questions.length / data.earned_after_questions),
    name,
    data,
    has,
    buildsOn: (t) => t.reply?.reaction === 'follow_up' || (t.analysis.form !== 'statement' && mentions(normalizeTokens(t.text), lookups, 'follow_up_cue')),
    researched: (t) => t.reply?.reaction !== 'bio_question' && contentStems(t.text).some((s) => known.has(s)),
    researchExample: `I saw that you ${p.profile[0]?.fact.replace(/^[A-Z]/, (c) => c.toLowerCase()).replace(/\.$/, '') ?? 'started elsewhere'} — what did that teach you?`,
    notes,
    note: (kind, t, dimension, text, rewrite) => notes.push({ kind, turn: t.n, clock: t.clock, text: t.text, dimension, note: text, ...(rewrite ? { rewrite } : {}) }),
    say: (template, extra = {}) =>
      fill(template, {
        minutes,
        asked: questions.length,
        s: questions.length === 1 ? '' : 's',
        name: name ?? 'you',
        ...extra,
      }),
  };
  return ctx;
}
