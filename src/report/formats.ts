import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL, type Score } from '../scoring/rubric.js';

/** The JSON Lines record for one scored file (key order is part of the contract). */
export function scoreRecord(file: string, scenarioId: string, s: Score, participant?: string | null): Record<string, unknown> {
  return {
    file,
    scenario: scenarioId,
    ...(participant ? { participant } : {}),
    total: s.total,
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
export const CSV_HEADER = ['file', 'scenario', 'participant', 'total', 'outcome', ...DIMENSIONS].join(',');

/** One CSV row per scored file. */
export function csvRow(file: string, scenarioId: string, s: Score, participant?: string | null): string {
  return [file, scenarioId, participant ?? '', s.total, s.outcome, ...DIMENSIONS.map((d) => s.dimensions[d].score)].map(csvField).join(',');
}

/** Escape text for a Markdown table cell. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown table header for score rows. */
export function mdHeader(): string {
  const cols = ['File', 'Scenario', 'Total', 'Outcome', ...DIMENSIONS.map((d) => DIMENSION_LABEL[d])];
  return `| ${cols.join(' | ')} |\n|${cols.map((_, i) => (i >= 2 && i !== 3 ? ' ---: ' : ' --- ')).join('|')}|`;
}

/** One Markdown table row per scored file. */
export function mdRow(file: string, scenarioId: string, s: Score): string {
  const cells = [mdCell(file), mdCell(scenarioId), `${s.total}/100`, s.outcome, ...DIMENSIONS.map((d) => `${s.dimensions[d].score}/${s.dimensions[d].max}`)];
  return `| ${cells.join(' | ')} |`;
}
