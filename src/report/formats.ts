import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL, type Score } from '../scoring/rubric.js';

/** The JSON Lines record for one scored file (key order is part of the contract). */
export function scoreRecord(file: string, scenarioId: string, s: Score, participant?: string | null): Record<string, unknown> {
  return {
    file,
    scenario: scenarioId,
    ...(participant ? { participant } : {}),
    total: s.total,
    ...(s.cap ? { cap: s.cap } : {}),
    outcome: s.outcome,
    duration: s.duration,
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => {
        const x = s.dimensions[d];
        return [d, { score: x.score, max: x.max, evidence: x.evidence, advice: x.advice }];
      }),
    ),
    notes: s.notes,
  };
}

/** Quote a CSV field when it needs it (RFC 4180), and defuse spreadsheet formulas. */
export function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV header for score rows. */
export const CSV_HEADER = ['file', 'scenario', 'participant', 'total', 'outcome', ...DIMENSIONS, 'notes'].join(',');

/** A file's turn notes in one line: "turn 4: Closed question… Try: …; turn 7: …". */
export function notesLine(s: Score): string {
  return s.notes.map((n) => `turn ${n.turn}: ${n.note}${n.rewrite ? ` Try: "${n.rewrite}"` : ''}`).join('; ');
}

/** One CSV row per scored file. */
export function csvRow(file: string, scenarioId: string, s: Score, participant?: string | null): string {
  return [file, scenarioId, participant ?? '', s.total, s.outcome, ...DIMENSIONS.map((d) => s.dimensions[d].score), notesLine(s)].map(csvField).join(',');
}

/** Escape text for a Markdown table cell. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown table header for score rows (with a Notes column unless `brief`). */
export function mdHeader(brief = false): string {
  const cols = ['File', 'Scenario', 'Total', 'Outcome', ...DIMENSIONS.map((d) => DIMENSION_LABEL[d]), ...(brief ? [] : ['Notes'])];
  return `| ${cols.join(' | ')} |\n|${cols.map((_, i) => (i >= 2 && i !== 3 && i < 4 + DIMENSIONS.length ? ' ---: ' : ' --- ')).join('|')}|`;
}

/** One Markdown table row per scored file; the notes cell lists each turn note on its own line. */
export function mdRow(file: string, scenarioId: string, s: Score, brief = false): string {
  const notes = s.notes.map((n) => mdCell(`turn ${n.turn}: ${n.note}${n.rewrite ? ` Try: "${n.rewrite}"` : ''}`)).join('<br>');
  const cells = [mdCell(file), mdCell(scenarioId), `${s.total}/100`, s.outcome, ...DIMENSIONS.map((d) => `${s.dimensions[d].score}/${s.dimensions[d].max}`), ...(brief ? [] : [notes || '—'])];
  return `| ${cells.join(' | ')} |`;
}
