import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../scenario/diagnostics.js';

/** Exit codes shared by every command (DESIGN.md). */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** Thrown for a usage mistake; main prints it with a pointer to --help and exits 2. */
export class UsageError extends Error {}

/** Thrown for bad input that was already reported; main exits 1 without printing more. */
export class InputError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** One sub-command: its help text, its options, and what it does. */
export interface Command {
  name: string;
  usage: string;
  /** Help text after the usage line: arguments, options, examples. */
  help: string;
  options: Options;
  /** Runs the command; resolves to the exit code. */
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/** Parse a command's arguments strictly; unknown options become a UsageError. */
export function parse(cmd: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, unknown>, positionals };
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional.*$/s, '').replace(/^Unknown option/, 'unknown option');
    const unknown = /^unknown option '(-[^']*)'/.exec(msg)?.[1];
    // Only long options: every one-letter option is one typo away from every other.
    const guess = unknown?.startsWith('--') ? didYouMean(unknown, optionNames(cmd).filter((o) => o.startsWith('--'))) : undefined;
    throw new UsageError(guess ? `${msg} (did you mean '${guess}'?)` : msg);
  }
}

/** Every option a command takes, as typed: --json, -h, --help (and --version, which main handles). */
export function optionNames(cmd: Command): string[] {
  const names = ['--help', '-h', '--version'];
  for (const [name, o] of Object.entries(cmd.options)) {
    names.push(`--${name}`);
    if (o.short) names.push(`-${o.short}`);
  }
  return names;
}

/** The full help for a command; `summary` comes from the command list, which owns it. */
export function helpText(cmd: Command, summary: string): string {
  return `Usage: ${cmd.usage}\n\n${summary}\n\n${cmd.help.trim()}\n`;
}

/** Longest --name accepted (it ends up in transcripts, file names and reports). */
export const MAX_NAME_CHARS = 100;

/** The participant's --name, trimmed; null when not given or blank. */
export function nameOption(values: Record<string, unknown>): string | null {
  const v = typeof values.name === 'string' ? values.name.trim() : '';
  if ([...v].length > MAX_NAME_CHARS) throw new UsageError(`--name is at most ${MAX_NAME_CHARS} characters`);
  return v || null;
}

/** Parse a whole-number option, or throw a UsageError naming it. */
export function intOption(values: Record<string, unknown>, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^-?\d+$/.test(s)) throw new UsageError(`--${name} takes a whole number, not '${s}'`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, not ${s}`);
  return n;
}

/**
 * Written before CSV output unless --no-bom: spreadsheet programs (Excel above all) read a CSV
 * file as UTF-8 only when it starts with a byte-order mark, and otherwise mangle "José".
 */
export const CSV_BOM = '\ufeff';

/** Output format chosen by --json, --csv or --md (at most one); "text" when none. */
export function outputFormat(values: Record<string, unknown>): 'text' | 'json' | 'csv' | 'md' {
  const chosen = (['json', 'csv', 'md'] as const).filter((f) => values[f]);
  if (chosen.length > 1) throw new UsageError(`choose one of --json, --csv, --md (got ${chosen.map((f) => `--${f}`).join(' and ')})`);
  return chosen[0] ?? 'text';
}
