import { assertEvent, assign, enqueueActions, raise, setup } from 'xstate';
import { asksLeaveToAsk, CANONICAL_TOPICS, matchSettings, NO_TOPIC, type Analysis, type Match } from '../nlu/index.js';
import { modelFile, type TopicInfo } from '../nlu/knowledge.js';
import type { Scenario, Topic, Variants } from '../scenario/schema.js';
import { MAX_TURN_SECONDS, speakingSeconds } from './clock.js';
import { nextRandom, pick, seedState } from './rng.js';

/** How the contact reacted to a turn (one per turn; warnings and hints are added on top). */
export type Reaction =
  | 'opening'
  | 'answer_open'
  | 'answer_closed'
  | 'repeat'
  | 'follow_up'
  | 'hedged'
  | 'clarify'
  | 'not_my_area'
  | 'bio_question'
  | 'job_ask'
  | 'resume_push'
  | 'referral_offer'
  | 'referral_vague'
  | 'unclear'
  | 'small_talk'
  | 'acknowledge'
  | 'thanks'
  | 'time_ack'
  | 'wrap_up'
  | 'farewell'
  | 'cut_short';

/** The contact's side of one exchange. */
export interface Outcome {
  reaction: Reaction;
  /** Topic answered, when there was one. */
  topic?: string;
  /** Whether a closed answer came with a nudge toward an open question. */
  nudged?: boolean;
  /** What the contact says, in order. */
  reply: string[];
  /** Things that happen (interruptions), shown as events. */
  events: string[];
  /** Extra notes the clock added: 'time_warning', 'overtime', 'hard_stop'. */
  clockNotes: string[];
}

/** Why the meeting ended. */
export type EndReason = 'graceful' | 'patience' | 'hard_stop' | 'user';

/** The contact's state between turns. */
export interface ContactContext {
  scenario: Scenario;
  rng: number;
  /** Simulated meeting clock, in seconds. */
  clock: number;
  /** 0–100: how much the contact likes the visitor. */
  rapport: number;
  /** 0–100: how much more the contact will put up with. */
  patience: number;
  /** Times each topic was answered (a Map: topic ids are the scenario author's words). */
  covered: ReadonlyMap<string, number>;
  /** Topics whose further detail (`follow_up`) was said: it is said once. */
  detailed: ReadonlySet<string>;
  /** Unclear turns in a row: only a student who keeps going off topic costs patience. */
  offTopic: number;
  /** How many suggestions were offered, to rotate through topics. */
  suggested: number;
  jobAsks: number;
  overtimeHints: number;
  interruptionsDone: number;
  turn: number;
  last: Outcome;
  endReason?: EndReason;
}

/** A user turn, analysed and matched against the scenario's topics. */
export interface UserSaid {
  type: 'user.said';
  text: string;
  analysis: Analysis;
  match: Match | null;
}

/** Events the contact understands. */
export type ContactEvent = UserSaid | { type: 'user.left' } | { type: 'meeting.hardStop' } | { type: 'meeting.ended' };

/** Input to start a contact: the scenario and the seed for its choices. */
export interface ContactInput {
  scenario: Scenario;
  seed: number;
}

const list = (v: Variants | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const clamp = (n: number) => Math.max(0, Math.min(100, n));
const isQuestion = (a: Analysis) => a.form !== 'statement';

/** Choose a variant with the seeded generator and fill in {placeholders}. */
function say(ctx: ContactContext, v: Variants | undefined, vars: Record<string, string> = {}): [string, number] {
  const options = list(v);
  if (options.length === 0) return ['', ctx.rng];
  const [line, rng] = pick(options, ctx.rng);
  return [line.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? vars[k]! : m)), rng];
}

/** "As I said," + "Mornings for code." → "As I said, mornings for code." (keeps "I" and names). */
function joinPrefix(prefix: string, text: string): string {
  const p = prefix.trimEnd();
  // "It depends —" + "A base salary…" → "It depends — a base salary…"; "I" and names with a capital inside stay.
  const lower = /[,:;—-]$/.test(p) && /^(?:[A-Z][a-z]|A )/.test(text) && !/^I\b/.test(text);
  return `${p} ${lower ? text.charAt(0).toLowerCase() + text.slice(1) : text}`;
}

const covered = (ctx: ContactContext, id: string) => ctx.covered.get(id) ?? 0;
const cover = (ctx: ContactContext, id: string) => new Map(ctx.covered).set(id, covered(ctx, id) + 1);
/** The topic's further detail the first time; after it (or without one), what is left to say. */
const detailLine = (ctx: ContactContext, topic: Topic) => (!ctx.detailed.has(topic.id) ? topic.follow_up : undefined) ?? topic.again ?? topic.short;
/** The topics whose detail has been said, with this one once its detail is. */
const detail = (ctx: ContactContext, topic: Topic) => (topic.follow_up === undefined || ctx.detailed.has(topic.id) ? ctx.detailed : new Set(ctx.detailed).add(topic.id));
const topicOf = (ctx: ContactContext, id: string | undefined): Topic | undefined => ctx.scenario.topics.find((t) => t.id === id);
let canonCache: { file: unknown; map: ReadonlyMap<string, TopicInfo> } | undefined;
/** The canonical topics' wording (labels, suggestions, yes/no stances) from the language model, read on first use. */
function canon(): ReadonlyMap<string, TopicInfo> {
  const file = modelFile();
  if (canonCache?.file !== file) canonCache = { file, map: new Map(file.topics.map((t) => [t.id, t])) };
  return canonCache.map;
}
/** The canonical topic a scenario topic answers: `canonical:`, else its id when that names one. */
export function canonicalOf(t: Topic): string | null {
  return t.canonical ?? ((CANONICAL_TOPICS as readonly string[]).includes(t.id) ? t.id : null);
}

/** How the contact names a topic: its own label, its canonical topic's, or its id in words. */
function labelOf(ctx: ContactContext, t: Topic | undefined, canonicalId?: string): string {
  if (t?.label) return t.label;
  const info = canon().get(t ? (canonicalOf(t) ?? '') : (canonicalId ?? ''));
  return info?.label ?? (t ?? { id: canonicalId ?? 'that' }).id.replace(/_/g, ' ');
}

/** A question the visitor could ask next: rotates through uncovered topics, never the visitor's own words. */
function nextSuggestion(ctx: ContactContext, said: string): { question: string; label: string } | undefined {
  const norm = (x: string) => x.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
  const open = ctx.scenario.topics.filter((t) => covered(ctx, t.id) === 0);
  const pool = open.length ? open : ctx.scenario.topics;
  for (let k = 0; k < pool.length; k++) {
    const t = pool[(ctx.suggested + k) % pool.length]!;
    const question = t.examples[0] ?? canon().get(canonicalOf(t) ?? '')?.ask;
    if (question && norm(question) !== norm(said)) return { question, label: labelOf(ctx, t) };
  }
  return undefined;
}

/**
 * The turn says why the visitor came (the purpose intent): it is greeted as an introduction unless
 * it also asks something the contact can answer with confidence.
 */
const statesPurpose = (a: Analysis) => a.intents.includes('purpose');

/** Words that say who the speaker is. */
const INTRODUCTION = /\b(i'?m|i am|my name is|this is)\b/i;
/** In the first turns, a sentence that says who the visitor is ("I'm Priya, an econ junior"). */
const introducesSelf = (ctx: ContactContext, a: Analysis) => ctx.turn <= 2 && a.sentences.some((s) => INTRODUCTION.test(s.text));
/** The visitor introduced themselves and asked in the same turn. */
const introducedAndAsked = (ctx: ContactContext, a: Analysis) =>
  ctx.turn <= 3 && a.form !== 'statement' && (statesPurpose(a) || a.sentences.some((s) => s.form === 'statement' && INTRODUCTION.test(s.text)));

/** Around an answer: a brief hello after an introduction, a word on a second question left for later. */
function framed(ctx: ContactContext, a: Analysis, body: string[]): [string[], number] {
  let rng = ctx.rng;
  let greet = '';
  let defer = '';
  if (introducedAndAsked(ctx, a)) [greet, rng] = say({ ...ctx, rng }, ctx.scenario.reactions.greet);
  if (a.sentences.filter((s) => s.form !== 'statement').length >= 2) [defer, rng] = say({ ...ctx, rng }, ctx.scenario.reactions.defer);
  return [[greet, ...body, defer], rng];
}

function outcome(reaction: Reaction, reply: string[], extra: Partial<Outcome> = {}): Outcome {
  return { reaction, reply: reply.filter(Boolean), events: [], clockNotes: [], ...extra };
}

/** Nudge probability after a closed question, by difficulty: easy scenarios coach more. */
const NUDGE_CHANCE = { easy: 0.6, medium: 0.35, hard: 0.15 } as const;

/** Patience lost per turn, scaled by how busy the contact is (1–5). */
const busyFactor = (ctx: ContactContext) => 0.6 + ctx.scenario.persona.temperament.busy * 0.2;

const endSeconds = (ctx: ContactContext) => ctx.scenario.meeting.minutes * 60;
const lastMinutesAt = (ctx: ContactContext) => endSeconds(ctx) - ctx.scenario.meeting.warning_minutes * 60;
const hardStopAt = (ctx: ContactContext) => endSeconds(ctx) + ctx.scenario.meeting.overtime_minutes * 60;

const WRAP_WORDS = /\b(wrap|wrapping|last question|one more|final question|at time|out of time|let you go|stop here|almost at|nearly at|coming up on)\b/i;

/** Advance the clock by both speakers' words, then any interruptions that time has reached. */
function clockAdvanced(context: ContactContext, event: ContactEvent): Partial<ContactContext> {
  assertEvent(event, 'user.said');
  // A full answer is written short to read; the contact says it at length (meeting.elaboration).
  const factor = context.last.reaction === 'answer_open' ? context.scenario.meeting.elaboration : 1;
  let clock = context.clock + Math.min(MAX_TURN_SECONDS, speakingSeconds(event.text)) + speakingSeconds(context.last.reply.join(' '), factor);
  let done = context.interruptionsDone;
  const events = [...context.last.events];
  // In time order: the scenario schema sorts them.
  const interruptions = context.scenario.interruptions;
  while (done < interruptions.length && interruptions[done]!.at * 60 <= clock) {
    events.push(interruptions[done]!.text);
    clock += interruptions[done]!.cost * 60;
    done++;
  }
  return { clock, interruptionsDone: done, offTopic: OFF_TOPIC.has(context.last.reaction) ? context.offTopic : 0, last: { ...context.last, events } };
}

type ActionArgs = { context: ContactContext; event: ContactEvent };
/**
 * A reaction to a user turn as one context update: count the turn, react, then advance the clock
 * by what both said. One update, not three: XState makes a new snapshot for every update.
 */
function turnAction(react: (a: ActionArgs) => Partial<ContactContext>): (a: ActionArgs) => ContactContext {
  return ({ context, event }) => {
    const counted = { ...context, turn: context.turn + 1 };
    const reacted = { ...counted, ...react({ context: counted, event }) };
    return { ...reacted, ...clockAdvanced(reacted, event) };
  };
}

/** A reaction to a user turn (a `turnAction`: it counts the turn and advances the clock too). */
function turn<G extends string, A extends string>(guard: G, action: A) {
  return { guard, actions: action };
}
/** Reactions that take priority in every phase: a job ask, a pushed resume, a referral ask. */
const DEFLECTIONS = [turn('isJobAsk', 'deflectJobAsk'), turn('isResumePush', 'deflectResume'), turn('isReferralAsk', 'answerReferral')] as const;
/** Answers to questions: the profile, a repeat, a topic asked open or closed. */
const ANSWERS = [
  turn('isProfileQuestion', 'pointToProfile'),
  turn('isFollowUp', 'answerFollowUp'),
  turn('isNewAngle', 'answerNewAngle'),
  turn('isRepeatTopic', 'answerAgain'),
  turn('isOpenTopic', 'answerOpen'),
  turn('isClosedTopic', 'answerClosed'),
  turn('isPlausibleTopic', 'answerHedged'),
  turn('isUnsureTopic', 'askToClarify'),
  turn('isElsewhere', 'sayNotMyArea'),
] as const;
const TIME_ACK = turn('isTimeCheck', 'acknowledgeTime');
/** Turns off the meeting's subject: free once, then a streak tries the contact's patience. */
const OFF_TOPIC = new Set<Reaction>(['unclear', 'small_talk']);
const offTopicCost = (ctx: ContactContext): number => (ctx.offTopic >= 1 ? 4 * busyFactor(ctx) : 0);
/** Small talk ("can you hear me okay?", "how's the weather there?"): a short friendly answer. */
const SMALL_TALK = turn('isSmallTalk', 'saySmallTalk');
/** "Is it ok if I ask you a few questions?": asks for nothing but a go-ahead, which it gets. */
const LEAVE_TO_ASK = turn('isLeaveToAsk', 'acknowledge');
const UNCLEAR = turn('isUnclearQuestion', 'sayUnclear');
/** Anything else: a statement. */
const ACKNOWLEDGE = { actions: 'acknowledge' as const };

/**
 * The contact as an XState machine: a parallel `phase` region (opening → conversation → wrapUp →
 * ended.graceful / ended.cutShort) and a `clock` region (onTime → lastMinutes → overtime →
 * hardStop). Every turn is a `user.said` event carrying its analysis and topic match; no `invoke`
 * or `after`, so xstate/graph can walk it.
 */
export const contactMachine = setup({
  types: {
    context: {} as ContactContext,
    events: {} as ContactEvent,
    input: {} as ContactInput,
  },
  guards: {
    isJobAsk: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('job_ask'),
    isResumePush: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('resume_push'),
    isReferralAsk: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('referral_ask'),
    isClosing: ({ context, event }) => {
      assertEvent(event, 'user.said');
      const a = event.analysis;
      if (!a.intents.includes('thanks') || isQuestion(a)) return false;
      // Thanks in the opening ("thank you for making time, I'll watch the clock") is not goodbye:
      // a close with a next step comes after at least one answer, one on the time after two.
      const answered = [...context.covered.values()].reduce((x, y) => x + y, 0);
      if (answered < 1) return false;
      if (a.intents.includes('follow_up') || /\b(bye|goodbye|that is all|that's all|all my questions)\b/i.test(event.text)) return true;
      return (a.intents.includes('time_check') && (answered >= 2 || context.clock >= endSeconds(context) / 2)) || context.clock >= lastMinutesAt(context);
    },
    isWrapUpSignal: ({ event }) => {
      assertEvent(event, 'user.said');
      return event.analysis.intents.includes('time_check') && WRAP_WORDS.test(event.text);
    },
    isThanksInWrapUp: ({ event }) => {
      assertEvent(event, 'user.said');
      return event.analysis.intents.includes('thanks') && !isQuestion(event.analysis);
    },
    // An introduction that also thanks them for making time gets the greeting, not "thanks for
    // watching the clock" (the score still counts its time awareness).
    isTimeCheck: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('time_check') && !isQuestion(event.analysis) && !statesPurpose(event.analysis),
    isProfileQuestion: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'profile',
    isFollowUp: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'topic' && event.match.followUp === true,
    // A topic answered once, asked about from a new angle: the further detail, not "we covered that".
    isNewAngle: ({ context, event }) =>
      event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'topic' && event.match.confidence === 'sure' && event.match.newAngle === true && !context.detailed.has(event.match.id),
    isRepeatTopic: ({ context, event }) =>
      event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'topic' && event.match.confidence === 'sure' && covered(context, event.match.id) > 0,
    isOpenTopic: ({ event }) => event.type === 'user.said' && event.analysis.form === 'open' && event.match?.kind === 'topic' && event.match.confidence === 'sure',
    isClosedTopic: ({ event }) => event.type === 'user.said' && event.analysis.form === 'closed' && event.match?.kind === 'topic' && event.match.confidence === 'sure',
    // A hedged answer or "do you mean X or Y?" reads the turn as a question about one topic. An
    // introduction that says what the student hopes to learn ("…I hope to learn what your work is
    // like") is only answered when the topic is clear; otherwise it is greeted (see `statesPurpose`).
    isPlausibleTopic: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && !statesPurpose(event.analysis) && event.match?.kind === 'topic' && event.match.confidence === 'plausible',
    isUnsureTopic: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && !statesPurpose(event.analysis) && event.match?.kind === 'topic' && event.match.confidence === 'unsure',
    isElsewhere: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'elsewhere',
    // A question about nothing the contact can place. Not an introduction that says what the
    // student hopes to learn ("…and I hope to learn what your work is really like"): that is
    // greeted like any introduction, not met with "I'm not sure I follow".
    isUnclearQuestion: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && !statesPurpose(event.analysis),
    // Requests (job, resume, referral) are deflected or answered before this is tried.
    isLeaveToAsk: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && !event.match && asksLeaveToAsk(event.text),
    // The model reads a question about nothing the meeting covers, with no request in it.
    isSmallTalk: ({ event }) =>
      event.type === 'user.said' && isQuestion(event.analysis) && !event.match && event.analysis.intents.length === 0 && event.analysis.topics[0]?.id === NO_TOPIC && event.analysis.topics[0].p >= matchSettings().small_talk,
    isThanks: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('thanks'),
    outOfPatience: ({ context }) => context.patience <= 0,
    inLastMinutes: ({ context }) => context.clock >= lastMinutesAt(context),
    pastEnd: ({ context }) => context.clock > endSeconds(context),
    pastHardStop: ({ context }) => context.clock >= hardStopAt(context),
    meetingOver: ({ context }) => context.endReason !== undefined,
  },
  actions: {
    open: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.opening);
      return { rng, last: outcome('opening', [line]) };
    }),
    deflectJobAsk: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.job_ask);
      return { rng, last: outcome('job_ask', [line]), jobAsks: context.jobAsks + 1, rapport: clamp(context.rapport - 25), patience: clamp(context.patience - 30 * busyFactor(context)) };
    })),
    deflectResume: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.resume_push);
      return { rng, last: outcome('resume_push', [line]), rapport: clamp(context.rapport - 10), patience: clamp(context.patience - 10 * busyFactor(context)) };
    })),
    answerReferral: assign(turnAction(({ context }) => {
      const ref = context.scenario.reactions.referral;
      if (context.rapport >= ref.min_rapport) {
        const names = ref.names.map((n) => `${n.name}, ${n.role}${n.note ? ` (${n.note})` : ''}`).join(', and ');
        const [line, rng] = say(context, ref.offer, { names });
        return { rng, last: outcome('referral_offer', [line]), rapport: clamp(context.rapport + 2) };
      }
      const [line, rng] = say(context, ref.vague);
      return { rng, last: outcome('referral_vague', [line]) };
    })),
    sayFarewell: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.farewell.graceful);
      return { rng, last: outcome('farewell', [line]), endReason: 'graceful' as const, rapport: clamp(context.rapport + 5) };
    })),
    sayCutShort: assign(({ context }) => {
      // The hard stop already said goodbye.
      if (context.endReason === 'hard_stop') return {};
      const [line, rng] = say(context, context.scenario.reactions.farewell.cut_short);
      const prev = context.last.reaction === 'opening' ? [] : context.last.reply;
      return { rng, last: { ...context.last, reaction: 'cut_short' as const, reply: [...prev, line] }, endReason: context.endReason ?? ('patience' as const) };
    }),
    acknowledgeWrapUp: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.wrap_up ?? 'Sure, go ahead.');
      return { rng, last: outcome('wrap_up', [line]), rapport: clamp(context.rapport + 3) };
    })),
    acknowledgeTime: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      // "hi, I'm Priya, an econ junior — I know you're super busy": a hello first, then the time.
      const [greet, rng0] = introducesSelf(context, event.analysis) ? say(context, context.scenario.reactions.greet) : ['', context.rng];
      const [line, rng] = say({ ...context, rng: rng0 }, context.scenario.reactions.time_ack ?? 'Thanks for keeping an eye on the time.');
      return { rng, last: outcome('time_ack', greet ? [greet, line] : [line]), rapport: clamp(context.rapport + 3) };
    })),
    pointToProfile: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const p = context.scenario.persona.profile[Number(event.match?.id)];
      const [line, rng] = say(context, context.scenario.reactions.bio_question, { fact: p?.says ?? p?.fact ?? '' });
      return { rng, last: outcome('bio_question', [line]), rapport: clamp(context.rapport - 3), patience: clamp(context.patience - 8 * busyFactor(context)) };
    })),
    answerAgain: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = topicOf(context, event.match?.id)!;
      let rng = context.rng;
      let line: string;
      if (topic.again) line = topic.again;
      else {
        const [prefix, r] = say(context, context.scenario.reactions.repeat);
        rng = r;
        line = joinPrefix(prefix, topic.short);
      }
      return { rng, last: outcome('repeat', [line], { topic: topic.id }), covered: cover(context, topic.id), patience: clamp(context.patience - 5 * busyFactor(context)) };
    })),
    answerFollowUp: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = topicOf(context, event.match?.id)!;
      return { last: outcome('follow_up', [detailLine(context, topic)], { topic: topic.id }), covered: cover(context, topic.id), detailed: detail(context, topic), rapport: clamp(context.rapport + 3) };
    })),
    answerNewAngle: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = topicOf(context, event.match?.id)!;
      const [reply, rng] = framed(context, event.analysis, [detailLine(context, topic)]);
      return { rng, last: outcome(event.analysis.form === 'open' ? 'answer_open' : 'answer_closed', reply, { topic: topic.id }), covered: cover(context, topic.id), detailed: detail(context, topic), rapport: clamp(context.rapport + 2) };
    })),
    answerOpen: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = topicOf(context, event.match?.id)!;
      const [thanks, rng0] = event.analysis.intents.includes('thanks') ? say(context, context.scenario.reactions.thanks) : ['', context.rng];
      const [reply, rng] = framed({ ...context, rng: rng0 }, event.analysis, [thanks, topic.answer]);
      const intro = introducedAndAsked(context, event.analysis) && statesPurpose(event.analysis) ? 5 : 0;
      return { rng, last: outcome('answer_open', reply, { topic: topic.id }), covered: cover(context, topic.id), rapport: clamp(context.rapport + 4 + intro) };
    })),
    answerClosed: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = topicOf(context, event.match?.id)!;
      const [r, rng1] = nextRandom(context.rng);
      const nudged = r < NUDGE_CHANCE[context.scenario.difficulty];
      let rng = rng1;
      let nudge = '';
      if (nudged) [nudge, rng] = say({ ...context, rng }, context.scenario.reactions.closed_nudge);
      // A yes/no question gets its yes or no first ("Mostly, yes — …"), like a person would answer.
      const stance = event.analysis.yesNo ? (topic.stance ?? canon().get(canonicalOf(topic) ?? '')?.stance) : undefined;
      const short = stance ? joinPrefix(stance, topic.short) : topic.short;
      const [reply, rng2] = framed({ ...context, rng }, event.analysis, [short, nudge]);
      const intro = introducedAndAsked(context, event.analysis) && statesPurpose(event.analysis) ? 5 : 0;
      return { rng: rng2, last: outcome('answer_closed', reply, { topic: topic.id, nudged }), covered: cover(context, topic.id), rapport: clamp(context.rapport + 1 + intro) };
    })),
    answerHedged: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      // Not sure this was asked: answer it, but leave the topic free for a clearer question later.
      const topic = topicOf(context, event.match?.id)!;
      const [hedge, rng0] = say(context, context.scenario.reactions.hedge, { topic: labelOf(context, topic) });
      const body = joinPrefix(hedge, event.analysis.form === 'open' ? topic.answer : topic.short);
      const [reply, rng] = framed({ ...context, rng: rng0 }, event.analysis, [body]);
      return { rng, last: outcome('hedged', reply, { topic: topic.id }), rapport: clamp(context.rapport + 2) };
    })),
    askToClarify: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const first = labelOf(context, topicOf(context, event.match?.id));
      const second = labelOf(context, topicOf(context, event.match?.alternative));
      const [line, rng] = say(context, context.scenario.reactions.clarify, { first, second });
      return { rng, last: outcome('clarify', [line]) };
    })),
    sayNotMyArea: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const offer = nextSuggestion(context, event.text);
      const [line, rng] = say(context, context.scenario.reactions.not_my_area, { topic: labelOf(context, undefined, event.match?.id), offer: offer?.label ?? 'my own work' });
      return { rng, suggested: context.suggested + 1, last: outcome('not_my_area', [line]) };
    })),
    sayUnclear: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      const [line, rng1] = say(context, context.scenario.reactions.unclear);
      // A coaching contact offers a question it can answer, never the visitor's own.
      const next = context.scenario.difficulty !== 'hard' ? nextSuggestion(context, event.text) : undefined;
      const [hint, rng] = next ? say({ ...context, rng: rng1 }, context.scenario.reactions.suggest, { question: next.question }) : ['', rng1];
      return { rng, suggested: context.suggested + (next ? 1 : 0), offTopic: context.offTopic + 1, last: outcome('unclear', [line, hint]), patience: clamp(context.patience - offTopicCost(context)) };
    })),
    saySmallTalk: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.small_talk);
      return { rng, offTopic: context.offTopic + 1, last: outcome('small_talk', [line]), patience: clamp(context.patience - offTopicCost(context)) };
    })),
    sayThanks: assign(turnAction(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.thanks ?? 'Of course.');
      return { rng, last: outcome('thanks', [line]), rapport: clamp(context.rapport + 2) };
    })),
    acknowledge: assign(turnAction(({ context, event }) => {
      assertEvent(event, 'user.said');
      // Introductions get a greeting; later statements a short comment.
      const greeting = context.turn <= 2 ? context.scenario.reactions.acknowledge : context.scenario.reactions.comment;
      const [line, rng] = say(context, greeting ?? 'I see. What would you like to ask?');
      const purpose = statesPurpose(event.analysis) ? 5 : 0;
      return { rng, last: outcome('acknowledge', [line]), rapport: clamp(context.rapport + purpose) };
    })),
    userLeft: assign(({ context }) => ({ endReason: context.endReason ?? ('user' as const), last: outcome('cut_short', []) })),
    warnTime: assign(({ context }) => {
      if (context.endReason) return {};
      const left = Math.max(1, Math.round((endSeconds(context) - context.clock) / 60));
      const [line, rng] = say(context, context.scenario.reactions.time_warning, { minutes_left: String(left) });
      return { rng, last: { ...context.last, reply: [...context.last.reply, line], clockNotes: [...context.last.clockNotes, 'time_warning'] } };
    }),
    hintOvertime: assign(({ context }) => {
      if (context.endReason) return {};
      const [line, rng] = say(context, context.scenario.reactions.overtime);
      return {
        rng,
        overtimeHints: context.overtimeHints + 1,
        patience: clamp(context.patience - 10 * busyFactor(context)),
        last: { ...context.last, reply: [...context.last.reply, line], clockNotes: [...context.last.clockNotes, 'overtime'] },
      };
    }),
    sayHardStop: assign(({ context }) => {
      if (context.endReason) return {};
      const [line, rng] = say(context, context.scenario.reactions.hard_stop);
      return { rng, endReason: 'hard_stop' as const, last: { ...context.last, reaction: 'cut_short' as const, reply: [...context.last.reply, line], clockNotes: [...context.last.clockNotes, 'hard_stop'] } };
    }),
  },
}).createMachine({
  id: 'contact',
  type: 'parallel',
  context: ({ input }) => {
    const warmth = input.scenario.persona.temperament.warmth;
    return {
      scenario: input.scenario,
      rng: seedState(input.seed),
      clock: 0,
      rapport: 20 + warmth * 8,
      patience: 100,
      covered: new Map(),
      detailed: new Set(),
      offTopic: 0,
      suggested: 0,
      jobAsks: 0,
      overtimeHints: 0,
      interruptionsDone: 0,
      turn: 0,
      last: outcome('opening', []),
    };
  },
  states: {
    phase: {
      initial: 'opening',
      states: {
        opening: {
          entry: 'open',
          on: {
            'meeting.hardStop': { target: 'ended.cutShort' },
            'user.left': { target: 'ended.cutShort', actions: 'userLeft' },
            // The first turn gets the same reactions and moves the meeting on.
            'user.said': [...DEFLECTIONS, ...ANSWERS.filter((t) => t.guard !== 'isRepeatTopic'), TIME_ACK, LEAVE_TO_ASK, SMALL_TALK, UNCLEAR, ACKNOWLEDGE].map((t) => ({ ...t, target: 'conversation' as const })),
          },
        },
        conversation: {
          always: { guard: 'outOfPatience', target: 'ended.cutShort' },
          on: {
            'meeting.hardStop': { target: 'ended.cutShort' },
            'user.left': { target: 'ended.cutShort', actions: 'userLeft' },
            'user.said': [
              ...DEFLECTIONS,
              { ...turn('isClosing', 'sayFarewell'), target: 'ended.graceful' },
              // The meeting moves to its wrap-up. "We're nearly at time, so one last question: what
              // would you do differently?" gets the answer its question would get; a bare signal,
              // "go ahead". One guard on every turn, the answers' guards only on a signal.
              {
                guard: 'isWrapUpSignal',
                target: 'wrapUp',
                actions: enqueueActions(({ enqueue, check }) => enqueue(ANSWERS.find((t) => check(t.guard))?.actions ?? 'acknowledgeWrapUp')),
              },
              ...ANSWERS,
              TIME_ACK,
              LEAVE_TO_ASK,
              SMALL_TALK,
              UNCLEAR,
              turn('isThanks', 'sayThanks'),
              ACKNOWLEDGE,
            ],
          },
        },
        wrapUp: {
          always: { guard: 'outOfPatience', target: 'ended.cutShort' },
          on: {
            'meeting.hardStop': { target: 'ended.cutShort' },
            'user.left': { target: 'ended.cutShort', actions: 'userLeft' },
            'user.said': [...DEFLECTIONS, { ...turn('isThanksInWrapUp', 'sayFarewell'), target: 'ended.graceful' }, ...ANSWERS, LEAVE_TO_ASK, SMALL_TALK, UNCLEAR, ACKNOWLEDGE],
          },
        },
        ended: {
          initial: 'graceful',
          entry: raise({ type: 'meeting.ended' }),
          states: {
            graceful: { type: 'final' },
            cutShort: { type: 'final', entry: 'sayCutShort' },
          },
        },
      },
    },
    clock: {
      initial: 'onTime',
      states: {
        onTime: {
          always: [
            { guard: 'meetingOver', target: 'stopped' },
            { guard: 'pastHardStop', target: 'hardStop' },
            { guard: 'pastEnd', target: 'overtime' },
            { guard: 'inLastMinutes', target: 'lastMinutes' },
          ],
        },
        lastMinutes: {
          entry: 'warnTime',
          always: [
            { guard: 'meetingOver', target: 'stopped' },
            { guard: 'pastHardStop', target: 'hardStop' },
            { guard: 'pastEnd', target: 'overtime' },
          ],
        },
        overtime: {
          entry: 'hintOvertime',
          on: { 'user.said': { actions: 'hintOvertime' } },
          always: [
            { guard: 'meetingOver', target: 'stopped' },
            { guard: 'pastHardStop', target: 'hardStop' },
          ],
        },
        // Final: the meeting ended because the contact had to leave.
        hardStop: {
          type: 'final',
          entry: ['sayHardStop', raise({ type: 'meeting.hardStop' })],
        },
        stopped: { type: 'final' },
      },
    },
  },
});

/** Mood words for the status bar, from rapport and patience. */
export type Mood = 'warm' | 'engaged' | 'neutral' | 'impatient' | 'cold';

/** The contact's mood, derived from rapport and patience (never stored). */
export function moodOf(ctx: Pick<ContactContext, 'rapport' | 'patience'>): Mood {
  if (ctx.patience < 25) return 'impatient';
  if (ctx.rapport < 25) return 'cold';
  if (ctx.rapport >= 70) return 'warm';
  if (ctx.rapport >= 50) return 'engaged';
  return 'neutral';
}
