import type { Briefing } from '../report/briefing.js';
import { wrapText } from '../report/wrap.js';
import { row, type Row } from './rows.js';

/** The briefing fitted to the screen: the rows in view (scrolled to `top`) and the largest `top`. */
export interface BriefingLayout {
  rows: Row[];
  top: number;
  maxTop: number;
  page: number;
}

/**
 * Lay out the briefing in `height` rows: who, the meeting, the public profile, what is scored
 * and tips, with bullets hanging; the "Press Enter" line stays at the bottom, and when the rest
 * does not fit it scrolls (↑/↓, PgUp/PgDn) with a marker saying more is below.
 */
export function briefingLayout(b: Briefing, picked: boolean, width: number, height: number, top: number): BriefingLayout {
  const w = Math.max(20, width);
  const para = (text: string, style = {}) => wrapText(text, w, { breakLongWords: true }).map((t) => row(t, style));
  const list = (title: string, items: string[]) => [row(''), row(title, { bold: true }), ...items.flatMap((x) => wrapText(x, w, { first: ' • ', breakLongWords: true }).map((t) => row(t)))];
  const body: Row[] = [
    row(b.title, { bold: true }),
    ...para(`You are meeting ${b.who}.`),
    ...para(b.meeting),
    ...list('Their public profile', b.profile),
    ...list('You are scored on', b.scored),
    ...list('Tips', b.tips),
  ];
  const foot = para(`Press Enter to start${picked ? ', Esc to choose another meeting' : ''}.`, { color: 'green' });
  if (body.length + 1 + foot.length <= height) return { rows: [...body, row(''), ...foot], top: 0, maxTop: 0, page: 1 };
  const view = Math.max(1, height - foot.length - 1);
  const maxTop = Math.max(0, body.length - view);
  const first = Math.max(0, Math.min(top, maxTop));
  const more = body.length - first - view;
  const marker = more > 0 ? row(`↓ ${more} more line${more === 1 ? '' : 's'} — ↓ or PgDn to read on`, { color: 'yellow', bold: true }) : row('');
  return { rows: [...body.slice(first, first + view), marker, ...foot], top: first, maxTop, page: Math.max(1, view - 1) };
}
