import { render } from 'ink';
import type { LoadedScenario } from '../scenario/registry.js';
import { App } from './App.js';
import { UiStore, type Finished, type UiOptions } from './store.js';

/**
 * Ink's options for the real terminal: Ctrl-C is a key the UI handles. Not `incrementalRendering`:
 * in ink 6.8 it moves the cursor one row short when the frame does not fill the screen and
 * leaves stale rows behind (checked in tmux); what changes is kept small on the React side instead.
 */
export const INK_OPTIONS = { exitOnCtrlC: false } as const;

// xterm mouse reporting, SGR encoding: the wheel arrives as keys (clicks are ignored).
const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1000l\u001b[?1006l';

/**
 * Run the terminal UI until the user quits. Resolves to the exit status (130 after Ctrl-C, 143
 * after SIGTERM, 129 after SIGHUP) and the meetings finished, for the caller to print once Ink
 * has gone. Every way out ends the meeting safely (the transcript is complete on disk) and Ink
 * restores the terminal.
 */
export async function runUi(scenarios: LoadedScenario[], options: UiOptions, selected?: LoadedScenario): Promise<{ code: number; finished: Finished[] }> {
  const out = process.stdout;
  const store = new UiStore(scenarios, { ...options, columns: out.columns, rows: out.rows }, selected);
  // The wheel scrolls the meeting and the report; COFFEECHAT_MOUSE=0 leaves the mouse to the terminal.
  const mouseWanted = out.isTTY === true && process.env.COFFEECHAT_MOUSE !== '0';
  let mouse = false;
  const setMouse = (on: boolean) => {
    if (on === mouse || !mouseWanted) return;
    mouse = on;
    out.write(on ? MOUSE_ON : MOUSE_OFF);
  };
  const unsubscribe = store.subscribe(() => {
    const { screen, quit } = store.getState();
    setMouse(!quit && (screen === 'meeting' || screen === 'report'));
  });
  const restoreMouse = () => setMouse(false);
  process.on('exit', restoreMouse);
  const app = render(<App store={store} />, INK_OPTIONS);
  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  const handlers = signals.map(([sig, code]) => [sig, () => store.exit(code)] as const);
  for (const [sig, fn] of handlers) process.on(sig, fn);
  try {
    await app.waitUntilExit();
  } finally {
    for (const [sig, fn] of handlers) process.off(sig, fn);
    unsubscribe();
    restoreMouse();
    process.off('exit', restoreMouse);
  }
  const { exitCode, finished } = store.getState();
  return { code: exitCode, finished };
}
