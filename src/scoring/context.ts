import { analyze, asksLeaveToAsk, contentStems, currentModel, normalizeTokens, splitSentences, unitsOf, type Analysis } from '../nlu/index.js';
import { mentions, namesJob, type Lookups } from '../nlu/features.js';
import { onModelChange } from '../nlu/knowledge.js';
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
  /** Real questions: not a referral ask, time check, follow-up, job ask, resume push, leave to ask, or a question their profile answers. */
  questions: Turn[];
  /** Questions their public profile already answers: the contact said so, or the scenario lists the question as asking for a profile fact. */
  profileQuestions: Turn[];
  /**
   * The closing: the last `closing_turns` turns, where a summary and a next step belong. A turn with
   * a question counts only when it also thanks or commits to something ("Thanks, I'll read the book
   * you mentioned. Is there anyone else I should talk to?"): a plain last question is no closing.
   */
  closing: Turn[];
  scenario: Scenario;
  minutes: number;
  /** The agreed end, in seconds. */
  end: number;
  duration: number;
  outcome: Outcome;
  /** Who ended a meeting cut short: the student (job asks, pushing, off-topic, overrun) or the simulator. */
  endedBy: 'student' | 'simulator' | null;
  /** 0–1: how much of a full conversation was held (questions, a profile one too, up to `earned_after_questions`). */
  earned: number;
  /** The participant's name when known (transcript or introduction). */
  name: string | null;
  data: RubricData;
  has(t: Turn, intent: string): boolean;
  /** A follow-up that builds on what the contact just said. */
  buildsOn(t: Turn): boolean;
  /** A question built on their profile or organisation: words only research would bring (not the field's own), not buried in a monologue. */
  researched(t: Turn): boolean;
  /** A researched question a student could ask in this scenario, for advice. */
  researchExample: string;
  note(kind: NoteKind, t: Turn, dimension: Dimension, text: string, rewrite?: string): void;
  notes: TurnNote[];
  /** Fill a template with the meeting's standard placeholders and `extra`. */
  say(template: string, extra?: Record<string, string | number>): string;
}

let phraseCache = new WeakMap<readonly string[], string[]>();
onModelChange(() => (phraseCache = new WeakMap()));

/**
 * The first of `phrases` (rubric data, in plain words) said in a sentence, read as the language
 * layer reads text (lower case, contractions and texting shorthand expanded: "can i say u sent
 * me" says "you sent me"): the sentence's words joined by spaces and where the phrase starts in
 * them; undefined when none is said.
 */
export function findPhrase(sentence: string, phrases: readonly string[]): { joined: string; at: number } | undefined {
  let wanted = phraseCache.get(phrases);
  if (!wanted) phraseCache.set(phrases, (wanted = phrases.map((p) => ` ${normalizeTokens(p).filter((w) => w !== ',').join(' ')} `)));
  const joined = ` ${normalizeTokens(sentence).filter((w) => w !== ',').join(' ')} `;
  for (const p of wanted) {
    const at = joined.indexOf(p);
    if (at >= 0) return { joined, at };
  }
  return undefined;
}

/** Whether any sentence of a text says one of `phrases` (see findPhrase). */
export function saysAny(text: string, phrases: readonly string[]): boolean {
  return splitSentences(text).some((s) => findPhrase(s.text, phrases) !== undefined);
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
const STUDENT_FAULTS = new Set(['job_ask', 'resume_push', 'bio_question', 'repeat', 'unclear', 'small_talk']);
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

// Words that lead into a question without changing what it asks ("So what did you study?").
const LEAD_INS = new Set('so and ok okay also well oh um right anyway then but'.split(' '));

/** A sentence's words, normalised, without commas and lead-in words. */
function words(text: string): string {
  const w = normalizeTokens(text).filter((x) => x !== ',');
  let i = 0;
  while (i < w.length - 1 && LEAD_INS.has(w[i]!)) i++;
  return w.slice(i).join(' ');
}

// A profile fact said to its owner: "Has managed…" → "have managed…", "taught herself" → "taught yourself".
const TO_YOU: Record<string, string> = { has: 'have', is: 'are', was: 'were', does: 'do' };
const PRONOUN_TO_YOU: Record<string, string> = { herself: 'yourself', himself: 'yourself', themselves: 'yourself', her: 'your', his: 'your', their: 'your' };

/** A profile fact ("Runs after-school reading programs.") as said to its owner ("run after-school reading programs"). */
function toYou(fact: string): string {
  const [first = '', ...rest] = fact.replace(/\.$/, '').split(' ');
  const w = first.toLowerCase();
  const verb = TO_YOU[w] ?? (/[^s]s$/.test(w) ? w.replace(/ies$/, 'y').replace(/([^y])s$/, '$1') : w);
  return [verb, ...rest.map((x) => PRONOUN_TO_YOU[x] ?? x)].join(' ');
}

/** What the rubric reads in a scenario, the same for every transcript of it. */
interface ScenarioWords {
  /** Stems of the profile and organisation that the field's own name does not already carry: research. */
  known: Set<string>;
  /** The profile facts' example questions. */
  profileAsks: Array<{ words: string; key: string }>;
}
let scenarioCache = new WeakMap<Scenario, WeakMap<RubricData, ScenarioWords>>();
onModelChange(() => (scenarioCache = new WeakMap()));

/** A scenario's words as the rubric reads them, computed once per scenario and rubric (and model). */
function scenarioWords(scenario: Scenario, data: RubricData): ScenarioWords {
  let byData = scenarioCache.get(scenario);
  if (!byData) scenarioCache.set(scenario, (byData = new WeakMap()));
  let w = byData.get(data);
  if (!w) {
    const p = scenario.persona;
    const common = new Set(contentStems([scenario.field, scenario.title, p.role, ...data.open_questions.research_ignore].join(' ')));
    const known = new Set(contentStems([p.organisation, ...p.profile.map((f) => f.fact)].join(' ')).filter((s) => s.length > 3 && !common.has(s)));
    w = { known, profileAsks: p.profile.flatMap((f) => f.examples).map(askedAs) };
    byData.set(data, w);
  }
  return w;
}

/** A profile example as the rubric compares it: its words, and its longest word as typed, to find candidates fast. */
function askedAs(example: string): { words: string; key: string } {
  const w = words(example);
  const typed = example.toLowerCase();
  const key = w.split(' ').filter((x) => typed.includes(x)).reduce((a, b) => (b.length > a.length ? b : a), '');
  return { words: w, key };
}

/** Whether `text` is one of `starts`, or begins with one ("were you a floor nurse before you became a manager"). */
function startsWithAny(text: string, starts: readonly string[]): boolean {
  return starts.some((s) => s !== '' && (text === s || text.startsWith(`${s} `)));
}

/**
 * What each turn does, as the rubric reads it: the analyzer's intents, except that right after the
 * student brought up their resume, a job ask naming no job or a request to look something over
 * ("Could you look it over?") asks about the resume: it is resume pushing, not a job ask. A turn's
 * own analysis reads it without that context.
 */
function readIntents(turns: readonly Turn[], lookups: Lookups): Map<Turn, Set<string>> {
  const read = new Map<Turn, Set<string>>();
  let lastAsk: 'job_ask' | 'resume_push' | undefined;
  for (const t of turns) {
    const intents = new Set<string>(t.analysis.intents);
    if (lastAsk === 'resume_push' && !intents.has('resume_push')) {
      const tokens = normalizeTokens(t.text);
      if ((intents.has('job_ask') && !namesJob(tokens, lookups)) || mentions(tokens, lookups, 'review_request')) {
        intents.delete('job_ask');
        intents.add('resume_push');
      }
    }
    if (intents.has('job_ask')) lastAsk = 'job_ask';
    else if (intents.has('resume_push')) lastAsk = 'resume_push';
    read.set(t, intents);
  }
  return read;
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
  const lookups = currentModel().lookups;
  const intents = readIntents(turns, lookups);
  const has = (t: Turn, i: string) => intents.get(t)!.has(i);
  // A one-sentence resume offer ("Can I send you my resume?") asks nothing; a resume mentioned beside
  // a real question leaves the question standing.
  // (A saved transcript keeps only the turn's form and intents: count its sentences from the text.)
  const asksNothing = (t: Turn) => has(t, 'resume_push') && (t.analysis.sentences?.length ?? unitsOf(t.text).length) <= 1;
  const { known, profileAsks } = scenarioWords(scenario, data);
  // A question the scenario lists as asking for a profile fact asks what the profile says, even when
  // the contact chose to answer it as a topic ("What did you study in college?").
  const asksProfile = (t: Turn) => {
    if (t.reply?.reaction === 'bio_question') return true;
    if (t.analysis.form === 'statement') return false;
    // Only a turn that has an example's longest word is read closely.
    const lower = t.text.toLowerCase();
    const near = profileAsks.filter((a) => lower.includes(a.key)).map((a) => a.words);
    return near.length > 0 && splitSentences(t.text).some((x) => startsWithAny(words(x.text), near));
  };
  const profileQuestions = turns.filter(asksProfile);
  const isProfileQuestion = new Set(profileQuestions);
  // "Is it ok if I ask you a few questions?", which the contact met with a go-ahead: leave to ask,
  // not a question about their work.
  const asksLeave = (t: Turn) => t.reply?.reaction === 'acknowledge' && asksLeaveToAsk(t.text);
  const questions = turns.filter(
    (t) => t.analysis.form !== 'statement' && !['referral_ask', 'time_check', 'follow_up', 'job_ask'].some((i) => has(t, i)) && !asksNothing(t) && !isProfileQuestion.has(t) && !asksLeave(t),
  );
  const last = transcript.turns[transcript.turns.length - 1];
  const outcome = outcomeOf(transcript);
  const faults = [...replies.values()].some((r) => STUDENT_FAULTS.has(r.reaction) || r.clock_notes.includes('overtime'));
  const introName = introductionOf(turns)?.name ?? null;
  const notes: TurnNote[] = [];
  const minutes = scenario.meeting.minutes;
  const name = transcript.participant?.trim() || introName;
  const p = scenario.persona;
  const ctx: ScoringContext = {
    turns,
    questions,
    profileQuestions,
    closing: turns.slice(-data.closing_turns).filter((t) => !t.text.includes('?') || has(t, 'thanks') || has(t, 'follow_up')),
    scenario,
    minutes,
    end: minutes * 60,
    duration: transcript.ended?.clock ?? last?.clock ?? 0,
    outcome,
    endedBy: outcome === 'cut_short' ? (faults ? 'student' : 'simulator') : null,
    earned: Math.min(1, (questions.length + profileQuestions.length) / data.earned_after_questions),
    name,
    data,
    has,
    buildsOn: (t) => t.reply?.reaction === 'follow_up' || (t.analysis.form !== 'statement' && mentions(normalizeTokens(t.text), lookups, 'follow_up_cue')),
    researched: (t) => !isProfileQuestion.has(t) && t.text.trim().split(/\s+/).length < data.open_questions.rambling_words && contentStems(t.text).some((s) => known.has(s)),
    researchExample: fill(data.open_questions.research_example, { fact: p.profile[0] ? toYou(p.profile[0].fact) : 'started elsewhere' }),
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
