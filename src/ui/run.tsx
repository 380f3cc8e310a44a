import { render } from 'ink';
import { printable, printableDeep } from '../io/terminal-text.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { App } from './App.js';
import { UiStore, type UiOptions } from './store.js';

/**
 * Run the terminal UI until the user quits. Ctrl-C and SIGTERM end the meeting safely (the
 * transcript is complete on disk) and Ink restores the terminal on the way out.
 */
export async function runUi(scenarios: LoadedScenario[], options: UiOptions, selected?: LoadedScenario): Promise<number> {
  // Everything drawn from a scenario goes through the terminal sanitiser once, here: a user's
  // scenario must not be able to send escape sequences (window title, clipboard) to the terminal.
  const safe = new Map(scenarios.map((l) => [l, { ...l, scenario: printableDeep(l.scenario) }]));
  const store = new UiStore([...safe.values()], options, selected && (safe.get(selected) ?? { ...selected, scenario: printableDeep(selected.scenario) }));
  const app = render(<App store={store} />, { exitOnCtrlC: false });
  const stop = () => store.exit();
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
  const savedTo = store.getState().savedTo;
  if (savedTo && store.transcript()) process.stdout.write(`Transcript saved to ${printable(savedTo)}\n`);
  return 0;
}
