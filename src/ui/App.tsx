import { useApp } from 'ink';
import { useEffect } from 'react';
import { Briefing } from './Briefing.js';
import { pressKey } from './keymap.js';
import { Meeting } from './Meeting.js';
import { ReportCard } from './ReportCard.js';
import { ScenarioPicker } from './ScenarioPicker.js';
import type { UiStore } from './store.js';
import { StoreContext, useActions, useStore } from './use-store.js';
import { useKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

function Screens() {
  const store = useActions();
  const screen = useStore((s) => s.screen);
  const quit = useStore((s) => s.quit);
  const app = useApp();
  useTerminalSize(store);
  // One key handler for every screen, always listening: keys go to the store in order.
  useKeys(
    (key) => pressKey(store, key),
    () => store.holdNotifications(),
  );
  useEffect(() => {
    if (quit) app.exit();
  }, [quit, app]);
  switch (screen) {
    case 'picker':
      return <ScenarioPicker />;
    case 'briefing':
      return <Briefing />;
    case 'meeting':
      return <Meeting />;
    case 'report':
      return <ReportCard />;
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
