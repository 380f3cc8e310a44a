import { statSync } from 'node:fs';
import { buildCohort } from '../report/cohort.js';
import { renderCohortCsv, renderCohortHtml, renderCohortText } from '../report/cohort-render.js';
import { loadCatalog, userDirs } from '../scenario/registry.js';
import { writeOutput } from '../io/write-file.js';
import { EXIT, InputError, UsageError, type Command } from './command.js';
import { painter, progress, useColor } from './io.js';
import { reportDiagnostics } from './scenarios.js';

export const reportCommand: Command = {
  name: 'report',
  usage: 'coffeechat report DIR [--html OUT] [--csv OUT] [--scenarios DIR]',
  help: `
Reads every saved transcript (.json) and every outreach / follow-up result (the --json output of
'coffeechat outreach' or 'followup', saved as .json or .jsonl) below DIR, and shows, per
participant (the --name given when playing) and for the group: scores per dimension, progress
over attempts, and the most common mistakes with examples.

Options:
  --html OUT       also write one self-contained HTML page with charts (prints well)
  --csv OUT        also write one row per meeting, for spreadsheets
  --scenarios DIR  also load scenarios from DIR (for transcripts of your own scenarios)
  -h, --help       show this help

A file that cannot be read is reported on stderr and skipped; the exit code is then 1.`,
  options: { html: { type: 'string' }, csv: { type: 'string' }, scenarios: { type: 'string', multiple: true } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one folder' : 'which folder? (coffeechat report DIR)');
    const dir = positionals[0]!;
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
    for (const e of cohort.errors) process.stderr.write(`coffeechat report: ${e}\n`);
    for (const w of cohort.warnings) process.stderr.write(`coffeechat report: warning: ${w}\n`);
    process.stdout.write(renderCohortText(cohort, painter(useColor(process.stdout))));
    if (typeof values.html === 'string') {
      writeOutput(values.html, renderCohortHtml(cohort));
      process.stderr.write(`wrote ${values.html}\n`);
    }
    if (typeof values.csv === 'string') {
      writeOutput(values.csv, renderCohortCsv(cohort));
      process.stderr.write(`wrote ${values.csv}\n`);
    }
    return cohort.errors.length ? EXIT.badInput : EXIT.ok;
  },
};
