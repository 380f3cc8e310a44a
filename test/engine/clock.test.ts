import { describe, expect, it } from 'vitest';
import { formatClock, PAUSE_SECONDS, speakingSeconds, wordCount } from '../../src/engine/clock.js';

describe('the simulated clock', () => {
  it('counts words as runs of non-space characters, for every space character JavaScript knows', () => {
    // Every character of the Basic Multilingual Plane between two letters: one word or two.
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect(wordCount(text), `U+${c.toString(16)}`).toBe(text.trim().split(/\s+/).length);
    }
    expect(wordCount('')).toBe(0);
    expect(wordCount(' \t\n ')).toBe(0);
    expect(wordCount('  so   what do\u00a0you think  ')).toBe(5);
  });

  it('takes 150 words a minute plus a pause, and a factor for elaborated answers', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(speakingSeconds('')).toBe(PAUSE_SECONDS);
    expect(speakingSeconds(words(150))).toBe(60 + PAUSE_SECONDS);
    expect(speakingSeconds(words(75), 2)).toBe(60 + PAUSE_SECONDS);
    expect(formatClock(speakingSeconds(words(300)))).toBe('02:03');
  });
});
