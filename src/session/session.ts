import { createContact, type Contact, type Exchange } from '../engine/contact.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { writeAtomic } from './save.js';
import { TRANSCRIPT_VERSION, type ContactTurn, type Transcript } from './transcript.js';

/** Options for a session. */
export interface SessionOptions {
  seed: number;
  participant?: string | null;
  /** Where to autosave after every turn; omit to keep the transcript in memory only. */
  savePath?: string;
  /** Start time to record (ISO); null for reproducible batch transcripts. */
  startedAt?: string | null;
}

function contactTurn(n: number, x: Exchange): ContactTurn {
  return {
    speaker: 'contact',
    n,
    text: x.reply.join(' '),
    clock: x.clock,
    reaction: x.reaction,
    ...(x.topic ? { topic: x.topic } : {}),
    ...(x.nudged !== undefined ? { nudged: x.nudged } : {}),
    events: x.events,
    clock_notes: x.clockNotes,
    phase: x.phase,
    clock_state: x.clockState,
    mood: x.mood,
    rapport: x.rapport,
    patience: Math.round(x.patience),
  };
}

/**
 * A meeting in progress, independent of any UI: feeds each line to the analyzer and the contact,
 * records the transcript and (if asked) autosaves it after every turn.
 */
export class Session {
  readonly contact: Contact;
  readonly transcript: Transcript;
  private readonly savePath: string | undefined;
  private userTurns = 0;

  constructor(readonly loaded: LoadedScenario, options: SessionOptions) {
    this.contact = createContact(loaded.scenario, options.seed);
    this.savePath = options.savePath;
    this.transcript = {
      format: 'coffeechat-transcript',
      version: TRANSCRIPT_VERSION,
      scenario: { id: loaded.scenario.id, title: loaded.scenario.title, hash: loaded.hash },
      seed: options.seed,
      participant: options.participant ?? null,
      started_at: options.startedAt === undefined ? new Date().toISOString() : options.startedAt,
      ended: null,
      turns: [contactTurn(0, this.contact.opening)],
    };
    this.save();
  }

  /** The contact's opening exchange. */
  get opening(): Exchange {
    return this.contact.opening;
  }

  /** True once the meeting is over (no more lines are taken). */
  get ended(): boolean {
    return this.transcript.ended !== null;
  }

  /** The user says a line; returns the contact's side, or undefined if the meeting is over. */
  say(text: string): Exchange | undefined {
    if (this.ended) return undefined;
    const before = this.contact.current().clock;
    const x = this.contact.say(text);
    const ev = this.contact.lastEvent()!;
    const n = ++this.userTurns;
    this.transcript.turns.push({
      speaker: 'user',
      n,
      text,
      clock: before,
      analysis: { ...ev.analysis },
      match: ev.match ? { ...ev.match, score: Math.round(ev.match.score * 1000) / 1000 } : null,
    });
    this.transcript.turns.push(contactTurn(n, x));
    if (x.ended) this.transcript.ended = { reason: x.endReason ?? 'user', clock: x.clock };
    this.save();
    return x;
  }

  /** The user leaves (`/end`, end of input, Ctrl-C). Safe to call more than once. */
  leave(): void {
    if (this.ended) return;
    const x = this.contact.leave();
    this.transcript.ended = { reason: x.endReason ?? 'user', clock: x.clock };
    this.save();
  }

  /** Where the transcript is saved, if anywhere. */
  get savedTo(): string | undefined {
    return this.savePath;
  }

  private save(): void {
    if (this.savePath) writeAtomic(this.savePath, `${JSON.stringify(this.transcript, null, 2)}\n`);
  }
}
