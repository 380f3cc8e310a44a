import { formatClock } from '../engine/clock.js';
import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL, type Score } from '../scoring/rubric.js';
import { printable } from '../io/terminal-text.js';
import { bar } from '../report/text.js';
import { outcomeText } from '../report/summary.js';
import { cellWidth, wrapText } from '../report/wrap.js';
import { fitRow, row, type Row } from './rows.js';

/** The mood glyphs of the timeline, warmest first, with their names for the legend. */
export const MOOD_GLYPHS: ReadonlyArray<[mood: string, glyph: string]> = [
  ['warm', '●'],
  ['engaged', '◕'],
  ['neutral', '◑'],
  ['impatient', '◔'],
  ['cold', '○'],
];
const GLYPH = new Map(MOOD_GLYPHS);

/** The legend: every glyph the timeline can show. */
export const LEGEND = MOOD_GLYPHS.map(([m, g]) => `${g} ${m}`).join(' ');

/** A one-line timeline: the mood after each of the contact's turns, with the clock at both ends. */
export function timeline(turns: ReadonlyArray<{ speaker: string; mood?: string; clock: number }>, width: number): string {
  const moods = turns.filter((t) => t.speaker === 'contact').map((t) => GLYPH.get(t.mood ?? 'neutral') ?? '◑');
  const end = turns.length ? turns[turns.length - 1]!.clock : 0;
  const room = Math.max(5, width - 30);
  const step = Math.max(1, Math.ceil(moods.length / room));
  const glyphs = moods.filter((_, i) => i % step === 0).join('');
  return `00:00 ${glyphs} ${formatClock(end)}`;
}

/** The report card fitted to the terminal, with the turn notes scrolled to `top`. */
export interface ReportLayout {
  rows: Row[];
  /** First turn note in view, and the largest it can be. */
  top: number;
  maxTop: number;
  /** Notes one PageUp/PageDown moves. */
  page: number;
}

const colour = (score: number, max: number) => (score >= max * 0.8 ? 'green' : score >= max * 0.5 ? 'yellow' : 'red');

/**
 * Lay out the report card in `height` rows of `width` cells. Always shown: the headline with the
 * total, a bar per dimension and the keys. Then, as room allows: why the total is held below the
 * dimensions' sum (when it is), how the meeting ended, the turn notes (a list scrolled by whole
 * notes), one line of advice per dimension, the mood timeline with its legend, where the
 * transcript was saved, and blank rows between sections. Whatever is cut here is in the full
 * report printed when the program ends.
 */
export function reportLayout(
  s: Score,
  turns: ReadonlyArray<{ speaker: string; mood?: string; clock: number }>,
  savedTo: string | undefined,
  width: number,
  height: number,
  top: number,
): ReportLayout {
  const w = Math.max(20, width);
  const headline: Row = [{ text: `Your score: ${s.total}/100`, bold: true }];
  // Why the total is below its dimensions' sum: shown under the headline when there is room.
  const capRow = s.cap ? fitRow(row(s.cap.note, { color: 'yellow' }), w) : undefined;
  const outcome = fitRow(row(outcomeText(s), { dim: true }), w);
  const labelWidth = 17;
  const barWidth = Math.max(5, Math.min(20, w - labelWidth - 7));
  const dims: Row[] = [];
  const advice: Row[] = [];
  for (const d of DIMENSIONS) {
    const x = s.dimensions[d];
    dims.push(
      fitRow(
        [{ text: DIMENSION_LABEL[d].padEnd(labelWidth) }, { text: bar(x.score, x.max, barWidth), color: colour(x.score, x.max) }, { text: ` ${String(x.score).padStart(2)}/${x.max}` }],
        w,
      ),
    );
    advice.push(fitRow(row(`  ${x.advice}`), w));
  }
  // Turn notes: the quoted line, then the note and a better phrasing under it.
  const noteRows: Row[] = [];
  const starts: number[] = [];
  for (const n of s.notes) {
    starts.push(noteRows.length);
    noteRows.push(fitRow(row(`#${n.turn} ${formatClock(n.clock)} "${printable(n.text)}"`), w));
    for (const t of wrapText(`${n.note}${n.rewrite ? ` Try: "${n.rewrite}"` : ''}`, w, { first: '   ', breakLongWords: true })) noteRows.push(row(t, { color: 'yellow' }));
  }
  if (!noteRows.length) noteRows.push(row('Nothing — well done.', { color: 'green' }));
  const line = timeline(turns, w);
  const timelineRows: Row[] =
    cellWidth(`Timeline ${line}  ${LEGEND}`) <= w
      ? [[{ text: `Timeline ${line}  ` }, { text: LEGEND, dim: true }]]
      : [fitRow(row(`Timeline ${line}`), w), fitRow(row(LEGEND, { dim: true }), w)];
  const savedRow: Row | undefined = savedTo
    ? cellWidth(`Transcript saved to ${savedTo}`) <= w
      ? row(`Transcript saved to ${savedTo}`, { dim: true })
      : fitRow(row('Transcript saved; its full path is printed when you quit.', { dim: true }), w)
    : undefined;

  // What fits, in order of importance; the notes list takes whatever room is left.
  const want = { cap: false, outcome: false, notes: false, advice: false, timeline: false, saved: false, gap1: false, gap2: false };
  let free = height - 1 - dims.length - 1;
  const take = (k: keyof typeof want, n: number) => {
    if (n <= free) {
      want[k] = true;
      free -= n;
    }
  };
  // The notes get at least four rows: a short note whole, and the start of the next.
  const minNotes = Math.min(4, noteRows.length);
  if (capRow) take('cap', 1);
  take('outcome', 1);
  take('notes', 1 + minNotes);
  take('advice', advice.length);
  take('timeline', timelineRows.length);
  if (savedRow) take('saved', 1);
  take('gap1', 1);
  take('gap2', 1);
  if (want.notes) free += minNotes;

  // The list scrolls by whole notes: `top` is the first note in view.
  const view = want.notes ? Math.max(1, Math.min(noteRows.length, free)) : 0;
  const lastTop = starts.findIndex((start) => noteRows.length - start <= view);
  const maxTop = Math.max(0, lastTop < 0 ? starts.length - 1 : lastTop);
  const first = Math.max(0, Math.min(top, maxTop));
  const from = starts[first] ?? 0;
  const inView = starts.filter((start) => start >= from && start < from + view).length;
  const rows: Row[] = [headline];
  if (want.cap && capRow) rows.push(capRow);
  if (want.outcome) rows.push(outcome);
  if (want.gap1) rows.push(row(''));
  for (let i = 0; i < dims.length; i++) {
    rows.push(dims[i]!);
    if (want.advice) rows.push(advice[i]!);
  }
  if (want.notes) {
    if (want.gap2) rows.push(row(''));
    const range = maxTop === 0 ? '' : inView > 1 ? ` · ${first + 1}–${first + inView} of ${s.notes.length}` : ` · ${first + 1} of ${s.notes.length}`;
    rows.push(fitRow([{ text: 'What cost points', bold: true }, { text: range, dim: true }], w));
    rows.push(...noteRows.slice(from, from + view));
  }
  if (want.timeline) rows.push(...timelineRows);
  if (want.saved && savedRow) rows.push(savedRow);
  const keys = maxTop > 0 ? ['q quit · r play again · ↑/↓ PgUp/PgDn scroll the notes', 'q quit · r play again · ↑/↓ notes', 'q quit · r again · ↑/↓'] : ['q quit · r play again'];
  rows.push(fitRow(row(keys.find((k) => cellWidth(k) <= w) ?? keys[keys.length - 1]!, { color: 'green' }), w));
  return { rows, top: first, maxTop, page: Math.max(1, inView) };
}
