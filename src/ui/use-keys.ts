import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { KeyDecoder, type Key } from './keys.js';

/**
 * Call `onKey` for every keypress, in order, however fast they arrive. Ink's `useInput` hands
 * over a burst of keys as one string and parses only its first key (Down Down moved one row,
 * Backspace inside typed text was lost), and it cannot tell Backspace from Delete; this reads
 * the same input events Ink's own hooks read and decodes every key itself (`keys.ts`).
 */
export function useKeys(onKey: (key: Key) => void, beforeBurst?: () => void): void {
  // Ink's own input hooks listen to this emitter; it is part of the stdin context's typed props.
  const { internal_eventEmitter: events, setRawMode, isRawModeSupported } = useStdin();
  const handler = useRef(onKey);
  handler.current = onKey;
  const before = useRef(beforeBurst);
  before.current = beforeBurst;
  useEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    return () => setRawMode(false);
  }, [isRawModeSupported, setRawMode]);
  useEffect(() => {
    const decoder = new KeyDecoder();
    const onInput = (data: string) => {
      before.current?.();
      for (const key of decoder.push(data)) handler.current(key);
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [events]);
}
