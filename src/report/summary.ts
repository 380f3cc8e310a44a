import { formatClock } from '../engine/clock.js';
import type { Outcome, Score } from '../scoring/rubric.js';

// One-line summaries of a score, apart from the full report (text.ts): `score` prints these for
// every file and needs no text wrapping, so it does not load the wrapping code and the Unicode
// width tables behind it (about 25 ms at start-up).

const OUTCOME_TEXT: Record<Outcome, string> = {
  graceful: 'ended gracefully',
  cut_short: 'was cut short by the contact',
  hard_stop: 'ended when the contact had to leave',
  left: 'ended when you left',
  unfinished: 'did not finish',
};

/** How the meeting went: "the meeting ended gracefully at 18:40 of 20:00". */
export function outcomeText(s: Score): string {
  return `the meeting ${OUTCOME_TEXT[s.outcome]} at ${formatClock(s.duration)} of ${formatClock(s.agreedMinutes * 60)}`;
}

/** One line summing up the meeting: "72/100 — the meeting ended gracefully at 18:40 of 20:00". */
export function summaryLine(s: Score): string {
  return `${s.total}/100 — ${outcomeText(s)}`;
}
