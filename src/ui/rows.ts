import { cellWidth, truncate } from '../report/wrap.js';

/** A run of text in one style. Colours are names (Ink's `color`); the view drops them under NO_COLOR. */
export interface Seg {
  text: string;
  color?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

/**
 * One terminal row, already fitted to the width: the screens lay out their text themselves, so
 * scrolling is exact, hanging indents line up, and nothing is wrapped twice.
 */
export type Row = Seg[];

/** The rows a screen may use: one less than the terminal, so drawing never scrolls it. */
export const screenHeight = (rows: number): number => Math.max(3, rows - 1);

/** A row of one segment. */
export const row = (text: string, style: Omit<Seg, 'text'> = {}): Row => [{ text, ...style }];

/** Cells a row takes. */
export const rowWidth = (r: Row): number => r.reduce((n, s) => n + cellWidth(s.text), 0);

/** The plain text of a row (for tests and measuring). */
export const rowText = (r: Row): string => r.map((s) => s.text).join('');

/** Cut a row to `width` cells, ending in "…" (in the style where the cut falls) when something was cut. */
export function fitRow(r: Row, width: number): Row {
  if (rowWidth(r) <= width) return r;
  // truncate() keeps a prefix of the text (minus trailing spaces) and adds "…".
  let body = truncate(rowText(r), width).slice(0, -1);
  const out: Row = [];
  for (const s of r) {
    if (!body) break;
    const take = body.slice(0, s.text.length);
    out.push({ ...s, text: take });
    body = body.slice(take.length);
  }
  const last = out[out.length - 1];
  if (last) last.text += '…';
  else out.push({ text: width > 0 ? '…' : '' });
  return out;
}
