/** Speaking pace used for the simulated clock (DESIGN.md: about 150 words a minute). */
export const WORDS_PER_MINUTE = 150;
/** Pause added after each speaker's turn, in seconds. */
export const PAUSE_SECONDS = 3;
/** Longest a single user turn can take: past five minutes the contact would have cut in. */
export const MAX_TURN_SECONDS = 300;

/** Seconds it takes to say `text` (`factor` times over) at the simulated pace, plus the pause after it. */
export function speakingSeconds(text: string, factor = 1): number {
  const words = wordCount(text);
  return Math.round((words / WORDS_PER_MINUTE) * 60 * factor) + PAUSE_SECONDS;
}

/** Words in a text: runs of non-space characters (what `text.trim().split(/\s+/)` counts, without the arrays). */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
/** The characters `\s` matches in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Format seconds as mm:ss. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
