import type { ClockState, Exchange } from '../engine/contact.js';
import type { Mood } from '../engine/contact-machine.js';
import { analyze, type Analysis } from '../nlu/index.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { commandHelpLines, parseLine, unknownCommandText } from '../session/commands.js';
import { notesOf, type MeetingNotes } from '../session/notes.js';
import { printable, printableDeep } from '../io/terminal-text.js';
import { SaveProblem, sessionsDir } from '../session/save.js';
import { Session } from '../session/session.js';
import { score, type Score } from '../scoring/rubric.js';
import { EMPTY_LINE, editLine, type LineState } from './line-editor.js';
import type { Key } from './keys.js';
import { matchScenarios } from './picker.js';

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

/** A finished meeting: what the report card shows and what is printed on the way out. */
export interface Finished {
  score: Score;
  savedTo: string | undefined;
}

/** Everything the UI draws. Components read it through selectors; only the store changes it. */
export interface UiState {
  screen: Screen;
  scenarios: LoadedScenario[];
  selected: LoadedScenario | undefined;
  /** Whether the picker was shown (so Esc on the briefing can go back to it). */
  picked: boolean;
  /** First briefing row in view (when it is taller than the terminal). */
  briefingTop: number;
  /** The terminal's size; every screen fits in it. */
  columns: number;
  rows: number;
  /** Picker: the filter typed so far and the highlighted row among the matches. */
  filter: string;
  pickIndex: number;
  lines: Line[];
  typing: boolean;
  hints: boolean;
  clock: number;
  clockState: ClockState;
  mood: Mood;
  ended: boolean;
  /** The input line, kept while the contact is typing. */
  draft: LineState;
  /** Enter was pressed while the contact was typing: the line is said as soon as they finish. */
  queued: boolean;
  /** Esc on an empty line asks "End the meeting? (y/n)". */
  confirmEnd: boolean;
  /** What the main pane shows: the conversation, or the notes (`/notes`). */
  panel: 'conversation' | 'notes';
  /** Conversation rows hidden below the view (0: the latest line is in view). */
  scroll: number;
  /** First notes row in view. */
  notesTop: number;
  /** What the contact has said by topic, and the names offered (pinned once given). */
  notes: MeetingNotes;
  score: Score | undefined;
  savedTo: string | undefined;
  /** First row of the report's turn notes in view. */
  reportTop: number;
  /** Every meeting finished in this run, oldest first. */
  finished: Finished[];
  quit: boolean;
  /** Exit status once quit: 0, or 130 after Ctrl-C (128 + SIGINT, as shells report it). */
  exitCode: number;
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
  /** The terminal's size at start (80×24 when unknown). */
  columns?: number;
  rows?: number;
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

/** The keys of the meeting, for /help (the commands come from the shared definition). */
export const MEETING_KEYS =
  'Keys: Esc clears the line (on an empty line, ends the meeting) · PgUp/PgDn or the wheel scroll · Tab coach hints · Ctrl-C ends safely and quits';

const NO_NOTES: MeetingNotes = { topics: [], referrals: [] };

/**
 * The UI's state and its actions. Framework-free: React subscribes with useSyncExternalStore,
 * keys arrive through `keymap.ts`, and tests can drive it directly. Every action reads the
 * current state, so a burst of keys handled in one go behaves like the same keys typed slowly.
 */
/** The meeting screen's state before the first line: a new meeting starts from this. */
const FRESH_MEETING = {
  ended: false,
  draft: EMPTY_LINE,
  queued: false,
  confirmEnd: false,
  panel: 'conversation',
  scroll: 0,
  notesTop: 0,
  notes: NO_NOTES,
  score: undefined,
  reportTop: 0,
} as const satisfies Partial<UiState>;

export class UiStore {
  private state: UiState;
  private readonly listeners = new Set<() => void>();
  private session: Session | undefined;
  private meetings = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(scenarios: LoadedScenario[], private readonly options: UiOptions, chosen?: LoadedScenario) {
    // Everything drawn from a scenario goes through the terminal sanitiser once, here: a scenario
    // must not be able to send escape sequences (window title, clipboard) to the terminal.
    const safe = new Map(scenarios.map((l) => [l, { ...l, scenario: printableDeep(l.scenario) }]));
    const selected = chosen && (safe.get(chosen) ?? { ...chosen, scenario: printableDeep(chosen.scenario) });
    this.state = {
      screen: selected ? 'briefing' : 'picker',
      scenarios: [...safe.values()],
      selected,
      picked: !selected,
      briefingTop: 0,
      columns: options.columns || 80,
      rows: options.rows || 24,
      filter: '',
      pickIndex: 0,
      lines: [],
      typing: false,
      hints: false,
      clock: 0,
      clockState: 'onTime',
      mood: 'neutral',
      ...FRESH_MEETING,
      savedTo: undefined,
      finished: [],
      quit: false,
      exitCode: 0,
    };
  }

  getState = (): UiState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    if (this.holding) this.dirty = true;
    else this.notify();
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }

  private holding = false;
  private dirty = false;

  /**
   * Hold change notifications until the current task's microtasks run: the state changes at once
   * for every key of a burst, and the screen is drawn once for all of them.
   */
  holdNotifications(): void {
    if (this.holding) return;
    this.holding = true;
    queueMicrotask(() => {
      this.holding = false;
      if (this.dirty) {
        this.dirty = false;
        this.notify();
      }
    });
  }

  /** The terminal was resized. */
  resize(columns: number, rows: number): void {
    if (columns !== this.state.columns || rows !== this.state.rows) this.set({ columns, rows });
  }

  // ── picker ────────────────────────────────────────────────────────────────────────────────

  /** The scenarios the picker's filter matches, in list order. */
  shown(): LoadedScenario[] {
    return matchScenarios(this.state.scenarios, this.state.filter);
  }

  /** Change the picker's filter; the highlight goes to the first match. */
  setFilter(filter: string): void {
    if (filter !== this.state.filter) this.set({ filter, pickIndex: 0 });
  }

  /** Move the picker's highlight by `delta` rows, stopping at either end. */
  movePick(delta: number): void {
    const n = this.shown().length;
    const pickIndex = Math.max(0, Math.min(n - 1, this.state.pickIndex + delta));
    if (pickIndex !== this.state.pickIndex) this.set({ pickIndex });
  }

  /** Choose the highlighted scenario and show its briefing. */
  choose(): void {
    const loaded = this.shown()[this.state.pickIndex];
    if (loaded) this.pick(loaded);
  }

  /** Choose a scenario in the picker and show its briefing. */
  pick(loaded: LoadedScenario): void {
    this.set({ selected: loaded, screen: 'briefing', briefingTop: 0 });
  }

  /** Scroll the briefing to this first row. */
  scrollBriefing(briefingTop: number): void {
    if (briefingTop !== this.state.briefingTop) this.set({ briefingTop });
  }

  /** Back from the briefing to the picker (when there was one). */
  back(): void {
    if (this.state.picked && this.state.screen === 'briefing') this.set({ screen: 'picker' });
  }

  // ── meeting ───────────────────────────────────────────────────────────────────────────────

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
      onSaveProblem: (problem: string | undefined) => this.system(printable(problem ? `${problem}; the meeting goes on` : 'The transcript is saved again.')),
    };
    try {
      this.session = new Session(loaded, { ...options, save });
    } catch (err) {
      if (!(err instanceof SaveProblem)) throw err;
      this.session = new Session(loaded, options);
      warnings.push({ who: 'system', text: printable(`${err.message}; this meeting is not saved`) });
    }
    const savePath = this.session.savedTo;
    this.meetings++;
    const o = this.session.opening;
    this.set({
      screen: 'meeting',
      lines: [...warnings, ...this.contactLines(o)],
      typing: false,
      clock: o.clock,
      clockState: o.clockState,
      mood: o.mood,
      ...FRESH_MEETING,
      savedTo: savePath,
    });
  }

  private contactLines(x: Exchange): Line[] {
    const out: Line[] = x.events.map((e) => ({ who: 'event' as const, text: e }));
    const reply = x.reply.join(' ');
    if (reply) out.push({ who: 'contact', text: reply, clock: x.clock });
    return out;
  }

  /** Apply an editing key to the input line; false when the key is not an editing key. */
  edit(key: Key): boolean {
    const draft = editLine(this.state.draft, key);
    if (!draft) return false;
    if (draft !== this.state.draft) this.set({ draft });
    return true;
  }

  /** Empty the input line (Esc). */
  clearDraft(): void {
    this.set({ draft: { ...EMPTY_LINE, killed: this.state.draft.killed }, queued: false });
  }

  /**
   * Enter: say the input line, or, while the contact is still typing, say it as soon as they
   * finish (a /command runs at once).
   */
  submit(): void {
    const parsed = parseLine(this.state.draft.text);
    if (parsed.kind === 'empty') return;
    if (this.state.typing && parsed.kind === 'say') {
      this.set({ queued: true });
      return;
    }
    const text = this.state.draft.text;
    this.set({ draft: { ...EMPTY_LINE, killed: this.state.draft.killed }, queued: false });
    this.say(text);
  }

  private system(...texts: string[]): void {
    this.set({ lines: [...this.state.lines, ...texts.map((text) => ({ who: 'system' as const, text }))], scroll: 0, panel: 'conversation' });
  }

  /** The user says a line (or a /command). The reply appears after the typing delay. */
  say(raw: string): void {
    if (!this.session || this.state.screen !== 'meeting') return;
    const parsed = parseLine(raw);
    switch (parsed.kind) {
      case 'empty':
        return;
      case 'unknown':
        return this.system(unknownCommandText(parsed.word));
      case 'command':
        if (parsed.name === 'end') return this.end();
        if (parsed.name === 'help') return this.system(...commandHelpLines(), MEETING_KEYS);
        return this.toggleNotes();
    }
    if (this.state.ended || this.state.typing) return;
    // Control characters carry nothing a contact could hear, and would reach the terminal again.
    const text = printable(parsed.text).replace(/\ufffd/g, '').trim();
    if (!text) return;
    const x = this.session.say(text);
    const said = this.session.contact.lastEvent();
    const hint = said ? hintOf(said.analysis) : undefined;
    const userLine: Line = { who: 'user', text, clock: this.state.clock, ...(hint ? { hint } : {}) };
    this.set({ lines: [...this.state.lines, userLine], typing: true, scroll: 0, panel: 'conversation' });
    const reveal = () => {
      this.timer = undefined;
      if (this.state.screen !== 'meeting') return;
      if (!x) {
        // The transcript reached its size limit: the session ended the meeting before this line.
        this.set({ lines: [...this.state.lines, { who: 'system', text: 'The transcript reached its size limit; the meeting is over. Press Enter for your report.' }], typing: false, ended: true });
        return;
      }
      const lines = [...this.state.lines, ...this.contactLines(x)];
      if (x.ended) lines.push({ who: 'system', text: 'The meeting is over. Press Enter for your report.' });
      const notes = this.session ? notesOf(this.session.transcript, this.session.loaded.scenario) : this.state.notes;
      // A new reply brings the view back to the latest line.
      this.set({ lines, typing: false, clock: x.clock, clockState: x.clockState, mood: x.mood, ended: x.ended, notes, scroll: 0, panel: 'conversation' });
      if (this.state.queued) {
        this.set({ queued: false });
        if (!x.ended) this.submit();
      }
    };
    if (this.options.typingMs > 0) this.timer = setTimeout(reveal, this.options.typingMs);
    else reveal();
  }

  /** Show or hide the notes (`/notes`). */
  toggleNotes(): void {
    if (this.state.panel === 'notes') this.set({ panel: 'conversation' });
    else if (this.session) this.set({ panel: 'notes', notesTop: 0, notes: notesOf(this.session.transcript, this.session.loaded.scenario) });
  }

  /** Scroll the conversation: `scroll` rows hidden below the view (0 shows the latest line). */
  scrollConversation(scroll: number): void {
    if (scroll !== this.state.scroll) this.set({ scroll });
  }

  /** Scroll the notes to this first row. */
  scrollNotes(notesTop: number): void {
    if (notesTop !== this.state.notesTop) this.set({ notesTop });
  }

  /** Esc on an empty line: ask before ending the meeting. */
  askEnd(): void {
    this.set({ confirmEnd: true });
  }

  /** Answer "End the meeting?" with no. */
  cancelEnd(): void {
    this.set({ confirmEnd: false });
  }

  /** End the meeting (the user's choice, Ctrl-C) and show the report. Safe to call twice. */
  end(): void {
    if (!this.session || this.state.screen !== 'meeting') return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.session.leave();
    const s = score(this.session.transcript, this.session.loaded.scenario);
    this.set({
      screen: 'report',
      typing: false,
      ended: true,
      confirmEnd: false,
      queued: false,
      score: s,
      reportTop: 0,
      finished: [...this.state.finished, { score: s, savedTo: this.state.savedTo }],
    });
  }

  /** Toggle live coach hints. */
  toggleHints(): void {
    this.set({ hints: !this.state.hints });
  }

  // ── report ────────────────────────────────────────────────────────────────────────────────

  /** Scroll the report's turn notes to this row. */
  scrollReport(reportTop: number): void {
    if (reportTop !== this.state.reportTop) this.set({ reportTop });
  }

  /** Play the same scenario again from its briefing. */
  again(): void {
    this.set({ screen: 'briefing', lines: [], briefingTop: 0 });
  }

  /** Leave the program (q, Ctrl-C): ends any meeting first so the transcript is complete. */
  exit(code = 0): void {
    if (this.state.screen === 'meeting') this.end();
    this.set({ quit: true, exitCode: this.state.quit ? this.state.exitCode : code });
  }

  /** The recorded transcript of the current meeting (for the report's timeline). */
  transcript() {
    return this.session?.transcript;
  }
}
