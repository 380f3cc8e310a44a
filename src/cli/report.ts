import { statSync } from 'node:fs';
import { jsonLine, printable } from '../io/terminal-text.js';
import { stdStream, WriteProblem, writeOutput } from '../io/write-file.js';
import { buildCohort, type Cohort } from '../report/cohort.js';
import { renderCohortCsv, renderCohortHtml, renderCohortText } from '../report/cohort-render.js';
import { loadCatalog, userDirs } from '../scenario/registry.js';
import { CSV_BOM, EXIT, InputError, UsageError, type Command } from './command.js';
import { painter, progress, useColor } from './io.js';
import { reportDiagnostics } from './scenarios.js';

/** The cohort as one JSON object (key order is part of the contract). */
export function cohortRecord(c: Cohort): Record<string, unknown> {
  return {
    meetings: c.attempts.length,
    messages: c.letters.length,
    group: c.group,
    participants: c.participants.map((p) => ({
      name: p.name,
      average: p.average,
      best: p.best,
      progress: p.progress,
      percent: p.percent,
      attempts: p.attempts.map((a) => ({ file: a.file, scenario: a.scenario, started_at: a.startedAt, total: a.total, scores: a.scores })),
      messages: p.letters.map((l) => ({ file: l.file, kind: l.kind, total: l.total, failed: l.failed })),
    })),
    mistakes: c.mistakes,
    errors: c.errors,
    warnings: c.warnings,
  };
}

export const reportCommand: Command = {
  name: 'report',
  usage: 'coffeechat report DIR [--json] [--html OUT] [--csv OUT] [--no-bom] [--scenarios DIR]',
  help: `
Reads every saved transcript (.json) and every outreach / follow-up result (the --json output of
'coffeechat outreach' or 'followup', saved as .json or .jsonl) below DIR, and shows, per
participant (the --name given when playing) and for the group: scores per dimension, progress
over attempts, and the most common mistakes with examples.

Options:
  --json           the report as one JSON object on standard output instead of text:
                   {"meetings","messages","group","participants","mistakes","errors","warnings"}
  --html OUT       also write one self-contained HTML page with charts (prints well)
  --csv OUT        also write one row per meeting, for spreadsheets (UTF-8 with a
                   byte-order mark, so Excel reads accents right)
  --no-bom         with --csv: no byte-order mark
                   OUT may be - for standard output (then the text report is not printed)
  --scenarios DIR  also load scenarios from DIR (for transcripts of your own scenarios)
  -h, --help       show this help

The walk goes 6 folders deep, reads at most 20,000 files, skips hidden entries and never
follows symbolic links. A file or record that cannot be read is reported on stderr and skipped;
the exit code is then 1.`,
  options: { json: { type: 'boolean' }, html: { type: 'string' }, csv: { type: 'string' }, 'no-bom': { type: 'boolean' }, scenarios: { type: 'string', multiple: true } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one folder' : 'which folder? (coffeechat report DIR)');
    const dir = positionals[0]!;
    const html = typeof values.html === 'string' ? values.html : undefined;
    const csv = typeof values.csv === 'string' ? values.csv : undefined;
    const toStdout = [html, csv].filter((o) => o !== undefined && stdStream(o) === 1).length + (values.json ? 1 : 0);
    if (toStdout > 1) throw new UsageError('only one of --json, --html - and --csv - can go to standard output');
    try {
      if (!statSync(dir).isDirectory()) throw new InputError(`${dir}: not a folder`);
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`${dir}: no such folder`);
    }
    const cat = loadCatalog(userDirs(values.scenarios as string[] | undefined));
    reportDiagnostics(cat.diagnostics);
    let bar: ReturnType<typeof progress> | undefined;
    const cohort = buildCohort(dir, cat, (done, total) => {
      bar ??= progress(total, 'reading');
      bar.tick(done);
    });
    bar?.clear();
    for (const e of cohort.errors) process.stderr.write(`coffeechat report: ${printable(e)}\n`);
    for (const w of cohort.warnings) process.stderr.write(`coffeechat report: warning: ${printable(w)}\n`);
    if (values.json) process.stdout.write(`${jsonLine(cohortRecord(cohort))}\n`);
    else if (toStdout === 0) process.stdout.write(renderCohortText(cohort, painter(useColor(process.stdout))));
    const outputs: Array<[string | undefined, () => string]> = [
      [html, () => renderCohortHtml(cohort)],
      [csv, () => `${values['no-bom'] ? '' : CSV_BOM}${renderCohortCsv(cohort)}`],
    ];
    for (const [out, render] of outputs) {
      if (out === undefined) continue;
      try {
        writeOutput(out, render(), { mkdir: true });
      } catch (err) {
        if (err instanceof WriteProblem) throw new InputError(`cannot write ${out}: ${err.message}`);
        throw err;
      }
      if (stdStream(out) === undefined) process.stderr.write(`wrote ${printable(out)}\n`);
    }
    return cohort.errors.length ? EXIT.badInput : EXIT.ok;
  },
};
