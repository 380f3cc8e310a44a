import { assertEvent, assign, raise, setup } from 'xstate';
import type { Analysis } from '../nlu/index.js';
import type { Scenario, Variants } from '../scenario/schema.js';
import { MAX_TURN_SECONDS, speakingSeconds } from './clock.js';
import type { Match } from './matcher.js';
import { nextRandom, pick, seedState } from './rng.js';

/** How the contact reacted to a turn (one per turn; warnings and hints are added on top). */
export type Reaction =
  | 'opening'
  | 'answer_open'
  | 'answer_closed'
  | 'repeat'
  | 'bio_question'
  | 'job_ask'
  | 'resume_push'
  | 'referral_offer'
  | 'referral_vague'
  | 'unclear'
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
  /** Times each topic was answered. */
  covered: Record<string, number>;
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
/** Times a topic was answered. Own keys only: a topic may be called "constructor". */
const timesCovered = (ctx: ContactContext, id: string): number => (Object.hasOwn(ctx.covered, id) ? ctx.covered[id]! : 0);
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
  const lower = /[,:;—-]$/.test(p) && /^[A-Z][a-z]/.test(text) && !/^I\b/.test(text);
  return `${p} ${lower ? text.charAt(0).toLowerCase() + text.slice(1) : text}`;
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

/** A reaction to a user turn: count the turn, react, then advance the clock by what was said. */
function turn<G extends string, A extends string>(guard: G, action: A) {
  return { guard, actions: ['startTurn', action, 'advanceClock'] as ['startTurn', A, 'advanceClock'] };
}
/** Reactions that take priority in every phase: a job ask, a pushed resume, a referral ask. */
const DEFLECTIONS = [turn('isJobAsk', 'deflectJobAsk'), turn('isResumePush', 'deflectResume'), turn('isReferralAsk', 'answerReferral')] as const;
/** Answers to questions: the profile, a repeat, a topic asked open or closed. */
const ANSWERS = [turn('isProfileQuestion', 'pointToProfile'), turn('isRepeatTopic', 'answerAgain'), turn('isOpenTopic', 'answerOpen'), turn('isClosedTopic', 'answerClosed')] as const;
const TIME_ACK = turn('isTimeCheck', 'acknowledgeTime');
const UNCLEAR = turn('isQuestion', 'sayUnclear');
/** Anything else: a statement. */
const ACKNOWLEDGE = { actions: ['startTurn', 'acknowledge', 'advanceClock'] as ['startTurn', 'acknowledge', 'advanceClock'] };

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
      return a.intents.includes('follow_up') || a.intents.includes('time_check') || context.clock >= lastMinutesAt(context) || /\b(bye|goodbye|that is all|that's all|all my questions)\b/i.test(event.text);
    },
    isWrapUpSignal: ({ event }) => {
      assertEvent(event, 'user.said');
      return event.analysis.intents.includes('time_check') && WRAP_WORDS.test(event.text);
    },
    isThanksInWrapUp: ({ event }) => {
      assertEvent(event, 'user.said');
      return event.analysis.intents.includes('thanks') && !isQuestion(event.analysis);
    },
    isTimeCheck: ({ event }) => event.type === 'user.said' && event.analysis.intents.includes('time_check') && !isQuestion(event.analysis),
    isProfileQuestion: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'profile',
    isRepeatTopic: ({ context, event }) =>
      event.type === 'user.said' && isQuestion(event.analysis) && event.match?.kind === 'topic' && timesCovered(context, event.match.id) > 0,
    isOpenTopic: ({ event }) => event.type === 'user.said' && event.analysis.form === 'open' && event.match?.kind === 'topic',
    isClosedTopic: ({ event }) => event.type === 'user.said' && event.analysis.form === 'closed' && event.match?.kind === 'topic',
    isQuestion: ({ event }) => event.type === 'user.said' && isQuestion(event.analysis),
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
    startTurn: assign(({ context }) => ({ turn: context.turn + 1 })),
    deflectJobAsk: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.job_ask);
      return { rng, last: outcome('job_ask', [line]), jobAsks: context.jobAsks + 1, rapport: clamp(context.rapport - 25), patience: clamp(context.patience - 30 * busyFactor(context)) };
    }),
    deflectResume: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.resume_push);
      return { rng, last: outcome('resume_push', [line]), rapport: clamp(context.rapport - 10), patience: clamp(context.patience - 10 * busyFactor(context)) };
    }),
    answerReferral: assign(({ context }) => {
      const ref = context.scenario.reactions.referral;
      if (context.rapport >= ref.min_rapport) {
        const names = ref.names.map((n) => `${n.name}, ${n.role}${n.note ? ` (${n.note})` : ''}`).join(', and ');
        const [line, rng] = say(context, ref.offer, { names });
        return { rng, last: outcome('referral_offer', [line]), rapport: clamp(context.rapport + 2) };
      }
      const [line, rng] = say(context, ref.vague);
      return { rng, last: outcome('referral_vague', [line]) };
    }),
    sayFarewell: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.farewell.graceful);
      return { rng, last: outcome('farewell', [line]), endReason: 'graceful' as const, rapport: clamp(context.rapport + 5) };
    }),
    sayCutShort: assign(({ context }) => {
      // The hard stop already said goodbye.
      if (context.endReason === 'hard_stop') return {};
      const [line, rng] = say(context, context.scenario.reactions.farewell.cut_short);
      const prev = context.last.reaction === 'opening' ? [] : context.last.reply;
      return { rng, last: { ...context.last, reaction: 'cut_short' as const, reply: [...prev, line] }, endReason: context.endReason ?? ('patience' as const) };
    }),
    acknowledgeWrapUp: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.wrap_up ?? 'Sure, go ahead.');
      return { rng, last: outcome('wrap_up', [line]), rapport: clamp(context.rapport + 3) };
    }),
    acknowledgeTime: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.time_ack ?? 'Thanks for keeping an eye on the time.');
      return { rng, last: outcome('time_ack', [line]), rapport: clamp(context.rapport + 3) };
    }),
    pointToProfile: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      const fact = context.scenario.persona.profile[Number(event.match?.id)]?.fact ?? '';
      const [line, rng] = say(context, context.scenario.reactions.bio_question, { fact });
      return { rng, last: outcome('bio_question', [line]), rapport: clamp(context.rapport - 3), patience: clamp(context.patience - 8 * busyFactor(context)) };
    }),
    answerAgain: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = context.scenario.topics.find((t) => t.id === event.match?.id)!;
      let rng = context.rng;
      let line: string;
      if (topic.again) line = topic.again;
      else {
        const [prefix, r] = say(context, context.scenario.reactions.repeat);
        rng = r;
        line = joinPrefix(prefix, topic.short);
      }
      return { rng, last: outcome('repeat', [line], { topic: topic.id }), covered: { ...context.covered, [topic.id]: timesCovered(context, topic.id) + 1 }, patience: clamp(context.patience - 5 * busyFactor(context)) };
    }),
    answerOpen: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = context.scenario.topics.find((t) => t.id === event.match?.id)!;
      const thanks = event.analysis.intents.includes('thanks') ? say(context, context.scenario.reactions.thanks)[0] : '';
      return {
        last: outcome('answer_open', [thanks, topic.answer], { topic: topic.id }),
        covered: { ...context.covered, [topic.id]: timesCovered(context, topic.id) + 1 },
        rapport: clamp(context.rapport + 4),
      };
    }),
    answerClosed: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      const topic = context.scenario.topics.find((t) => t.id === event.match?.id)!;
      const [r, rng1] = nextRandom(context.rng);
      const nudged = r < NUDGE_CHANCE[context.scenario.difficulty];
      let rng = rng1;
      let nudge = '';
      if (nudged) [nudge, rng] = say({ ...context, rng }, context.scenario.reactions.closed_nudge);
      return {
        rng,
        last: outcome('answer_closed', [topic.short, nudge], { topic: topic.id, nudged }),
        covered: { ...context.covered, [topic.id]: timesCovered(context, topic.id) + 1 },
        rapport: clamp(context.rapport + 1),
      };
    }),
    sayUnclear: assign(({ context }) => {
      const [line, rng1] = say(context, context.scenario.reactions.unclear);
      // A coaching contact offers a question it can answer: the first topic not yet covered.
      const next = context.scenario.difficulty !== 'hard' ? context.scenario.topics.find((t) => timesCovered(context, t.id) === 0) : undefined;
      const [hint, rng] = next ? say({ ...context, rng: rng1 }, context.scenario.reactions.suggest, { question: next.examples[0]! }) : ['', rng1];
      return { rng, last: outcome('unclear', [line, hint]), patience: clamp(context.patience - 4 * busyFactor(context)) };
    }),
    sayThanks: assign(({ context }) => {
      const [line, rng] = say(context, context.scenario.reactions.thanks ?? 'Of course.');
      return { rng, last: outcome('thanks', [line]), rapport: clamp(context.rapport + 2) };
    }),
    acknowledge: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      // Introductions get a greeting; later statements a short comment.
      const greeting = context.turn <= 2 ? context.scenario.reactions.acknowledge : context.scenario.reactions.comment;
      const [line, rng] = say(context, greeting ?? 'I see. What would you like to ask?');
      const purpose = event.analysis.intents.includes('purpose') ? 5 : 0;
      return { rng, last: outcome('acknowledge', [line]), rapport: clamp(context.rapport + purpose) };
    }),
    userLeft: assign(({ context }) => ({ endReason: context.endReason ?? ('user' as const), last: outcome('cut_short', []) })),
    /** Advance the clock by both speakers' words, then any interruptions that time has reached. */
    advanceClock: assign(({ context, event }) => {
      assertEvent(event, 'user.said');
      // A full answer is written short to read; the contact says it at length (meeting.elaboration).
      const factor = context.last.reaction === 'answer_open' ? context.scenario.meeting.elaboration : 1;
      let clock = context.clock + Math.min(MAX_TURN_SECONDS, speakingSeconds(event.text)) + speakingSeconds(context.last.reply.join(' '), factor);
      let done = context.interruptionsDone;
      const events = [...context.last.events];
      const sorted = [...context.scenario.interruptions].sort((a, b) => a.at - b.at);
      while (done < sorted.length && sorted[done]!.at * 60 <= clock) {
        events.push(sorted[done]!.text);
        clock += sorted[done]!.cost * 60;
        done++;
      }
      return { clock, interruptionsDone: done, last: { ...context.last, events } };
    }),
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
      covered: {},
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
            'user.said': [...DEFLECTIONS, ...ANSWERS.filter((t) => t.guard !== 'isRepeatTopic'), TIME_ACK, UNCLEAR, ACKNOWLEDGE].map((t) => ({ ...t, target: 'conversation' as const })),
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
              { ...turn('isWrapUpSignal', 'acknowledgeWrapUp'), target: 'wrapUp' },
              ...ANSWERS,
              TIME_ACK,
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
            'user.said': [...DEFLECTIONS, { ...turn('isThanksInWrapUp', 'sayFarewell'), target: 'ended.graceful' }, ...ANSWERS, UNCLEAR, ACKNOWLEDGE],
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
