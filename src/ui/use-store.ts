import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UiState, UiStore } from './store.js';

/** The UI store, provided once at the top of the tree. */
export const StoreContext = createContext<UiStore | null>(null);

/** The store's actions (stable; never causes a re-render by itself). */
export function useActions(): UiStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing');
  return store;
}

/** Read a slice of UI state; the component re-renders only when that slice changes. */
export function useStore<T>(selector: (s: UiState) => T): T {
  const store = useActions();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
