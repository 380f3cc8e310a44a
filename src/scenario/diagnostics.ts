import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { printable } from '../io/terminal-text.js';

/** How bad a diagnostic is: errors make a scenario unusable, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem found in a scenario file, with where it is and what to do about it. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  /** Length of the offending text on that line (for the caret), at least 1. */
  length: number;
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
}

/** Stable diagnostic codes; each is explained with an example in docs/diagnostics.md. */
export const CODES = {
  yamlSyntax: 'SC001',
  notText: 'SC002',
  empty: 'SC003',
  notMapping: 'SC004',
  aliases: 'SC005',
  unreadable: 'SC006',
  tooMany: 'SC009',
  missingKey: 'SC010',
  wrongType: 'SC011',
  unknownKey: 'SC012',
  outOfRange: 'SC013',
  notAnOption: 'SC014',
  badFormat: 'SC015',
  controlChar: 'SC016',
  invalid: 'SC019',
  duplicateTopic: 'SC020',
  unknownTopic: 'SC021',
  weightsSum: 'SC022',
  lateInterruption: 'SC023',
  unknownPlaceholder: 'SC024',
  unknownVersion: 'SC030',
  duplicateScenario: 'SC031',
  defaultCount: 'SC032',
} as const;

// The lines of the last source formatted: a file with thousands of diagnostics is split once, not
// once per diagnostic (that made `validate` quadratic).
let lastSource: string | undefined;
let lastLines: string[] = [];
function sourceLine(source: string, line: number): string | undefined {
  if (source !== lastSource) {
    lastSource = source;
    lastLines = source.split(/\r?\n/);
  }
  return lastLines[line - 1];
}

/**
 * Format diagnostics compiler-style: `file:line:col: error[CODE]: message`, the line and a caret.
 * Everything that came from the file (its name, quoted keys and values, the echoed line) goes
 * through the terminal sanitiser.
 */
export function formatDiagnostic(d: Diagnostic, source?: string, paint: (s: 'red' | 'yellow' | 'dim' | 'cyan', t: string) => string = (_s, t) => t): string {
  const head = `${printable(d.file)}:${d.line}:${d.col}: ${paint(d.severity === 'error' ? 'red' : 'yellow', `${d.severity}[${d.code}]`)}: ${printable(d.message)}`;
  const out = [head];
  const srcLine = source === undefined ? undefined : sourceLine(source, d.line);
  if (srcLine !== undefined && srcLine.length <= 400) {
    const shown = printable(srcLine);
    const num = String(d.line);
    const pad = ' '.repeat(num.length);
    out.push(paint('dim', ` ${num} | `) + shown);
    const caretLen = Math.max(1, Math.min(d.length, shown.length - d.col + 1));
    out.push(paint('dim', ` ${pad} | `) + ' '.repeat(Math.max(0, d.col - 1)) + paint(d.severity === 'error' ? 'red' : 'yellow', '^'.repeat(caretLen)));
  }
  if (d.hint) out.push(`  ${paint('cyan', 'hint')}: ${printable(d.hint)}`);
  return out.join('\n');
}

/** The closest candidate to `word`, if it is close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = LevenshteinDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
