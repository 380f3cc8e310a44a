import { formatDiagnostic } from '../scenario/diagnostics.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { loadScenarioFile } from '../scenario/load.js';
import { loadCatalog, userDirs, type Catalog } from '../scenario/registry.js';
import { EXIT, UsageError, type Command } from './command.js';
import { jsonLine, printable } from '../io/terminal-text.js';
import { painter, useColor } from './io.js';

/** Print a catalog's diagnostics to stderr, compiler-style. Returns how many were errors. */
export function reportDiagnostics(diags: Catalog['diagnostics']): number {
  const paint = painter(useColor(process.stderr));
  for (const d of diags) process.stderr.write(`${formatDiagnostic(d, d.source, paint)}\n`);
  return diags.filter((d) => d.severity === 'error').length;
}

export const scenariosCommand: Command = {
  name: 'scenarios',
  usage: 'coffeechat scenarios (list [--json] | validate [FILE...] | schema) [--scenarios DIR]',
  help: `
Sub-commands:
  list             the scenarios you can play; the default is marked with *
  validate FILE... check scenario files and report every problem as
                   FILE:LINE:COL: error[CODE]: message (codes: docs/diagnostics.md).
                   Without FILE, checks every scenario found. Exit 1 if any has errors.
  schema           print the JSON Schema for scenario files

Options:
  --json            with list: one JSON array of {"id","title","file","default"}
  --scenarios DIR   also load scenarios from DIR (repeatable; $COFFEECHAT_SCENARIOS too,
                    separated like PATH). A broken one is reported and skipped.
  -h, --help        show this help

Writing your own: docs/writing-scenarios.md`,
  options: { json: { type: 'boolean' }, scenarios: { type: 'string', multiple: true } },
  async run(values, positionals) {
    const [sub, ...files] = positionals;
    const dirs = userDirs(values.scenarios as string[] | undefined);
    switch (sub) {
      case 'list': {
        if (files.length) throw new UsageError(`'list' takes no arguments (got '${files[0]}')`);
        const cat = loadCatalog(dirs);
        reportDiagnostics(cat.diagnostics);
        if (values.json) {
          const rows = cat.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, file: s.file, default: s.scenario.default === true }));
          process.stdout.write(`${jsonLine(rows)}\n`);
        } else {
          const paint = painter(useColor(process.stdout));
          for (const s of cat.scenarios) {
            const sc = s.scenario;
            const mark = sc.default ? '*' : ' ';
            process.stdout.write(`${mark} ${paint('bold', sc.id.padEnd(26))}${sc.difficulty.padEnd(8)}${`${sc.meeting.minutes} min ${sc.meeting.format}`.padEnd(16)}${printable(sc.title)}${s.shipped ? '' : paint('dim', `  (${printable(s.file)})`)}\n`);
          }
        }
        return EXIT.ok;
      }
      case 'validate': {
        let errors = 0;
        if (files.length === 0) {
          const cat = loadCatalog(dirs);
          errors = reportDiagnostics(cat.diagnostics);
          for (const s of cat.scenarios) process.stdout.write(`${printable(s.file)}: ok\n`);
        } else {
          for (const f of files) {
            const r = loadScenarioFile(f);
            const n = reportDiagnostics(r.diagnostics.map((d) => ({ ...d, ...(r.source !== undefined ? { source: r.source } : {}) })));
            errors += n;
            if (n === 0) process.stdout.write(`${printable(f)}: ok\n`);
          }
        }
        if (errors) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}\n`);
        return errors ? EXIT.badInput : EXIT.ok;
      }
      case 'schema':
        process.stdout.write(scenarioJsonSchema());
        return EXIT.ok;
      case undefined:
        throw new UsageError('which one: list, validate or schema?');
      default:
        throw new UsageError(`unknown sub-command '${sub}' (list, validate or schema)`);
    }
  },
};
