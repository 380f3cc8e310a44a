/** Speaking pace used for the simulated clock (DESIGN.md: about 150 words a minute). */
export const WORDS_PER_MINUTE = 150;
/** Pause added after each speaker's turn, in seconds. */
export const PAUSE_SECONDS = 3;
/** Longest a single user turn can take: past five minutes the contact would have cut in. */
export const MAX_TURN_SECONDS = 300;

/** Seconds it takes to say `text` (`factor` times over) at the simulated pace, plus the pause after it. */
export function speakingSeconds(text: string, factor = 1): number {
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  return Math.round((words / WORDS_PER_MINUTE) * 60 * factor) + PAUSE_SECONDS;
}

/** Format seconds as mm:ss. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
