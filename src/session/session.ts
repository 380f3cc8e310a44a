import { createContact, type Contact, type Exchange } from '../engine/contact.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { SaveProblem, TranscriptFile, type SaveTarget } from './save.js';
import { MAX_TRANSCRIPT_BYTES, MAX_TURN_CHARS, TRANSCRIPT_VERSION, type ContactTurn, type Transcript } from './transcript.js';

/** Options for a session. */
export interface SessionOptions {
  seed: number;
  participant?: string | null;
  /** Where to autosave after every turn (a file, or a folder for a fresh name); omit to keep it in memory. */
  save?: SaveTarget;
  /** Told when a save fails mid-meeting (the meeting goes on) and when saving works again. */
  onSaveProblem?: (message: string | undefined) => void;
  /** Start time to record (ISO); null for reproducible batch transcripts. */
  startedAt?: string | null;
  /** Largest transcript written (default MAX_TRANSCRIPT_BYTES, what `score` reads; tests lower it). */
  maxBytes?: number;
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

/** A line as the session takes it: at most MAX_TURN_CHARS characters (never splitting a character). */
export function capTurn(text: string): string {
  if (text.length <= MAX_TURN_CHARS) return text;
  let end = MAX_TURN_CHARS;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * More than the JSON of a user turn and its reply takes beyond their texts (counted three times for
 * the user's: the line, the cue words the explanation quotes, the open rewrite): keys and
 * indentation, numbers, the events, and the explanation's features (each at most 40 characters).
 */
const TURN_OVERHEAD = 8000;

/**
 * A meeting in progress, independent of any UI: feeds each line to the analyzer and the contact,
 * records the transcript and (if asked) autosaves it after every turn.
 */
export class Session {
  readonly contact: Contact;
  readonly transcript: Transcript;
  private readonly file: TranscriptFile | undefined;
  private readonly onSaveProblem: SessionOptions['onSaveProblem'];
  private readonly maxBytes: number;
  /** An upper bound on the transcript's size in bytes (UTF-8 is at most 3 bytes per UTF-16 unit). */
  private bound = 4096;
  private userTurns = 0;
  /** Why the last save failed, while it keeps failing. */
  saveProblem: string | undefined;
  /** True when the meeting was ended because its transcript reached MAX_TRANSCRIPT_BYTES. */
  full = false;

  /** Throws SaveProblem when the transcript cannot be saved where asked (checked before the meeting starts). */
  constructor(readonly loaded: LoadedScenario, options: SessionOptions) {
    this.contact = createContact(loaded.scenario, options.seed);
    this.file = options.save ? TranscriptFile.open(options.save, loaded.scenario.id, options.participant ?? null) : undefined;
    this.onSaveProblem = options.onSaveProblem;
    this.maxBytes = options.maxBytes ?? MAX_TRANSCRIPT_BYTES;
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
    if (this.file) {
      try {
        this.file.write(this.serialize());
      } catch (err) {
        throw new SaveProblem(`cannot save the transcript to ${this.file.path}: ${(err as Error).message}`);
      }
    }
  }

  /** The contact's opening exchange. */
  get opening(): Exchange {
    return this.contact.opening;
  }

  /** True once the meeting is over (no more lines are taken). */
  get ended(): boolean {
    return this.transcript.ended !== null;
  }

  /**
   * The user says a line (cut to MAX_TURN_CHARS); returns the contact's side, or undefined if the
   * meeting is over — including when this line would take the transcript past its size limit.
   */
  say(raw: string): Exchange | undefined {
    if (this.ended) return undefined;
    const text = capTurn(raw);
    // The line starts when the contact's last reply ended: the transcript always ends with one.
    const before = this.transcript.turns[this.transcript.turns.length - 1]!.clock;
    const x = this.contact.say(text);
    const ev = this.contact.lastEvent()!;
    const n = ++this.userTurns;
    const { form, intents } = ev.analysis;
    // The line itself is stored once, in `text`; the analysis keeps only what it decided. Its
    // explanation is worked out when the transcript is written (scoring in memory never reads it).
    const analysis = {
      form,
      intents,
      get why() {
        return ev.analysis.why;
      },
      // Only a closed question has one, and it is worked out when read (JSON leaves out undefined).
      get suggestion() {
        return ev.analysis.suggestion;
      },
    };
    const user = { speaker: 'user' as const, n, text, clock: before, analysis, match: ev.match ? { ...ev.match, score: Math.round(ev.match.score * 1000) / 1000 } : null };
    const reply = contactTurn(n, x);
    this.transcript.turns.push(user, reply);
    if (x.ended) this.transcript.ended = { reason: x.endReason ?? 'user', clock: x.clock };
    // A character of text takes at most 6 bytes in JSON (an escape); the keys, numbers, events,
    // explanation and indentation of a pair of turns stay under TURN_OVERHEAD. Measure exactly only
    // when a file is written or this bound comes near the limit (not once per turn of a batch).
    this.bound += 6 * (3 * text.length + reply.text.length + (user.match?.id.length ?? 0)) + TURN_OVERHEAD;
    const content = this.file || this.bound > this.maxBytes ? this.serialize() : undefined;
    if (content !== undefined && Buffer.byteLength(content) > this.maxBytes) {
      // Never write a transcript `score` would refuse: drop this turn and end the meeting here.
      this.transcript.turns.splice(-2, 2);
      this.userTurns--;
      this.full = true;
      this.transcript.ended = { reason: 'user', clock: before };
      this.save();
      return undefined;
    }
    this.save(content);
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
    return this.file?.path;
  }

  private serialize(): string {
    return `${JSON.stringify(this.transcript, null, 2)}\n`;
  }

  /** Autosave; a failure is reported once per streak and the meeting goes on. */
  private save(content?: string): void {
    if (!this.file) return;
    try {
      this.file.write(content ?? this.serialize());
      if (this.saveProblem !== undefined) {
        this.saveProblem = undefined;
        this.onSaveProblem?.(undefined);
      }
    } catch (err) {
      const first = this.saveProblem === undefined;
      this.saveProblem = `could not save the transcript to ${this.file.path}: ${(err as Error).message}`;
      if (first) this.onSaveProblem?.(this.saveProblem);
    }
  }
}
