import { cleanup, render } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters as strip } from 'node:util';
import { afterEach } from 'vitest';
import { loadCatalog, type LoadedScenario } from '../../src/scenario/registry.js';
import { App } from '../../src/ui/App.js';
import { UiStore } from '../../src/ui/store.js';

const catalog = loadCatalog();
export const engineer = catalog.scenarios.find((s) => s.scenario.id === 'startup-engineer')!;
/** Every shipped scenario, the default first, as `play` hands them to the picker. */
export const scenarios = [engineer, ...catalog.scenarios.filter((s) => s !== engineer)];
export const ENTER = '\r';
export const ESC = '\u001b';
export const CTRL_C = '\u0003';
export const PAGE_UP = '\u001b[5~';
export const PAGE_DOWN = '\u001b[6~';
export const LEFT = '\u001b[D';
export const RIGHT = '\u001b[C';
export const UP = '\u001b[A';
export const DOWN = '\u001b[B';

afterEach(() => cleanup());

/**
 * Let the event loop run until pending input is handled and drawn: Ink hands a lone Esc over on
 * setImmediate, and the store draws once per burst on a microtask. Not a timed sleep.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
}

/** Options for a UI under test. */
export interface Setup {
  /** The scenario to open on its briefing; null shows the picker. */
  selected?: LoadedScenario | null;
  columns?: number;
  rows?: number;
  typingMs?: number;
  /** Largest transcript before the meeting ends. */
  maxTranscriptBytes?: number;
}

/** Render the whole UI at a terminal size (default 100×24) with a temporary save path. */
export async function setup(opts: Setup = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-ui-'));
  const savePath = join(dir, 'meeting.json');
  const selected = opts.selected === null ? undefined : (opts.selected ?? engineer);
  const store = new UiStore(scenarios, { seed: 1, participant: 'Sam', savePath, typingMs: opts.typingMs ?? 0, ...(opts.maxTranscriptBytes ? { maxTranscriptBytes: opts.maxTranscriptBytes } : {}) }, selected);
  const ui = render(<App store={store} />);
  // ink-testing-library's terminal is 100 columns and has no rows; size it as a real one would be.
  Object.defineProperty(ui.stdout, 'columns', { value: opts.columns ?? 100, configurable: true });
  Object.defineProperty(ui.stdout, 'rows', { value: opts.rows ?? 24, configurable: true });
  ui.stdout.emit('resize');
  await settle();
  const frame = () => strip(ui.lastFrame() ?? '');
  const lines = () => frame().split('\n');
  const press = async (input: string) => {
    ui.stdin.write(input);
    await settle();
  };
  /** Type a line, then Enter, as two reads (as a person types). */
  const say = async (text: string) => {
    await press(text);
    await press(ENTER);
  };
  return { store, ui, frame, lines, press, say, savePath };
}
