import type { LoadedScenario } from '../scenario/registry.js';
import { cellWidth, truncate } from '../report/wrap.js';

/** The picker's first column: the scenario's title and the contact's name. */
export const pickerHead = (l: LoadedScenario): string => `${l.scenario.title} · ${l.scenario.persona.name}`;

/**
 * One picker row in columns that fit `width` (less the two cells of the "❯ " marker): title and
 * contact, then difficulty, minutes and format; a narrow terminal keeps only the minutes. The
 * first column is `headWidth` wide (the widest title in the list), or what room is left.
 */
export function pickerLabel(l: LoadedScenario, width = 80, headWidth = Infinity): string {
  const s = l.scenario;
  const star = s.default ? ' *' : '  ';
  const full = ` ${s.difficulty.padEnd(6)} ${String(s.meeting.minutes).padStart(2)} min ${s.meeting.format.padEnd(6)}${star}`;
  const tail = width - 2 - cellWidth(full) >= 40 ? full : ` ${String(s.meeting.minutes).padStart(2)} min${star}`;
  const room = Math.max(8, Math.min(headWidth + 2, width - 2 - cellWidth(tail)));
  const head = truncate(pickerHead(l), room);
  return head + ' '.repeat(Math.max(0, room - cellWidth(head))) + tail;
}

/** The picker's key help, as much of it as fits. */
export function pickerHelp(filter: string, width: number): string {
  const variants = filter
    ? ['↑/↓ move · Enter choose · Esc clears the filter · * the default', '↑/↓ · Enter · Esc clears the filter']
    : ['↑/↓ move · Enter choose · type to filter · q or Esc quits · * the default', '↑/↓ · Enter · type to filter · q quits', '↑/↓ Enter · q quits'];
  return variants.find((v) => cellWidth(v) <= width) ?? variants[variants.length - 1]!;
}

/**
 * The scenarios a filter matches: every word of the filter must appear in the scenario's id,
 * title, field, summary, difficulty, format, or the contact's name, role or organisation.
 */
export function matchScenarios(scenarios: LoadedScenario[], filter: string): LoadedScenario[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return scenarios;
  return scenarios.filter((l) => {
    const s = l.scenario;
    const p = s.persona;
    const hay = [s.id, s.title, s.field, s.summary, s.difficulty, s.meeting.format, p.name, p.role, p.organisation].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
