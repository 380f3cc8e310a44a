import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { UiStore } from './store.js';

/** Keep the store's idea of the terminal size current (80×24 when unknown), resizes included. */
export function useTerminalSize(store: UiStore): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const read = () => store.resize(stdout.columns || 80, stdout.rows || 24);
    read();
    stdout.on('resize', read);
    return () => {
      stdout.off('resize', read);
    };
  }, [stdout, store]);
}
