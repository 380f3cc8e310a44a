import { didYouMean } from '../scenario/diagnostics.js';
import { findScenario, loadCatalog, userDirs, type Catalog, type LoadedScenario } from '../scenario/registry.js';
import { CSV_HEADER, csvRow, mdHeader, mdRow, scoreRecord } from '../report/formats.js';
import { summaryLine } from '../report/summary.js';
import { parseLine, unknownCommandText } from '../session/commands.js';
import { Session } from '../session/session.js';
import { MAX_TRANSCRIPT_BYTES, scenarioMismatch, validateTranscript } from '../session/transcript.js';
import { jsonLine, printable } from '../io/terminal-text.js';
import { DIMENSIONS } from '../scenario/schema.js';
import { DIMENSION_LABEL, score, type Score } from '../scoring/rubric.js';
import { CSV_BOM, EXIT, UsageError, intOption, outputFormat, type Command } from './command.js';
import { painter, progress, readError, readInput, STDIN_NAME, useColor } from './io.js';
import { reportDiagnostics } from './scenarios.js';


/** A file that scored, or the one-line reason it did not. */
type Result = { ok: true; scenario: LoadedScenario; score: Score; participant: string | null } | { ok: false; error: string };

/** What a script says about itself in `#` lines: `# scenario: ID`, `# participant: NAME`. */
export interface ScriptHeader {
  scenario?: string;
  participant?: string;
}

/** The `#` metadata of a script (comment lines are never said to the contact). */
export function scriptHeader(text: string): ScriptHeader {
  const h: ScriptHeader = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*#\s*(scenario|participant|name)\s*:\s*(.+?)\s*$/i.exec(line);
    if (!m) continue;
    if (m[1]!.toLowerCase() === 'scenario') h.scenario ??= m[2]!;
    else h.participant ??= m[2]!;
  }
  return h;
}

/**
 * Replay a script (one user line per line; `#` lines are comments) against a scenario and score
 * it. Lines are read as in a meeting (`parseLine`): `/end` ends it, `/notes` and `/help` are not
 * turns, and an unknown `/command` is not said (it is listed in `unknown`). `unused` counts lines
 * after the end.
 */
export function scoreScript(text: string, loaded: LoadedScenario, seed: number, participant: string | null = null): { score: Score; unused: number; unknown: string[] } {
  const session = new Session(loaded, { seed, participant, startedAt: null });
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const unknown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (session.ended) break;
    used++;
    const parsed = parseLine(line);
    if (parsed.kind === 'command' && parsed.name === 'end') break;
    if (parsed.kind === 'unknown') unknown.push(parsed.word);
    if (parsed.kind === 'say') session.say(line);
  }
  session.leave();
  // The transcript was recorded by this analyzer a moment ago: no need to analyse every line again.
  return { score: score(session.transcript, loaded.scenario, { reanalyze: false }), unused: lines.length - used, unknown };
}

/** Line and column of a character offset, for JSON errors. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** Whether an input is a saved transcript: a .json file, or standard input holding a JSON object. */
function isTranscript(file: string, text: string): boolean {
  return /\.json$/i.test(file) || (file === STDIN_NAME && text.trimStart().startsWith('{'));
}

async function scoreFile(file: string, cat: Catalog, scenarioArg: LoadedScenario, explicit: boolean, seed: number, warn: (m: string) => void): Promise<Result> {
  let text: string;
  try {
    text = await readInput(file, MAX_TRANSCRIPT_BYTES);
  } catch (err) {
    return { ok: false, error: readError(err) };
  }
  if (isTranscript(file, text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      return { ok: false, error: `not valid JSON${m ? ` at ${lineCol(text, Number(m[1]))}` : ''}: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')}` };
    }
    const checked = validateTranscript(data);
    if (!checked.ok) return { ok: false, error: checked.error };
    const t = checked.transcript;
    const loaded = cat.scenarios.find((x) => x.scenario.id === t.scenario.id);
    if (!loaded) return { ok: false, error: `its scenario '${t.scenario.id}' is not installed (use --scenarios DIR)` };
    if (loaded.hash !== t.scenario.hash) {
      const mismatch = scenarioMismatch(t, loaded);
      if (mismatch) return { ok: false, error: `does not belong to scenario '${t.scenario.id}': ${mismatch}` };
      warn(`${file}: scenario '${t.scenario.id}' has changed since this transcript was recorded; scoring the recorded turns`);
    }
    return { ok: true, scenario: loaded, score: score(t, loaded.scenario), participant: t.participant };
  }
  if (text.trim() === '') return { ok: false, error: 'empty script: expected one line per thing you say' };
  // A script may name its scenario ("# scenario: nurse-manager"); --scenario overrides it.
  const header = scriptHeader(text);
  let loaded = scenarioArg;
  if (header.scenario && !explicit) {
    const named = findScenario(cat, header.scenario);
    if (!named) return { ok: false, error: `its '# scenario: ${header.scenario}' is not installed (see 'coffeechat scenarios list', or use --scenarios DIR)` };
    loaded = named;
  }
  const participant = header.participant ?? null;
  const { score: s, unused, unknown } = scoreScript(text, loaded, seed, participant);
  for (const word of unknown) warn(`${file}: ${unknownCommandText(printable(word))}; the line was not said`);
  if (unused > 0) warn(`${file}: the meeting ended before the last ${unused} line${unused === 1 ? '' : 's'}; they were not used`);
  return { ok: true, scenario: loaded, score: s, participant };
}

/** Why the total is held (when it is), each dimension's advice and every turn note, indented under a file's summary. */
function feedbackLines(sc: Score, paint: ReturnType<typeof painter>): string {
  const lines = DIMENSIONS.filter((d) => sc.dimensions[d].score < sc.dimensions[d].max).map((d) => `  ${paint('dim', `${DIMENSION_LABEL[d]}:`)} ${sc.dimensions[d].advice}`);
  if (sc.cap) lines.unshift(`  ${sc.cap.note}`);
  for (const n of sc.notes) lines.push(`  ${paint('dim', `turn ${n.turn}`)} “${printable(n.text.length > 70 ? `${n.text.slice(0, 69)}…` : n.text)}” — ${n.note}${n.rewrite ? ` Try: “${printable(n.rewrite)}”` : ''}`);
  return lines.join('\n');
}

export const scoreCommand: Command = {
  name: 'score',
  usage: 'coffeechat score [--scenario ID] [--json | --csv | --md] [--seed N] [--scenarios DIR] FILE...',
  help: `
Arguments:
  FILE...          a .txt script (each non-blank line is something you say, replayed
                   against the scenario; /end ends it, /notes and /help are skipped as
                   in a meeting; lines starting with # are comments, and '# scenario: ID'
                   / '# participant: NAME' name its scenario and student) or a .json
                   transcript saved by 'play' (re-scored from its turns; a warning if the
                   scenario changed since). At most 8 MiB each; UTF-8 or UTF-16 with a
                   BOM. - reads standard input (a transcript if it starts with '{', else
                   a script)

Options:
  --scenario ID    scenario for every .txt script (default: the one the script names,
                   else the default scenario)
  --brief          a compact summary: without each file's advice and turn notes (text)
                   and without the Notes column (--md); CSV always has a notes column
  --json           JSON Lines, one object per file:
                   {"file","scenario","total","outcome","dimensions":{...},...}; "cap"
                   after "total" says why a total is held at 84 (a weak dimension) or
                   at 69 (the agreed time not kept)
  --csv            one row per file, for spreadsheets (UTF-8 with a byte-order mark, so
                   Excel reads accents right; --no-bom leaves it out)
  --no-bom         with --csv: no byte-order mark
  --md             a Markdown table, for sharing
  --seed N         seed for replaying scripts (default 1), so results are reproducible
  --scenarios DIR  also load scenarios from DIR (repeatable)
  -h, --help       show this help

A file that cannot be read or is invalid gets one error line on stderr; the others are
still scored, and the exit code is 1. The same files always give the same output.`,
  options: {
    scenario: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    'no-bom': { type: 'boolean' },
    md: { type: 'boolean' },
    seed: { type: 'string' },
    scenarios: { type: 'string', multiple: true },
    brief: { type: 'boolean' },
  },
  async run(values, files) {
    const format = outputFormat(values);
    if (files.length === 0) throw new UsageError('no files given');
    if (files.filter((f) => f === STDIN_NAME).length > 1) throw new UsageError('standard input (-) can be read only once');
    const seed = intOption(values, 'seed') ?? 1;
    const cat = loadCatalog(userDirs(values.scenarios as string[] | undefined));
    reportDiagnostics(cat.diagnostics);
    const scenarioArg = typeof values.scenario === 'string' ? findScenario(cat, values.scenario) : cat.scenarios.find((s) => s.scenario.default);
    if (!scenarioArg) {
      const guess = typeof values.scenario === 'string' ? didYouMean(values.scenario, cat.scenarios.map((x) => x.scenario.id)) : undefined;
      throw new UsageError(`unknown scenario '${String(values.scenario)}'${guess ? ` (did you mean '${guess}'?)` : ''}; see 'coffeechat scenarios list'`);
    }

    const paint = painter(format === 'text' && useColor(process.stdout));
    const bar = progress(files.length, 'scoring');
    const warnings: string[] = [];
    let failed = 0;
    const out: string[] = [];
    const flush = () => {
      if (out.length) process.stdout.write(`${out.join('\n')}\n`);
      out.length = 0;
    };
    if (format === 'csv') out.push(`${values['no-bom'] ? '' : CSV_BOM}${CSV_HEADER}`);
    if (format === 'md') out.push(mdHeader(values.brief === true));
    for (const [i, file] of files.entries()) {
      const r = await scoreFile(file, cat, scenarioArg, typeof values.scenario === 'string', seed, (m) => warnings.push(m));
      if (!r.ok) {
        failed++;
        bar.clear();
        process.stderr.write(`coffeechat score: ${printable(file)}: ${printable(r.error)}\n`);
      } else {
        const id = r.scenario.scenario.id;
        if (format === 'json') out.push(jsonLine(scoreRecord(file, id, r.score, r.participant)));
        else if (format === 'csv') out.push(csvRow(file, id, r.score, r.participant));
        else if (format === 'md') out.push(mdRow(printable(file), id, r.score, values.brief === true));
        else {
          const dims = DIMENSIONS.map((d) => `${DIMENSION_LABEL[d].toLowerCase()} ${r.score.dimensions[d].score}/${r.score.dimensions[d].max}`);
          const who = r.participant ? ` (${printable(r.participant)}, ${id})` : ` (${id})`;
          out.push(`${paint('bold', printable(file))}${who}: ${summaryLine(r.score)}\n  ${dims.join(' · ')}`);
          if (values.brief !== true) out.push(feedbackLines(r.score, paint));
        }
      }
      if (out.length >= 200) {
        bar.clear();
        flush();
      }
      bar.tick(i + 1);
    }
    bar.clear();
    flush();
    for (const w of warnings) process.stderr.write(`coffeechat score: warning: ${printable(w)}\n`);
    return failed ? EXIT.badInput : EXIT.ok;
  },
};
