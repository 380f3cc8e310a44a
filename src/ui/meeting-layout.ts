import { formatClock } from '../engine/clock.js';
import { printable } from '../io/terminal-text.js';
import { notesLines } from '../report/text.js';
import { cellWidth, truncate, wrapText } from '../report/wrap.js';
import type { LineState } from './line-editor.js';
import { fitRow, row, rowWidth, type Row, type Seg } from './rows.js';
import { hintFor, type Line, type UiState } from './store.js';

/** Columns taken by the speaker's name in front of each line ("Maya   ", "You    "). */
export function gutterFor(who: string, width: number): number {
  return Math.max(5, Math.min(Math.max(7, cellWidth(who) + 2), 14, Math.floor(width / 3)));
}

/** The rows of one conversation line at this width: name, text with a hanging indent, and its hint. */
export function lineRows(line: Line, who: string, width: number, hints: boolean): Row[] {
  const wrap = (text: string, first: string) => wrapText(text, width, { first, breakLongWords: true });
  if (line.who === 'event') return wrap(line.text, '  * ').map((t) => row(t, { color: 'magenta' }));
  if (line.who === 'system') return wrap(line.text, '  ').map((t) => row(t, { dim: true }));
  const isUser = line.who === 'user';
  const gutter = gutterFor(who, width);
  const name = truncate(isUser ? 'You' : who, gutter - 1);
  const text = isUser ? printable(line.text) : line.text;
  const rows: Row[] = wrap(text, ' '.repeat(gutter)).map((t, i) =>
    i === 0 ? [{ text: name, bold: true, color: isUser ? 'cyan' : 'green' }, { text: t.slice(cellWidth(name)) }] : row(t),
  );
  if (hints && line.hint) for (const t of wrap(line.hint, `${' '.repeat(gutter)}↳ `)) rows.push(row(t, { color: 'yellow' }));
  return rows;
}

const rowsCache = new WeakMap<Line[], { key: string; rows: Row[] }>();

/**
 * Every row of the conversation at this width. Cached per lines array, width and hints, so a
 * keystroke in the input line never re-wraps the meeting.
 */
export function conversationRows(lines: Line[], who: string, width: number, hints: boolean): Row[] {
  const key = `${who}\u0000${width}\u0000${hints}`;
  const hit = rowsCache.get(lines);
  if (hit && hit.key === key) return hit.rows;
  const rows = lines.flatMap((l) => lineRows(l, who, width, hints));
  rowsCache.set(lines, { key, rows });
  return rows;
}

const PROMPT = 'you> ';
const PLACEHOLDER = 'ask a question, or /help';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The input line as rows: "you> " then the text, wrapped at spaces (inside a word only when it is
 * wider than a row) with continuation rows under the text, and the cursor drawn as an inverse cell.
 */
export function inputRows(d: LineState, width: number): Row[] {
  const indent = ' '.repeat(PROMPT.length);
  const room = Math.max(1, width - PROMPT.length);
  if (!d.text) return [[{ text: PROMPT, color: 'cyan' }, { text: ' ', inverse: true }, { text: truncate(PLACEHOLDER, room - 1), dim: true }]];
  // Each character with its index; a blank cell after the text holds the cursor at the end.
  type Cell = { text: string; index: number; w: number };
  const cells: Cell[] = [...segmenter.segment(d.text)].map((g) => ({ text: g.segment, index: g.index, w: Math.max(1, cellWidth(g.segment)) }));
  cells.push({ text: ' ', index: d.text.length, w: 1 });
  const lines: Cell[][] = [[]];
  let used = 0;
  for (const c of cells) {
    let cur = lines[lines.length - 1]!;
    if (used + c.w > room && cur.length) {
      // Break after the last space of the row, carrying the word being typed to the next row.
      const space = c.text === ' ' ? cur.length : cur.findLastIndex((x) => x.text === ' ') + 1;
      const carry = space > 0 && space < cur.length ? cur.splice(space) : [];
      cur = [...carry];
      lines.push(cur);
      used = carry.reduce((n, x) => n + x.w, 0);
      // A carried word that still does not fit with this character is cut here.
      if (used + c.w > room && cur.length) {
        cur = [];
        lines.push(cur);
        used = 0;
      }
    }
    cur.push(c);
    used += c.w;
  }
  return lines.map((line, i) => {
    const out: Row = [{ text: i ? indent : PROMPT, color: i ? undefined : 'cyan' }];
    let plain = '';
    for (const c of line) {
      if (c.index !== d.cursor) {
        plain += c.text;
        continue;
      }
      if (plain) out.push({ text: plain });
      plain = '';
      out.push({ text: c.text, inverse: true });
    }
    if (plain) out.push({ text: plain });
    return out;
  });
}

/** The status bar: contact, clock, mood, hints; it drops the least useful parts to stay on one row. */
export function statusRow(width: number, s: { name: string; clock: number; minutes: number; clockState: string; mood: string; hints: boolean }): Row {
  const color = s.clockState === 'lastMinutes' ? 'yellow' : s.clockState === 'overtime' || s.clockState === 'hardStop' ? 'red' : undefined;
  const clock: Seg = { text: `${formatClock(s.clock)} / ${String(s.minutes).padStart(2, '0')}:00`, bold: true, inverse: true, ...(color ? { color } : {}) };
  const first = s.name.split(' ')[0]!;
  const hints = `hints ${s.hints ? 'on' : 'off'}`;
  // From the fullest to the barest; the clock is in every one.
  const mood = `mood: ${s.mood}`;
  const variants: Array<[string | null, string[]]> = [
    [s.name, [mood, `${hints} (Tab)`, '/help']],
    [s.name, [mood, `${hints} (Tab)`]],
    [s.name, [mood, hints]],
    [first, [mood, hints]],
    [first, [mood]],
    [first, [s.mood]],
    [null, [s.mood]],
    [null, []],
  ];
  const build = ([name, tail]: [string | null, string[]]): Row => [
    { text: ` ${name ? `${name} · ` : ''}`, inverse: true },
    clock,
    { text: `${tail.map((t) => ` · ${t}`).join('')} `, inverse: true },
  ];
  for (const v of variants) {
    const r = build(v);
    if (rowWidth(r) <= width) return r;
  }
  return fitRow(build([null, []]), width);
}

/** The names the contact offered, pinned above the conversation once given. */
export function referralRow(s: UiState, width: number): Row | undefined {
  const refs = s.notes.referrals;
  if (!refs.length) return undefined;
  const full = `Names to contact: ${refs.map((r) => `${r.name} (${r.role})`).join(' · ')}`;
  const short = `Names to contact: ${refs.map((r) => r.name).join(' · ')}`;
  return fitRow(row(cellWidth(full) <= width ? full : short, { color: 'green' }), width);
}

/** The pane's last row while the conversation is scrolled up: how much is below, and how to get there. */
export function markerRow(below: number, width: number): Row {
  return fitRow(row(`↓ ${below} more line${below === 1 ? '' : 's'} below — PgDn to scroll down`, { color: 'yellow', bold: true }), width);
}

/** The coach hint for the line being typed, under a "↳", in at most two rows. */
function hintRows(hint: string, width: number): Row[] {
  const rows = wrapText(hint, width, { first: '↳ ', breakLongWords: true });
  const two = rows.length > 2 ? [rows[0]!, truncate(`${rows[1]} ${rows[2]}`, width)] : rows;
  return two.map((t) => row(t, { color: 'yellow' }));
}

/** Everything the meeting screen draws, fitted to the terminal. */
export interface MeetingLayout {
  width: number;
  /** Referral names, once offered. */
  pinned: Row | undefined;
  /** All rows of the main pane (the conversation or the notes). */
  body: Row[];
  paneHeight: number;
  /** Index of the first body row in view and how many are shown. */
  start: number;
  count: number;
  /** Conversation rows hidden below the view: the pane's last row then says so (`markerRow`). */
  below: number;
  /** The row above the input: the typing indicator (`'typing'`), the draft's coach hint, or blank. */
  indicator: Row[] | 'typing';
  input: Row[];
  status: Row;
  /** Largest `scroll` (conversation) or `notesTop` (notes). */
  maxScroll: number;
  /** Rows one PageUp/PageDown moves. */
  page: number;
}

/** At most `max` input rows, the cursor's among them: a long paste never pushes the screen off the terminal. */
function inputWindow(rows: Row[], max: number): Row[] {
  if (rows.length <= max) return rows;
  const at = Math.max(0, rows.findIndex((r) => r.some((x) => x.inverse)));
  const first = Math.max(0, Math.min(at - max + 1, rows.length - max));
  return rows.slice(first, first + max);
}

const notesCache = new WeakMap<UiState['notes'], { key: string; rows: Row[] }>();

/** The notes as rows: a title, then each topic and name with a hanging indent (cached like the conversation). */
export function notesRows(s: UiState, who: string, width: number): Row[] {
  const key = `${who}\u0000${width}`;
  const hit = notesCache.get(s.notes);
  if (hit && hit.key === key) return hit.rows;
  const rows: Row[] = [fitRow(row(`Notes — PgUp/PgDn to scroll, Esc or /notes to close`, { bold: true }), width)];
  for (const line of notesLines(s.notes, who)) {
    const m = /^(\s*- )(.*)$/.exec(line);
    const wrapped = m ? wrapText(m[2]!, width, { first: m[1]!, breakLongWords: true }) : wrapText(line, width, { breakLongWords: true });
    for (const t of wrapped) rows.push(row(t, m ? {} : { bold: true }));
  }
  notesCache.set(s.notes, { key, rows });
  return rows;
}

/** Lay out the meeting screen for the current state (`height` rows, the terminal's width). */
export function meetingLayout(s: UiState, height: number): MeetingLayout {
  const width = Math.max(10, s.columns);
  const scenario = s.selected!.scenario;
  const who = scenario.persona.name.split(' ')[0]!;
  const pinned = referralRow(s, width);
  const draftHint = s.hints && !s.typing && !s.confirmEnd && s.draft.text.trim() && !s.draft.text.trim().startsWith('/') ? hintFor(s.draft.text) : undefined;
  const indicator: Row[] | 'typing' = s.typing
    ? 'typing'
    : draftHint
      ? hintRows(draftHint, width)
      : [row('')];
  const input: Row[] = s.ended
    ? [[{ text: PROMPT, color: 'cyan' }, { text: truncate('(meeting over — Enter for your report)', width - PROMPT.length), dim: true }]]
    : s.confirmEnd
      ? [fitRow([{ text: 'End the meeting? (y/n) ', bold: true, color: 'yellow' }, { text: 'your transcript is saved either way', dim: true }], width)]
      : inputWindow(inputRows(s.draft, width), Math.max(1, Math.floor((height - 3) / 2)));
  const status = statusRow(width, { name: scenario.persona.name, clock: s.clock, minutes: scenario.meeting.minutes, clockState: s.clockState, mood: s.mood, hints: s.hints });
  const paneHeight = Math.max(1, height - (pinned ? 1 : 0) - (indicator === 'typing' ? 1 : indicator.length) - input.length - 1);
  const page = Math.max(1, paneHeight - 2);

  if (s.panel === 'notes') {
    const body = notesRows(s, who, width);
    const maxScroll = Math.max(0, body.length - paneHeight);
    const start = Math.min(s.notesTop, maxScroll);
    return { width, pinned, body, paneHeight, start, count: Math.min(paneHeight, body.length), below: 0, indicator, input, status, maxScroll, page };
  }
  const body = conversationRows(s.lines, who, width, s.hints);
  if (body.length <= paneHeight) return { width, pinned, body, paneHeight, start: 0, count: body.length, below: 0, indicator, input, status, maxScroll: 0, page };
  // Scrolled up, the last row of the pane says how much is below.
  const maxScroll = body.length - paneHeight + 1;
  const scroll = Math.min(s.scroll, maxScroll);
  if (scroll === 0) return { width, pinned, body, paneHeight, start: body.length - paneHeight, count: paneHeight, below: 0, indicator, input, status, maxScroll, page };
  const count = paneHeight - 1;
  return { width, pinned, body, paneHeight, start: body.length - scroll - count, count, below: scroll, indicator, input, status, maxScroll, page };
}
