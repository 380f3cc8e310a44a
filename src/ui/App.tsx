import { useApp, useInput } from 'ink';
import { useEffect } from 'react';
import { Briefing } from './Briefing.js';
import { Meeting } from './Meeting.js';
import { ReportCard } from './ReportCard.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import type { UiStore } from './store.js';
import { StoreContext, useActions, useStore } from './use-store.js';
import { useTerminalSize } from './use-terminal-size.js';

function Screens() {
  const screen = useStore((s) => s.screen);
  const quit = useStore((s) => s.quit);
  const actions = useActions();
  const app = useApp();
  const { columns, rows } = useTerminalSize();
  useInput((input, key) => {
    // Ctrl-C anywhere: end the meeting safely (transcript saved), then leave.
    if (key.ctrl && input === 'c') actions.exit();
  });
  useEffect(() => {
    if (quit) app.exit();
  }, [quit, app]);
  switch (screen) {
    case 'picker':
      return <ScenarioPicker columns={columns} rows={rows} />;
    case 'briefing':
      return <Briefing />;
    case 'meeting':
      return <Meeting columns={columns} rows={rows - 1} />;
    case 'report':
      return <ReportCard columns={columns} rows={rows} />;
  }
}

/** The whole terminal UI: picker → briefing → meeting → report card. */
export function App({ store }: { store: UiStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Screens />
    </StoreContext.Provider>
  );
}
