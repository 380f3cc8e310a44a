import { render } from 'ink';
import { printable } from '../io/terminal-text.js';
import type { LoadedScenario } from '../scenario/registry.js';
import { App } from './App.js';
import { UiStore, type UiOptions } from './store.js';

/**
 * Run the terminal UI until the user quits. Ctrl-C and SIGTERM end the meeting safely (the
 * transcript is complete on disk) and Ink restores the terminal on the way out.
 */
export async function runUi(scenarios: LoadedScenario[], options: UiOptions, selected?: LoadedScenario): Promise<number> {
  const store = new UiStore(scenarios, options, selected);
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
