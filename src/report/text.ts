import { formatClock } from '../engine/clock.js';
import { outcomeText } from './summary.js';
import { printable } from '../io/terminal-text.js';
import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL, type Score } from '../scoring/rubric.js';
import type { MeetingNotes } from '../session/notes.js';
import { wrapBlock, wrapText } from './wrap.js';

/** Styles text for a terminal (or leaves it alone). */
export type Paint = (style: 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', text: string) => string;
/** A painter that adds no styling. */
export const plain: Paint = (_s, t) => t;

/** A bar of `width` cells for score/max, with a fill character and a track. */
export function bar(score: number, max: number, width = 20): string {
  const filled = max > 0 ? Math.round((score / max) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/**
 * The full report for a terminal: total, a bar per dimension, advice, and per-turn notes. With a
 * `width`, long lines wrap at spaces with their continuation rows under the text.
 */
export function renderReport(s: Score, paint: Paint = plain, savedTo?: string, width?: number): string {
  const out: string[] = [];
  const colour = (score: number, max: number) => (score >= max * 0.8 ? 'green' : score >= max * 0.5 ? 'yellow' : 'red');
  out.push(`${paint('bold', 'Score:')} ${paint('bold', `${s.total}/100`)} — ${outcomeText(s)}`);
  if (s.cap) out.push(width ? wrapText(s.cap.note, width, { first: '  ' }).join('\n') : `  ${s.cap.note}`);
  out.push('');
  for (const d of DIMENSIONS) {
    const x = s.dimensions[d];
    out.push(`  ${DIMENSION_LABEL[d].padEnd(17)}${paint(colour(x.score, x.max), bar(x.score, x.max))}  ${String(x.score).padStart(2)}/${x.max}`);
  }
  out.push('', paint('bold', 'What to work on'));
  // With a width, advice hangs under its text rather than under the dimension's name.
  const hang = (first: string, text: string) => (width ? wrapText(text, width, { first }).join('\n') : first + text);
  for (const d of DIMENSIONS) out.push(hang(`  ${paint('cyan', DIMENSION_LABEL[d])}: `, s.dimensions[d].advice));
  if (s.notes.length) {
    out.push('', paint('bold', 'Turn notes'));
    for (const n of s.notes) {
      const text = printable(n.text);
      out.push(`  #${n.turn} ${paint('dim', formatClock(n.clock))}  "${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`);
      out.push(`      ${n.note}${n.rewrite ? ` Try: ${paint('green', `"${printable(n.rewrite)}"`)}` : ''}`);
    }
  }
  if (savedTo) out.push('', paint('dim', `Transcript saved to ${printable(savedTo)}`));
  const text = out.join('\n');
  return `${width ? wrapBlock(text, width) : text}\n`;
}

/**
 * The visitor's notes as text lines: each topic the contact has talked about with what they
 * said, then the names they offered. `who` is the contact's first name.
 */
export function notesLines(n: MeetingNotes, who: string): string[] {
  const out: string[] = [];
  if (!n.topics.length) out.push(`${who} has not told you about any topic yet — ask an open question.`);
  else {
    out.push(`What ${who} has told you so far:`);
    for (const t of n.topics) out.push(`  - ${t.label}: ${printable(t.said)}`);
  }
  if (n.referrals.length) {
    out.push(`People ${who} suggested you talk to:`);
    for (const r of n.referrals) out.push(`  - ${printable(`${r.name}, ${r.role}${r.note ? ` (${r.note})` : ''}`)}`);
  }
  return out;
}
