import { createActor, type SnapshotFrom } from 'xstate';
import { buildTopicIndex, understand, type Previous, type TopicIndex, type TopicTable } from '../nlu/index.js';
import type { Scenario } from '../scenario/schema.js';
import { canonicalOf, contactMachine, moodOf, type ContactContext, type Mood, type Outcome, type Reaction, type UserSaid } from './contact-machine.js';

/** The phase of the meeting, flattened for display and transcripts. */
export type Phase = 'opening' | 'conversation' | 'wrapUp' | 'ended';
/** Where the clock stands. */
export type ClockState = 'onTime' | 'lastMinutes' | 'overtime' | 'hardStop' | 'stopped';

/** What the contact did in reply to one line, and where the meeting stands after it. */
export interface Exchange extends Outcome {
  clock: number;
  rapport: number;
  patience: number;
  mood: Mood;
  phase: Phase;
  clockState: ClockState;
  ended: boolean;
  endReason?: ContactContext['endReason'];
}

type Snapshot = SnapshotFrom<typeof contactMachine>;

/** What a scenario can answer, in the language layer's terms. */
export function tableOf(scenario: Scenario): TopicTable {
  return {
    topics: scenario.topics.map((t) => ({ id: t.id, canonical: canonicalOf(t), examples: t.examples })),
    profile: scenario.persona.profile.map((p) => ({ examples: p.examples, facts: [p.fact, ...(p.says ? [p.says] : [])] })),
  };
}

/**
 * The `user.said` event for a line: understood once (analysis, match, follow-up on `previous`, a
 * new angle on a topic given the questions asked `earlier` on each topic).
 */
export function userSaid(index: TopicIndex, text: string, previous?: Previous, earlier?: ReadonlyMap<string, readonly string[]>): UserSaid {
  const u = understand(index, text, previous, undefined, earlier);
  return { type: 'user.said', text, analysis: u.analysis, match: u.match };
}

/** Reactions that answer a question on its topic: what a follow-up builds on. */
const ANSWERED: ReadonlySet<Reaction> = new Set(['answer_open', 'answer_closed', 'follow_up', 'hedged']);

export { canonicalOf };

/** Read the flattened meeting state out of a snapshot. */
export function exchangeOf(snap: Snapshot): Exchange {
  const ctx = snap.context;
  const value = snap.value as { phase: string | Record<string, string>; clock: string };
  const phase = (typeof value.phase === 'string' ? value.phase : Object.keys(value.phase)[0]) as Phase;
  return {
    ...ctx.last,
    clock: ctx.clock,
    rapport: ctx.rapport,
    patience: ctx.patience,
    mood: moodOf(ctx),
    phase,
    clockState: value.clock as ClockState,
    ended: snap.status === 'done' || phase === 'ended',
    ...(ctx.endReason ? { endReason: ctx.endReason } : {}),
  };
}

/** A running contact: the opening exchange, then one exchange per line the user says. */
export interface Contact {
  readonly scenario: Scenario;
  readonly index: TopicIndex;
  /** The opening line and state before the user speaks. */
  readonly opening: Exchange;
  /** The user says a line; it is understood once (analysis and match) and the contact replies. Lines after the end are ignored. */
  say(text: string): Exchange;
  /** The user leaves (`/end`, stdin closed, Ctrl-C). */
  leave(): Exchange;
  current(): Exchange;
  /** The `user.said` event of the last line (analysis and match), for transcripts. */
  lastEvent(): UserSaid | undefined;
}

const indexes = new WeakMap<Scenario, TopicIndex>();
/** The topic index of a scenario, built once per scenario object (batch scoring replays many scripts). */
export function indexFor(scenario: Scenario): TopicIndex {
  let index = indexes.get(scenario);
  if (!index) indexes.set(scenario, (index = buildTopicIndex(tableOf(scenario))));
  return index;
}

/** Start a contact for a scenario; same scenario, seed and lines give the same meeting. */
export function createContact(scenario: Scenario, seed: number, given?: TopicIndex): Contact {
  const actor = createActor(contactMachine, { input: { scenario, seed } });
  actor.start();
  let last: UserSaid | undefined;
  /** The questions asked so far on each topic (to tell a repeat from a new question on it). */
  const earlier = new Map<string, string[]>();
  const current = () => exchangeOf(actor.getSnapshot());
  const previous = (): Previous | undefined => {
    const l = actor.getSnapshot().context.last;
    return l.topic && ANSWERED.has(l.reaction) ? { topic: l.topic, answer: l.reply.join(' '), ...(last ? { question: last.text } : {}) } : undefined;
  };
  // Built on the first line said: a meeting that ends before anyone speaks loads no model.
  let index = given;
  return {
    scenario,
    get index() {
      return (index ??= indexFor(scenario));
    },
    opening: current(),
    say(text) {
      if (actor.getSnapshot().status === 'done') return current();
      last = userSaid((index ??= indexFor(scenario)), text, previous(), earlier);
      actor.send(last);
      const x = current();
      // A question counts as asked on its topic once answered, or answered again as a repeat.
      if (x.topic && (ANSWERED.has(x.reaction) || x.reaction === 'repeat')) earlier.set(x.topic, [...(earlier.get(x.topic) ?? []), text]);
      return x;
    },
    leave() {
      if (actor.getSnapshot().status !== 'done') actor.send({ type: 'user.left' });
      return current();
    },
    current,
    lastEvent: () => last,
  };
}
