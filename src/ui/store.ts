import type { ClockState, Exchange } from '../engine/contact.js';
import type { Mood } from '../engine/contact-machine.js';
import { analyze, type Analysis } from '../nlu/index.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { printable, printableDeep } from '../io/terminal-text.js';
import { SaveProblem, sessionsDir } from '../session/save.js';
import { Session } from '../session/session.js';
import { score, type Score } from '../scoring/rubric.js';

/** The UI's screens, in the order a meeting goes through them. */
export type Screen = 'picker' | 'briefing' | 'meeting' | 'report';

/** One line of the conversation view. */
export interface Line {
  who: 'contact' | 'user' | 'event' | 'system';
  text: string;
  clock?: number;
  /** Coach hint for a user line (shown when hints are on). */
  hint?: string;
}

/** Everything the UI draws. Components read it through selectors; only the store changes it. */
export interface UiState {
  screen: Screen;
  scenarios: LoadedScenario[];
  selected: LoadedScenario | undefined;
  /** Whether the picker was shown (so Esc on the briefing can go back to it). */
  picked: boolean;
  lines: Line[];
  typing: boolean;
  hints: boolean;
  clock: number;
  clockState: ClockState;
  mood: Mood;
  ended: boolean;
  score: Score | undefined;
  savedTo: string | undefined;
  quit: boolean;
}

/** Options fixed for the whole UI run. */
export interface UiOptions {
  /** Seed for the first meeting; later meetings ("play again") use seed + n. */
  seed: number;
  participant: string | null;
  /** Save path for the first meeting; later ones get a fresh default path. */
  savePath?: string;
  /** Delay before a reply appears, to show "typing…" (0 in tests). */
  typingMs: number;
  /** Largest transcript (default: what `score` reads; tests lower it). */
  maxTranscriptBytes?: number;
}

/** A coach hint for a line, or undefined when it is fine. */
export function hintFor(text: string): string | undefined {
  return hintOf(analyze(text));
}

/** A coach hint from a line's analysis (the session has already analysed what was said). */
export function hintOf(a: Analysis): string | undefined {
  if (a.intents.includes('job_ask')) return 'job ask — ask for advice instead';
  if (a.intents.includes('resume_push')) return 'resume push — keep it for later';
  if (a.form === 'closed' && !a.intents.includes('referral_ask') && !a.intents.includes('time_check')) {
    return a.suggestion ? `closed question — try: ${a.suggestion}` : 'closed question — try starting with what, how or why';
  }
  return undefined;
}

/**
 * The UI's state and its actions. Framework-free: React subscribes with useSyncExternalStore, and
 * tests can drive it directly.
 */
export class UiStore {
  private state: UiState;
  private readonly listeners = new Set<() => void>();
  private session: Session | undefined;
  private meetings = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(scenarios: LoadedScenario[], private readonly options: UiOptions, selected?: LoadedScenario) {
    // Everything drawn from a scenario goes through the terminal sanitiser once, here: a scenario
    // must not be able to send escape sequences (window title, clipboard) to the terminal.
    const safe = new Map(scenarios.map((l) => [l, { ...l, scenario: printableDeep(l.scenario) }]));
    const shown = selected && (safe.get(selected) ?? { ...selected, scenario: printableDeep(selected.scenario) });
    this.state = {
      screen: shown ? 'briefing' : 'picker',
      scenarios: [...safe.values()],
      selected: shown,
      picked: !shown,
      lines: [],
      typing: false,
      hints: false,
      clock: 0,
      clockState: 'onTime',
      mood: 'neutral',
      ended: false,
      score: undefined,
      savedTo: undefined,
      quit: false,
    };
  }

  getState = (): UiState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Choose a scenario in the picker and show its briefing. */
  pick(loaded: LoadedScenario): void {
    this.set({ selected: loaded, screen: 'briefing' });
  }

  /** Back from the briefing to the picker (when there was one). */
  back(): void {
    if (this.state.picked && this.state.screen === 'briefing') this.set({ screen: 'picker' });
  }

  /** Start the meeting for the selected scenario. */
  start(): void {
    const loaded = this.state.selected;
    if (!loaded) return;
    const first = this.meetings === 0;
    const save = first && this.options.savePath ? { file: this.options.savePath } : { folder: sessionsDir() };
    const warnings: Line[] = [];
    const options = {
      seed: this.options.seed + this.meetings,
      participant: this.options.participant,
      ...(this.options.maxTranscriptBytes ? { maxBytes: this.options.maxTranscriptBytes } : {}),
      // A failed save mid-meeting is shown, and the meeting goes on.
      onSaveProblem: (problem: string | undefined) => this.set({ lines: [...this.state.lines, { who: 'system', text: printable(problem ? `${problem}; the meeting goes on` : 'The transcript is saved again.') }] }),
    };
    try {
      this.session = new Session(loaded, { ...options, save });
    } catch (err) {
      if (!(err instanceof SaveProblem)) throw err;
      this.session = new Session(loaded, options);
      warnings.push({ who: 'system', text: printable(`${err.message}; this meeting is not saved`) });
    }
    const savePath = this.session.savedTo && printable(this.session.savedTo);
    this.meetings++;
    const o = this.session.opening;
    this.set({
      screen: 'meeting',
      lines: [...warnings, ...this.contactLines(o)],
      typing: false,
      clock: o.clock,
      clockState: o.clockState,
      mood: o.mood,
      ended: false,
      score: undefined,
      savedTo: savePath,
    });
  }

  private contactLines(x: Exchange): Line[] {
    const out: Line[] = x.events.map((e) => ({ who: 'event' as const, text: e }));
    const reply = x.reply.join(' ');
    if (reply) out.push({ who: 'contact', text: reply, clock: x.clock });
    return out;
  }

  /** The user says a line (or a /command). The reply appears after the typing delay. */
  say(raw: string): void {
    // Control characters carry nothing a contact could hear, and would reach the terminal again.
    const text = printable(raw).replace(/\ufffd/g, '').trim();
    if (!text || !this.session || this.state.screen !== 'meeting' || this.state.typing) return;
    const cmd = text.toLowerCase();
    if (cmd === '/end' || cmd === '/quit') return this.end();
    if (cmd === '/help') {
      this.set({ lines: [...this.state.lines, { who: 'system', text: 'Commands: /end ends the meeting and shows your report · /help this list · Tab toggles coach hints · Esc or Ctrl-C ends safely' }] });
      return;
    }
    if (this.state.ended) return;
    const x = this.session.say(text);
    const said = this.session.contact.lastEvent();
    const hint = said ? hintOf(said.analysis) : undefined;
    const userLine: Line = { who: 'user', text, clock: this.state.clock, ...(hint ? { hint } : {}) };
    this.set({ lines: [...this.state.lines, userLine], typing: true });
    const reveal = () => {
      this.timer = undefined;
      if (!x) {
        // The transcript reached its size limit: the session ended the meeting before this line.
        this.set({ lines: [...this.state.lines, { who: 'system', text: 'The transcript reached its size limit; the meeting is over. Press Enter for your report.' }], typing: false, ended: true });
        return;
      }
      const lines = [...this.state.lines, ...this.contactLines(x)];
      if (x.ended) lines.push({ who: 'system', text: 'The meeting is over. Press Enter for your report.' });
      this.set({ lines, typing: false, clock: x.clock, clockState: x.clockState, mood: x.mood, ended: x.ended });
    };
    if (this.options.typingMs > 0) this.timer = setTimeout(reveal, this.options.typingMs);
    else reveal();
  }

  /** End the meeting (the user's choice, Esc, Ctrl-C) and show the report. Safe to call twice. */
  end(): void {
    if (!this.session || this.state.screen !== 'meeting') return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.session.leave();
    this.set({ screen: 'report', typing: false, ended: true, score: score(this.session.transcript, this.session.loaded.scenario) });
  }

  /** Toggle live coach hints. */
  toggleHints(): void {
    this.set({ hints: !this.state.hints });
  }

  /** Play the same scenario again from its briefing. */
  again(): void {
    this.set({ screen: 'briefing', lines: [] });
  }

  /** Leave the program: ends any meeting first so the transcript is complete. */
  exit(): void {
    if (this.state.screen === 'meeting') this.end();
    this.set({ quit: true });
  }

  /** The recorded transcript of the current meeting (for the report's timeline). */
  transcript() {
    return this.session?.transcript;
  }
}
